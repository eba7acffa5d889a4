//! `so-trung`: a number and ký hiệu used twice by one agency in one year (Art. 15: the pair
//! is unique within the year). Found across the files of one `render check` run.

use super::SO_TRUNG;
use crate::{Diagnostic, VanBan, ViTri};

/// The registered number of one document, with the place of `so` in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoDaDung {
    /// The issuing agency, as its name lines.
    pub co_quan: String,
    /// The year of issue.
    pub nam: i32,
    /// `05/QĐ-UBND`.
    pub so_ky_hieu: String,
    /// Where `so` is written: a diagnostic already placed there.
    cho: Diagnostic,
}

impl SoDaDung {
    /// The number `van_ban` is registered under, if it has one; `source` and `vi_tri` are
    /// the file's text and places, from [`doc`](crate::doc).
    pub fn cua(van_ban: &VanBan, source: &str, vi_tri: &ViTri) -> Option<SoDaDung> {
        let so = van_ban.so_hieu.so?;
        let vi_tri = super::ViTriTrongTep::new(source, vi_tri);
        let cho = Diagnostic::loi(SO_TRUNG, String::new()).with_key(crate::khoa::SO.ten);
        let cho = match vi_tri.of(crate::khoa::SO.ten) {
            Some(at) => vi_tri.dat(cho, at),
            None => cho,
        };
        Some(SoDaDung {
            co_quan: van_ban.co_quan.ten.join(" ").to_lowercase(),
            nam: van_ban.ngay.nam(),
            so_ky_hieu: format!("{so}/{}", van_ban.so_hieu.ky_hieu),
            cho,
        })
    }
}

/// Every document that reuses a number taken by an earlier one in `docs` (file name, its
/// number): the index of the document and the error to report for it.
pub fn so_trung(docs: &[(String, SoDaDung)]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (i, (_, d)) in docs.iter().enumerate() {
        let first = docs[..i]
            .iter()
            .find(|(_, e)| e.co_quan == d.co_quan && e.nam == d.nam && e.so_ky_hieu == d.so_ky_hieu);
        if let Some((file, _)) = first {
            let mut diag = d.cho.clone();
            diag.message = format!("số “{}” năm {} đã dùng cho {file}", d.so_ky_hieu, d.nam);
            diag.message_en =
                Some(format!("number “{}” of {} is already used by {file}", d.so_ky_hieu, d.nam));
            diag.hint = Some(
                "mỗi số, ký hiệu chỉ cấp cho một văn bản trong năm: lấy số tiếp theo trong sổ đăng ký".into(),
            );
            diag.hint_en = Some(
                "a number and code are given to one document a year: take the next number in the register"
                    .into(),
            );
            out.push((i, diag));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DangTep;
    use crate::lint::test_util::with;

    fn doc(so: Option<u32>, ngay: &str, ten: &str) -> Option<SoDaDung> {
        let mut src = with("ngay", &format!("ngay = \"{ngay}\""));
        if let Some(so) = so {
            src = with_so(&src, so);
        }
        let src = src.replace("\"huyện Phong Thổ\"", &format!("\"{ten}\""));
        let (vb, vi_tri) = crate::doc(&src, DangTep::Toml).unwrap();
        SoDaDung::cua(&vb, &src, &vi_tri)
    }

    fn with_so(src: &str, so: u32) -> String {
        crate::lint::test_util::with_in(src, "so", &format!("so = {so}"))
    }

    #[test]
    fn a_number_used_twice_in_a_year_is_found_on_the_second() {
        let docs: Vec<(String, SoDaDung)> = [
            ("a.toml", doc(Some(5), "2024-03-05", "huyện Phong Thổ")),
            ("b.toml", doc(Some(6), "2024-03-06", "huyện Phong Thổ")),
            ("c.toml", doc(Some(5), "2024-11-20", "huyện Phong Thổ")),
        ]
        .into_iter()
        .map(|(f, d)| (f.to_owned(), d.unwrap()))
        .collect();
        let found = so_trung(&docs);
        assert_eq!(found.len(), 1);
        let (i, d) = &found[0];
        assert_eq!(*i, 2);
        assert!(d.message.contains("a.toml") && d.message.contains("05/UBND-NV"), "{}", d.message);
        assert_eq!(d.quy_tac.map(|q| q.id), Some("so-trung"));
        assert_eq!(d.line, Some(2));
    }

    #[test]
    fn other_years_agencies_and_blank_numbers_are_clean() {
        assert!(doc(None, "2024", "huyện Phong Thổ").is_none());
        let docs: Vec<(String, SoDaDung)> = [
            ("a.toml", doc(Some(5), "2024-03-05", "huyện Phong Thổ")),
            ("b.toml", doc(Some(5), "2025-01-02", "huyện Phong Thổ")),
            ("c.toml", doc(Some(5), "2024-03-05", "huyện Sìn Hồ")),
        ]
        .into_iter()
        .map(|(f, d)| (f.to_owned(), d.unwrap()))
        .collect();
        assert!(so_trung(&docs).is_empty());
    }
}
