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
