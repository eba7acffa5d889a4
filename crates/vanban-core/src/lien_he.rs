//! Địa chỉ, điện thoại, thư điện tử, website, fax (ô 13): the issuing body's contacts,
//! printed at the foot of page 1 under a rule across the text width.

/// The contacts of the issuing body; each part optional. Printed when any is given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LienHe {
    /// Postal address of the head office.
    pub dia_chi: Option<String>,
    /// Telephone number.
    pub dien_thoai: Option<String>,
    /// Fax number.
    pub fax: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

impl LienHe {
    /// Whether nothing is given (ô 13 is then left out).
    pub fn is_empty(&self) -> bool {
        self.dong().is_empty()
    }

    /// The lines as printed, in the order of the decree's templates: the address and the
    /// telephone and fax numbers, then the e-mail address and the website
    /// (`Địa chỉ: …; ĐT: …; Fax: …`, `E-mail: …; Website: …`). Empty lines are left out.
    pub fn dong(&self) -> Vec<String> {
        self.cac_phan().iter().map(|parts| parts.join("; ")).collect()
    }

    /// [`LienHe::dong`] as its parts (`Địa chỉ: …`, `ĐT: …`), which are never broken across
    /// lines when a line wraps.
    pub fn cac_phan(&self) -> Vec<Vec<String>> {
        let line = |parts: &[(&str, &Option<String>)]| -> Vec<String> {
            parts
                .iter()
                .filter_map(|(label, v)| v.as_deref().map(|v| format!("{label}: {}", v.trim())))
                .collect()
        };
        [
            line(&[("Địa chỉ", &self.dia_chi), ("ĐT", &self.dien_thoai), ("Fax", &self.fax)]),
            line(&[("E-mail", &self.email), ("Website", &self.website)]),
        ]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_given_are_printed_in_order_on_two_lines() {
        let l = LienHe {
            dia_chi: Some("Khu 5, thị trấn Phong Thổ".into()),
            dien_thoai: Some("0213 3894 201".into()),
            email: Some("ubndpt@laichau.gov.vn".into()),
            ..LienHe::default()
        };
        assert_eq!(
            l.dong(),
            ["Địa chỉ: Khu 5, thị trấn Phong Thổ; ĐT: 0213 3894 201", "E-mail: ubndpt@laichau.gov.vn"]
        );
        assert!(!l.is_empty());
        assert!(LienHe::default().is_empty());
        let only_web = LienHe { website: Some("phongtho.laichau.gov.vn".into()), ..LienHe::default() };
        assert_eq!(only_web.dong(), ["Website: phongtho.laichau.gov.vn"]);
    }
}
