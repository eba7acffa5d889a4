//! Nội dung (ô 6): the body, as typed blocks parsed from Markdown.

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
}

/// The whole body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoiDung(pub Vec<Khoi>);

impl NoiDung {
    /// The body's plain text, one block per line.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for k in &self.0 {
            let d = match k {
                Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => d,
            };
            out.push_str(&d.plain());
            out.push('\n');
        }
        out
    }
}
