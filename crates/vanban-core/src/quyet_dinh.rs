//! Nghị quyết and quyết định (cá biệt), Mẫu 1.1 and 1.2: a competent authority issues
//! articles (Điều) on legal bases (căn cứ).

use crate::khoa::{self, CoMat, Dang, Khoa, Kieu};

use crate::kinh_gui::{bo_dau_cuoi, cham_cuoi};
use crate::{Chu, DongChu, Khoi, LoaiVanBan, NoiDung, TrichYeu};

/// Căn cứ ban hành (Phụ lục I, II.6): the legal bases, one per line, in italics; every line
/// ends with `;` and the last with `.`. A quyết định may end the block with the proposal it
/// answers (`Theo đề nghị của …`), which then takes the full stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanCu {
    /// The bases as typed (`Căn cứ Luật Tổ chức chính quyền địa phương …`), without the
    /// punctuation that ends them; at least one.
    pub dong: Vec<String>,
    /// Who proposed the document (`Trưởng phòng Nội vụ`), printed `Theo đề nghị của … .`.
    pub theo_de_nghi: Option<String>,
}

impl CanCu {
    /// The lines as printed: `…;` for each base, `.` after the last line of the block.
    pub fn cac_dong(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.dong.iter().map(|l| bo_dau_cau(l).to_owned()).collect();
        if let Some(ai) = &self.theo_de_nghi {
            lines.push(format!("Theo đề nghị của {}", bo_theo_de_nghi(ai)));
        }
        let last = lines.len().saturating_sub(1);
        lines.into_iter().enumerate().map(|(i, l)| if i == last { cham_cuoi(&l) } else { l + ";" }).collect()
    }
}

/// Ending punctuation an author typed anyway (`;`, `,`, `.`), dropped so it is never doubled.
fn bo_dau_cau(s: &str) -> &str {
    bo_dau_cuoi(s)
}

/// `Theo đề nghị của X` typed in full becomes `X`; the template writes the words.
fn bo_theo_de_nghi(s: &str) -> &str {
    let s = bo_dau_cau(s);
    let prefix = "theo đề nghị của ";
    match s.get(..prefix.len()) {
        Some(p) if p.to_lowercase() == prefix => s[prefix.len()..].trim_start(),
        _ => s,
    }
}

/// A nghị quyết (Mẫu 1.1) or a quyết định (Mẫu 1.2): type name and summary, the authority
/// that issues it, its legal bases, `QUYẾT NGHỊ:` or `QUYẾT ĐỊNH:`, and a body of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuyetDinh {
    /// [`LoaiVanBan::NghiQuyet`] or [`LoaiVanBan::QuyetDinh`].
    pub loai: LoaiVanBan,
    /// The summary under the type name (`Về việc …`).
    pub trich_yeu: TrichYeu,
    /// Thẩm quyền ban hành: the title of the head who decides (`Chủ tịch Ủy ban nhân dân
    /// huyện Phong Thổ`) or the name of the collective (`Hội đồng nhân dân huyện …`), one
    /// entry per printed line (`khóa XX, kỳ họp thứ 12` on a line of its own), printed in
    /// capitals under the summary; at least one line.
    pub tham_quyen: Vec<String>,
    /// The legal bases.
    pub can_cu: CanCu,
}

impl QuyetDinh {
    /// The line that opens the articles: `QUYẾT NGHỊ:` for a nghị quyết, `QUYẾT ĐỊNH:` for a
    /// quyết định.
    pub fn lenh(&self) -> &'static str {
        match self.loai {
            LoaiVanBan::NghiQuyet => "QUYẾT NGHỊ:",
            _ => "QUYẾT ĐỊNH:",
        }
    }
}

/// The number of the article a block opens (`Điều 3.` → 3), whether it is a paragraph or a
/// heading.
pub fn so_dieu(khoi: &Khoi) -> Option<u32> {
    match khoi {
        Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => tien_to_dieu(&d.plain()).map(|(n, _)| n),
        Khoi::Bang(_) => None,
    }
}

