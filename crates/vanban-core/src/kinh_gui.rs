//! Kính gửi (ô 9a): the addressees of a công văn, tờ trình or báo cáo.

use crate::LoaiVanBan;
use crate::khoa::{CoMat, Dang, Khoa, Kieu};

/// The addressees, in order, as the author typed them (without list punctuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinhGui(pub Vec<String>);

impl KinhGui {
    /// The lines as printed. One addressee: `["Kính gửi: X."]` on one line. Several: `"Kính gửi:"`
    /// followed by `- X;` for each and `- Y.` for the last.
    pub fn dong(&self) -> Vec<String> {
        match self.0.as_slice() {
            [] => Vec::new(),
            [one] => vec![format!("Kính gửi: {}", cham_cuoi(bo_dau_muc(one)))],
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
        .map(|(i, x)| {
            let x = bo_dau_muc(x);
            if i == last { format!("- {}", cham_cuoi(x)) } else { format!("- {x};") }
        })
        .collect()
}

/// `s` ending with a full stop: one is added unless it ends with one already (the dot of
/// an abbreviation such as `v.v.`, or an ellipsis), so that it is never printed twice.
pub(crate) fn cham_cuoi(s: &str) -> String {
    if s.ends_with(['.', '…']) { s.to_owned() } else { format!("{s}.") }
}

/// A list entry as typed, in three parts: the list marker typed at its start (`- `, `+ `,
/// `• `), the entry itself, and the punctuation typed at its end (`;`, `,`, `.`, `./.`). vanban
/// prints the marker and the punctuation of the lists it lays out itself; typed as well,
/// they would be printed twice (`- - Như trên;`, `Phòng TC-KH..`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MucDanhSach<'a> {
    /// The marker typed at the start, with the white space after it; empty when none.
    pub(crate) dau: &'a str,
    /// The entry without them, trimmed.
    pub(crate) noi_dung: &'a str,
    /// The punctuation typed at the end, with any white space between; empty when none.
    pub(crate) cuoi: &'a str,
}

/// Splits `s` into [`MucDanhSach`]; `gach`: whether the list is printed with dashes, so that
/// a marker typed at the start is the list's own (the căn cứ of a decision are not dashed).
///
/// Only the end of the entry is touched: a dot inside it stays (`TP. Hồ Chí Minh`,
/// `780.000.000`), and so does a final dot that belongs to an abbreviation of single letters
/// (`v.v.`) or an ellipsis (`...`).
pub(crate) fn tach_muc(s: &str, gach: bool) -> MucDanhSach<'_> {
    let trimmed = s.trim();
    let lead = s.len() - s.trim_start().len();
    let mut body = trimmed;
    if gach {
        // Markers, as many as were typed (`- - X`), each followed by white space or the end;
        // a bullet needs no space after it.
        loop {
            let mut chars = body.chars();
            let Some(c) = chars.next() else { break };
            let rest = chars.as_str();
            let marker = match c {
                '-' | '+' | '*' | '–' | '—' => rest.is_empty() || rest.starts_with(char::is_whitespace),
                '•' | '·' | '▪' | '◦' => true,
                _ => false,
            };
            if !marker {
                break;
            }
            body = rest.trim_start();
        }
    }
    let dau_end = lead + (trimmed.len() - body.len());
    let mut end = body.len();
    loop {
        let t = body[..end].trim_end();
        if let Some(r) = t.strip_suffix("./.") {
            end = r.len();
        } else if let Some(r) = t.strip_suffix([';', ',']) {
            end = r.len();
        } else if let Some(r) = t.strip_suffix('.') {
            if t.ends_with("...") || viet_tat_cham(r) {
                break;
            }
            end = r.len();
        } else {
            break;
        }
    }
    let noi_dung = body[..end].trim_end();
    let cuoi_start = dau_end + noi_dung.len();
    let cuoi_end = lead + trimmed.len();
    MucDanhSach { dau: &s[lead..dau_end], noi_dung, cuoi: &s[cuoi_start..cuoi_end] }
}

