//! Nội dung (ô 6): the body, as typed blocks parsed from Markdown.

use crate::khoa::{self, Khoa, Kieu};

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chu {
    /// Text, bold and/or italic.
    Van {
        /// The text, NFC-normalised.
        text: String,
        /// Bold (`**…**`).
        dam: bool,
        /// Italic (`*…*`).
        nghieng: bool,
    },
    /// A forced line break inside a paragraph.
    XuongDong,
}

/// The runs of one paragraph or heading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DongChu(pub Vec<Chu>);

impl DongChu {
    /// The plain text, styles dropped, line breaks as `\n`.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|c| match c {
                Chu::Van { text, .. } => text.as_str(),
                Chu::XuongDong => "\n",
            })
            .collect()
    }
}

/// A heading level of the body (Phụ lục I II.6, scheme B): `#` is a mục (`I. …`), `##` a khoản
/// with a title (`1. …`), `###` a sub-level, `####` and below a lower level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CapTieuDe {
    /// `#`: bold.
    Muc,
    /// `##`: bold.
    Khoan,
    /// `###`: bold italic.
    TieuKhoan,
    /// `####` and below: italic.
    Diem,
    /// A heading of any level that opens a Phần, Chương, Mục or Tiểu mục (`# Chương I. QUY
    /// ĐỊNH CHUNG`): printed as two centred bold lines, `Chương I` and the title in capitals
    /// (scheme A of Phụ lục I II.6).
    PhanChuong,
}

/// A heading that opens a Phần, Chương, Mục or Tiểu mục, split as printed: `("Chương I",
/// "Quy định chung")`. `None` for any other text. The number follows the word (Roman for
/// Phần and Chương, Arabic for Mục and Tiểu mục, as written), then `.`, `:` or `-` and the
/// title.
pub fn phan_chuong(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let word = ["Tiểu mục ", "Phần ", "Chương ", "Mục "].into_iter().find(|w| text.starts_with(w))?;
    let rest = &text[word.len()..];
    let number: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let roman = !number.is_empty() && number.chars().all(|c| "IVXLCDM".contains(c));
    let arabic = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    if !(roman || arabic) {
        return None;
    }
    let title = rest[number.len()..].trim_start().trim_start_matches(['.', ':', '-', '–']).trim();
    if title.is_empty() {
        return None;
    }
    Some((format!("{word}{number}"), title.to_owned()))
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Khoi {
    /// A justified paragraph with a first-line indent. List items become paragraphs that
    /// begin with `- ` or the author's own number (`1. `).
    DoanVan(DongChu),
    /// A heading the author wrote, with its own numbering.
    TieuDe {
        /// The level.
        cap: CapTieuDe,
        /// The heading's text.
        noi_dung: DongChu,
    },
    /// A table (a GFM table in Markdown): full width, ruled, its header row in bold.
    Bang(Bang),
}

/// How a table column's cells are aligned (the `:---:` row of a GFM table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanLe {
    /// Left, as text reads; the default.
    Trai,
    /// Centred (`:---:`).
    Giua,
    /// Right (`---:`), for numbers.
    Phai,
}

/// A table of the body: a header row and body rows, all as wide as the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bang {
    /// The header cells.
    pub dau: Vec<DongChu>,
    /// The body rows, each with one cell per column.
    pub hang: Vec<Vec<DongChu>>,
    /// Each column's alignment.
    pub can_le: Vec<CanLe>,
}

impl Khoi {
    /// The block's plain text: a table's cells joined by ` | `, one row per line.
    pub fn plain(&self) -> String {
        match self {
            Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => d.plain(),
            Khoi::Bang(b) => std::iter::once(&b.dau)
                .chain(&b.hang)
                .map(|row| row.iter().map(DongChu::plain).collect::<Vec<_>>().join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// Every run of text in the block, a table's cell by cell.
    pub fn dong(&self) -> Vec<&DongChu> {
        match self {
            Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => vec![d],
            Khoi::Bang(b) => b.dau.iter().chain(b.hang.iter().flatten()).collect(),
        }
    }
}

/// The whole body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoiDung(pub Vec<Khoi>);

impl NoiDung {
    /// The body's plain text, one block per line.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for k in &self.0 {
            out.push_str(&k.plain());
            out.push('\n');
        }
        out
    }
}

/// `noi_dung`: the body, in Markdown.
pub const NOI_DUNG: Khoa = Khoa {
    ten: "noi_dung",
    kieu: Kieu::NoiDung { toi_da: Some(crate::limits::BODY_CHARS) },
    co_mat: khoa::bat_buoc,
    mo_ta: "Nội dung văn bản, viết bằng Markdown trong chuỗi nhiều dòng \"\"\"…\"\"\": đoạn văn; \"# I. …\" (mục), \"## 1. …\" (khoản), \"### 1.1. …\", \"- …\" (gạch đầu dòng); kết thúc bằng \"./.\". Tệp .md không có khóa này: nội dung viết sau dòng +++ thứ hai.",
    mo_ta_en: "The body, in Markdown in a multi-line string \"\"\"…\"\"\": paragraphs; \"# I. …\" (section), \"## 1. …\", \"### 1.1. …\", \"- …\" (dashed items); ending in \"./.\". A .md file has no such key: its body follows the second +++ line.",
    vi_du: "\"\"\"\nCăn cứ …, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\n…./.\n\"\"\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_chapter_and_section_headings_are_split_as_printed() {
        let p = phan_chuong;
        assert_eq!(p("Chương I. QUY ĐỊNH CHUNG"), Some(("Chương I".into(), "QUY ĐỊNH CHUNG".into())));
        assert_eq!(p("Phần II: Tình hình"), Some(("Phần II".into(), "Tình hình".into())));
        assert_eq!(p("Mục 2 - Nhiệm vụ"), Some(("Mục 2".into(), "Nhiệm vụ".into())));
        assert_eq!(p("Tiểu mục 1. Chung"), Some(("Tiểu mục 1".into(), "Chung".into())));
        // A title is required; other headings are not these.
        for not in ["Chương I", "Chương một. X", "I. MỤC ĐÍCH", "Mục đích, yêu cầu", "Phần việc còn lại"]
        {
            assert_eq!(p(not), None, "{not}");
        }
    }
}