/// `Điều N.` at the start of `text`: the number and the prefix's length in bytes.
fn tien_to_dieu(text: &str) -> Option<(u32, usize)> {
    let rest = text.strip_prefix("Điều ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 || rest.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let n = rest[..digits].parse().ok()?;
    Some((n, "Điều ".len() + digits + 1))
}

/// Sets the `Điều N.` that opens each article paragraph in bold (Phụ lục I, II.6.a), and
/// the whole of an article's title line (`Điều 1. Phạm vi điều chỉnh`, without closing
/// punctuation) when the article's text follows in paragraphs of its own; returns the
/// articles' numbers in order. Headings are bold already; text stays as typed.
pub(crate) fn danh_dau_dieu(noi_dung: &mut NoiDung) -> Vec<u32> {
    let mut numbers = Vec::new();
    for khoi in &mut noi_dung.0 {
        let Some(n) = so_dieu(khoi) else { continue };
        numbers.push(n);
        if let Khoi::DoanVan(d) = khoi {
            let plain = d.plain();
            let title_only = !plain.trim_end().ends_with(['.', ';', ':', ',', '!', '?', ')'])
                && plain.chars().count() <= 200
                && !plain.contains('\n');
            if title_only {
                for c in &mut d.0 {
                    if let Chu::Van { dam, .. } = c {
                        *dam = true;
                    }
                }
            } else {
                dam_tien_to(d);
            }
        }
    }
    numbers
}

/// Splits the runs of `d` so that its `Điều N.` prefix is a bold run of its own.
fn dam_tien_to(d: &mut DongChu) {
    let Some((_, mut len)) = tien_to_dieu(&d.plain()) else { return };
    let mut out = Vec::with_capacity(d.0.len() + 1);
    for chu in d.0.drain(..) {
        match chu {
            Chu::Van { text, dam, nghieng } if len > 0 => {
                if text.len() <= len {
                    len -= text.len();
                    out.push(Chu::Van { text, dam: true, nghieng });
                } else {
                    let (head, tail) = text.split_at(len);
                    out.push(Chu::Van { text: head.to_owned(), dam: true, nghieng });
                    out.push(Chu::Van { text: tail.to_owned(), dam, nghieng });
                    len = 0;
                }
            }
            other => out.push(other),
        }
    }
    d.0 = out;
}

/// `tham_quyen`: the issuing authority of a nghị quyết, quyết định or công điện.
pub const THAM_QUYEN: Khoa = Khoa {
    ten: "tham_quyen",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một dòng thẩm quyền ban hành, ví dụ: \"Chủ tịch Ủy ban nhân dân xã Phong Thổ\".",
        bang: None,
    },
    co_mat: |l| khoa::chi_khi(l.co_dieu() || l == LoaiVanBan::CongDien),
    mo_ta: "Thẩm quyền ban hành: chức vụ người đứng đầu hoặc tên tập thể, cơ quan ban hành; một chuỗi, hoặc danh sách các dòng in ra; in hoa, đậm, giữa trang, dưới trích yếu (công điện: trước chữ \"điện:\").",
    mo_ta_en: "Issuing authority: the head's title or the collective body; one string or the printed lines; capitals, bold, centred under the summary (công điện: before \"điện:\").",
    vi_du: "\"Chủ tịch Ủy ban nhân dân xã Phong Thổ\"",
    thay_the: ("", ""),
};

/// `can_cu`: the legal bases of a nghị quyết or quyết định.
pub const CAN_CU: Khoa = Khoa {
    ten: "can_cu",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một căn cứ, ví dụ: \"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025\".",
        bang: None,
    },
    co_mat: |l| khoa::chi_khi(l.co_dieu()),
    mo_ta: "Căn cứ ban hành, mỗi căn cứ một mục; in nghiêng, chương trình tự thêm \";\" sau mỗi căn cứ và \".\" sau căn cứ cuối.",
    mo_ta_en: "Legal bases, one entry each; printed in italics, with \";\" after each and \".\" after the last added by the program.",
    vi_du: "[\"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025\"]",
    thay_the: ("viết căn cứ ở đầu nội dung", "write the legal bases at the start of the body"),
};