/// Whether `before`, the text before a final dot, ends with an abbreviation written as single
/// letters each followed by a dot (`v.v`, `T.Ư`): that dot is the abbreviation's own.
fn viet_tat_cham(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    word.contains('.')
        && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// The entry without the list marker and punctuation an author typed anyway (`- X;` → `X`),
/// so that they are never printed twice.
pub(crate) fn bo_dau_muc(s: &str) -> &str {
    tach_muc(s, true).noi_dung
}

/// Drops the punctuation an author typed anyway at the end of an entry (`X;` → `X`), so it
/// is never printed twice.
pub(crate) fn bo_dau_cuoi(s: &str) -> &str {
    tach_muc(s, false).noi_dung
}

/// The places listed after `Lưu:` when a recipient entry is the Lưu line typed in full
/// (`Lưu: VT, VP` → `["VT", "VP"]`), the line vanban prints itself from `luu`; `None` for
/// any other entry.
pub(crate) fn muc_luu(entry: &str) -> Option<Vec<&str>> {
    let entry = bo_dau_muc(entry);
    let word = entry.get(..entry.char_indices().nth(3).map_or(entry.len(), |(i, _)| i))?;
    if word.to_lowercase() != "lưu" {
        return None;
    }
    let rest = entry[word.len()..].trim_start().strip_prefix(':')?;
    Some(rest.split([',', ';']).map(bo_dau_cuoi).filter(|p| !p.is_empty()).collect())
}

/// `kinh_gui`: the addressees.
pub const KINH_GUI: Khoa = Khoa {
    ten: "kinh_gui",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một nơi nhận Kính gửi, ví dụ: \"Ủy ban nhân dân tỉnh Lai Châu\".",
        bang: None,
    },
    co_mat: |l| match l {
        LoaiVanBan::CongVan => CoMat::BatBuoc,
        l if l.co_kinh_gui() => CoMat::TuyChon,
        _ => CoMat::Khong,
    },
    mo_ta: "Nơi nhận ở phần Kính gửi: một chuỗi (in \"Kính gửi: X.\") hoặc danh sách (mỗi mục một dòng \"- X;\"); không gõ dấu \";\", \".\" cuối mục.",
    mo_ta_en: "Addressees of the Kính gửi line: one string (printed \"Kính gửi: X.\") or a list (one line \"- X;\" each); do not type the closing \";\" or \".\".",
    vi_du: "[\"Các sở, ban, ngành tỉnh\", \"Ủy ban nhân dân các xã, phường\"]",
    thay_the: ("ghi nơi nhận vào [noi_nhan] gui", "list the recipients in gui under [noi_nhan]"),
};

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

    #[test]
    fn typed_markers_and_full_stops_are_not_printed_twice() {
        let k = KinhGui(vec!["- UBND huyện;".into(), "- Phòng TC-KH.".into()]);
        assert_eq!(k.dong(), ["Kính gửi:", "- UBND huyện;", "- Phòng TC-KH."]);
        let k = KinhGui(vec!["Phòng TC-KH.".into()]);
        assert_eq!(k.dong(), ["Kính gửi: Phòng TC-KH."]);
        // An abbreviation keeps its dot, and gets no second one.
        let k = KinhGui(vec!["Các phòng, ban v.v.".into()]);
        assert_eq!(k.dong(), ["Kính gửi: Các phòng, ban v.v."]);
    }

    #[test]
    fn an_entry_splits_into_marker_text_and_end_punctuation() {
        let m = tach_muc("  - Như trên; ", true);
        assert_eq!((m.dau, m.noi_dung, m.cuoi), ("- ", "Như trên", ";"));
        let m = tach_muc("• - Lưu: VT, VP.", true);
        assert_eq!((m.dau, m.noi_dung, m.cuoi), ("• - ", "Lưu: VT, VP", "."));
        let m = tach_muc("+ Sở Tài chính ;.", true);
        assert_eq!((m.dau, m.noi_dung, m.cuoi), ("+ ", "Sở Tài chính", " ;."));
        // Dots inside the text, numbers and abbreviations stay.
        for same in ["TP. Hồ Chí Minh", "Gói 780.000.000", "Các xã v.v.", "Các xã...", "-5 độ", "Phòng 1"]
        {
            let m = tach_muc(same, true);
            assert_eq!((m.dau, m.noi_dung, m.cuoi), ("", same, ""), "{same}");
        }
        assert_eq!(tach_muc("Số 1.", true).noi_dung, "Số 1");
        assert_eq!(tach_muc("UBND huyện./.", true).noi_dung, "UBND huyện");
        // A list printed without dashes keeps a dash typed at the start.
        assert_eq!(tach_muc("- Căn cứ Luật A;", false).noi_dung, "- Căn cứ Luật A");
        // Only punctuation: nothing is left.
        assert_eq!(tach_muc("- ;", true).noi_dung, "");
        assert_eq!(tach_muc("-", true).noi_dung, "");
    }

    #[test]
    fn a_typed_luu_line_is_recognised() {
        assert_eq!(muc_luu("- Lưu: VT, VP."), Some(vec!["VT", "VP"]));
        assert_eq!(muc_luu("lưu : VT;"), Some(vec!["VT"]));
        assert_eq!(muc_luu("Lưu:"), Some(vec![]));
        assert_eq!(muc_luu("Lưu trữ huyện"), None);
        assert_eq!(muc_luu("Như trên"), None);
        assert_eq!(muc_luu("Lư"), None);
    }
}
