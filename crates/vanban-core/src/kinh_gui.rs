//! Kính gửi (ô 9a): the addressees of a công văn, tờ trình or báo cáo.

/// The addressees, in order, as the author typed them (without list punctuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinhGui(pub Vec<String>);

impl KinhGui {
    /// The lines as printed. One addressee: `["Kính gửi: X."]` on one line. Several: `"Kính gửi:"`
    /// followed by `- X;` for each and `- Y.` for the last.
    pub fn dong(&self) -> Vec<String> {
        match self.0.as_slice() {
            [] => Vec::new(),
            [one] => vec![format!("Kính gửi: {}.", bo_dau_cuoi(one))],
            many => {
                let mut out = vec!["Kính gửi:".to_owned()];
                out.extend(cac_dong_gach(many));
                out
            }
        }
    }

    /// The addressee lines alone (`- X;` … `- Y.`), without the label.
    pub fn cac_dong(&self) -> Vec<String> {
        cac_dong_gach(&self.0)
    }
}

/// `- X;` for each item and `- Y.` for the last.
pub(crate) fn cac_dong_gach(items: &[String]) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, x)| format!("- {}{}", bo_dau_cuoi(x), if i == last { "." } else { ";" }))
        .collect()
}

/// Drops list punctuation an author typed anyway (`X;` → `X`), so it is never printed twice.
pub(crate) fn bo_dau_cuoi(s: &str) -> &str {
    s.trim_end().trim_end_matches([';', ',']).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_addressee_on_one_line() {
        let k = KinhGui(vec!["Ủy ban nhân dân tỉnh".into()]);
        assert_eq!(k.dong(), ["Kính gửi: Ủy ban nhân dân tỉnh."]);
    }

    #[test]
    fn several_addressees_one_line_each() {
        let k = KinhGui(vec!["A".into(), "B;".into(), "C".into()]);
        assert_eq!(k.dong(), ["Kính gửi:", "- A;", "- B;", "- C."]);
    }
}