/// `theo_de_nghi`: who proposed a nghị quyết or quyết định.
pub const THEO_DE_NGHI: Khoa = Khoa {
    ten: "theo_de_nghi",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: |l| if l.co_dieu() { CoMat::TuyChon } else { CoMat::Khong },
    mo_ta: "Người hoặc cơ quan đề nghị, in \"Theo đề nghị của … .\" sau các căn cứ.",
    mo_ta_en: "Who proposed it, printed \"Theo đề nghị của … .\" after the legal bases.",
    vi_du: "\"Trưởng phòng Văn hóa - Xã hội\"",
    thay_the: ("viết đề nghị ở đầu nội dung", "write the proposal at the start of the body"),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn doan(runs: &[(&str, bool)]) -> Khoi {
        Khoi::DoanVan(DongChu(
            runs.iter().map(|(t, dam)| Chu::Van { text: (*t).into(), dam: *dam, nghieng: false }).collect(),
        ))
    }

    #[test]
    fn bases_end_with_semicolons_and_the_last_with_a_full_stop() {
        let c = CanCu {
            dong: vec!["Căn cứ Luật A;".into(), "Căn cứ Nghị định B".into()],
            theo_de_nghi: None,
        };
        assert_eq!(c.cac_dong(), ["Căn cứ Luật A;", "Căn cứ Nghị định B."]);
        let c = CanCu {
            dong: vec!["Căn cứ Luật A.".into()],
            theo_de_nghi: Some("Theo đề nghị của Trưởng phòng Nội vụ.".into()),
        };
        assert_eq!(c.cac_dong(), ["Căn cứ Luật A;", "Theo đề nghị của Trưởng phòng Nội vụ."]);
        let c = CanCu {
            dong: vec!["Căn cứ Luật A,".into()], theo_de_nghi: Some("Chánh Văn phòng".into())
        };
        assert_eq!(c.cac_dong(), ["Căn cứ Luật A;", "Theo đề nghị của Chánh Văn phòng."]);
    }

    #[test]
    fn article_numbers_are_read_from_paragraphs_and_headings() {
        assert_eq!(so_dieu(&doan(&[("Điều 12. Quyết định này", false)])), Some(12));
        assert_eq!(so_dieu(&doan(&[("Điều 1.", true), (" Phê duyệt", false)])), Some(1));
        let h = Khoi::TieuDe {
            cap: crate::CapTieuDe::Khoan,
            noi_dung: DongChu(vec![Chu::Van {
                text: "Điều 2. Hiệu lực".into(), dam: false, nghieng: false
            }]),
        };
        assert_eq!(so_dieu(&h), Some(2));
        for not in ["Điều này có hiệu lực", "Điều 1 quy định", "Điều .", "điều 1. x", "Theo Điều 1. x"]
        {
            assert_eq!(so_dieu(&doan(&[(not, false)])), None, "{not}");
        }
    }

    #[test]
    fn the_article_prefix_becomes_bold_and_the_text_is_unchanged() {
        let mut n = NoiDung(vec![
            doan(&[("Điều 1. Phê duyệt ", false), ("kế hoạch", true), (".", false)]),
            doan(&[("Đoạn thường.", false)]),
            doan(&[("Điều", false), (" 2. Hiệu lực kể từ ngày ký.", false)]),
            doan(&[("Điều 3. Phạm vi ", false), ("điều chỉnh", false)]),
        ]);
        let before = n.plain();
        assert_eq!(danh_dau_dieu(&mut n), [1, 2, 3]);
        assert_eq!(n.plain(), before);
        let Khoi::DoanVan(d) = &n.0[0] else { unreachable!() };
        assert_eq!(d.0[0], Chu::Van { text: "Điều 1.".into(), dam: true, nghieng: false });
        assert_eq!(d.0[1], Chu::Van { text: " Phê duyệt ".into(), dam: false, nghieng: false });
        let Khoi::DoanVan(d) = &n.0[2] else { unreachable!() };
        assert_eq!(d.0[0], Chu::Van { text: "Điều".into(), dam: true, nghieng: false });
        assert_eq!(d.0[1], Chu::Van { text: " 2.".into(), dam: true, nghieng: false });
        assert_eq!(d.0[2], Chu::Van { text: " Hiệu lực kể từ ngày ký.".into(), dam: false, nghieng: false });
        // An article's title line, its text in the paragraphs after it: bold throughout.
        let Khoi::DoanVan(d) = &n.0[3] else { unreachable!() };
        assert!(d.0.iter().all(|c| matches!(c, Chu::Van { dam: true, .. })), "{d:?}");
    }
}
