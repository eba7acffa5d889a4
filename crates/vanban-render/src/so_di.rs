//! The văn thư's printed register (sổ đăng ký văn bản đi, Phụ lục VI of the decree): a
//! cover, then one row per entry in a table of ten columns on landscape A4 pages, laid out
//! by the embedded template `so-di.typ`. Like a document, the register reaches the template
//! only as data: nothing in it is evaluated as Typst.

use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::PagedDocument;

use crate::world::DocWorld;
use crate::{RenderError, Renderer, templates};

/// The title of the register, on its cover.
pub const TIEU_DE_SO_DI: &str = "SỔ ĐĂNG KÝ VĂN BẢN ĐI";

/// The titles of the table's ten columns, in order.
pub const COT_SO_DI: [&str; 10] = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
];

/// The columns' shares of the table's width, in the order of [`COT_SO_DI`].
const RONG: [u32; 10] = [30, 22, 54, 26, 30, 24, 14, 18, 16, 26];

/// The columns' alignment: `c` centred, `l` left.
const CAN: [&str; 10] = ["c", "c", "l", "l", "l", "l", "c", "c", "c", "l"];

/// One row of the register's table: the ten columns as printed (empty where there is
/// nothing to print, as for the columns the văn thư fills by hand).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DongSoDi {
    /// (1) Số, ký hiệu văn bản, e.g. `05/UBND-VP`.
    pub so_ky_hieu: String,
    /// (2) Ngày tháng văn bản, e.g. `05/03/2025`.
    pub ngay: String,
    /// (3) Tên loại và trích yếu nội dung văn bản.
    pub loai_trich_yeu: String,
    /// (4) Người ký.
    pub nguoi_ky: String,
    /// (5) Nơi nhận văn bản.
    pub noi_nhan: String,
    /// (6) Đơn vị, người nhận bản lưu.
    pub don_vi_luu: String,
    /// (7) Số lượng bản.
    pub so_ban: String,
    /// (8) Ngày chuyển.
    pub ngay_chuyen: String,
    /// (9) Ký nhận.
    pub ky_nhan: String,
    /// (10) Ghi chú.
    pub ghi_chu: String,
}

impl DongSoDi {
    /// The ten cells, in the order of [`COT_SO_DI`].
    pub fn cot(&self) -> [&str; 10] {
        [
            &self.so_ky_hieu,
            &self.ngay,
            &self.loai_trich_yeu,
            &self.nguoi_ky,
            &self.noi_nhan,
            &self.don_vi_luu,
            &self.so_ban,
            &self.ngay_chuyen,
            &self.ky_nhan,
            &self.ghi_chu,
        ]
    }
}

/// What the printed register shows: the cover's lines and the table's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SoDiData {
    /// The superior body's name, a line each, printed as given (in capitals, regular).
    pub chu_quan: Vec<String>,
    /// The agency's name, a line each, printed as given (in capitals, bold); none leaves
    /// the line out.
    pub co_quan: Vec<String>,
    /// The line under the title, e.g. `Năm: 2025`.
    pub nam: String,
    /// The cover's other lines, e.g. `Từ ngày … đến ngày …`, `Từ số … đến số …`,
    /// `Quyển số: 01`.
    pub bia: Vec<String>,
    /// The table's rows, in order.
    pub dong: Vec<DongSoDi>,
}

impl SoDiData {
    /// The data the template reads from `/data.json`.
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "tieu_de": TIEU_DE_SO_DI,
            "chu_quan": self.chu_quan,
            "co_quan": self.co_quan,
            "nam": self.nam,
            "bia": self.bia,
            "cot": COT_SO_DI,
            "rong": RONG,
            "can": CAN,
            "hang": self.dong.iter().map(|d| d.cot().map(cho_ngat)).collect::<Vec<_>>(),
        })
    }
}

/// How many characters a word of a cell may run without a place to break: a longer one
/// (a file's path in a cancellation's reason) would run out of its narrow column.
const TU_DAI: usize = 14;

/// `o` with zero-width spaces where a long word may break: after `/ \ - _ . : ;` and, where
/// none comes, every [`TU_DAI`] characters. Shorter words are left as they are.
fn cho_ngat(o: &str) -> String {
    let mut ket_qua = String::with_capacity(o.len());
    for (i, tu) in o.split(' ').enumerate() {
        if i > 0 {
            ket_qua.push(' ');
        }
        if tu.chars().count() <= TU_DAI {
            ket_qua.push_str(tu);
            continue;
        }
        let mut chay = 0;
        let mut chars = tu.chars().peekable();
        while let Some(c) = chars.next() {
            ket_qua.push(c);
            chay += 1;
            let con = chars.peek().is_some();
            if con && (matches!(c, '/' | '\\' | '-' | '_' | '.' | ':' | ';') || chay >= TU_DAI) {
                ket_qua.push('\u{200B}');
                chay = 0;
            }
        }
    }
    ket_qua
}

impl Renderer {
    /// Lays out the printed register `data` and writes it as PDF: the cover (portrait A4),
    /// then the table on landscape A4 pages, its header row repeated on each.
    ///
    /// The same data always gives the same bytes.
    ///
    /// # Errors
    /// [`RenderError::MissingGlyph`] for a character the fonts lack, [`RenderError::Overflow`]
    /// for a word too long for its column, [`RenderError::Template`] when the template fails
    /// (a bug in vanban), [`RenderError::Pdf`] when export fails.
    pub fn so_di_pdf(&self, data: &SoDiData) -> Result<Vec<u8>, RenderError> {
        let (document, ident) = self.so_di_layout(data)?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options)
            .map_err(|errors| RenderError::Pdf(errors.iter().map(|e| e.message.to_string()).collect()))
    }

    /// The laid-out register and the PDF's document identifier.
    fn so_di_layout(&self, data: &SoDiData) -> Result<(PagedDocument, String), RenderError> {
        let bytes = serde_json::to_vec(&data.json()).unwrap_or_default();
        let ident = format!("vanban-so-di-{:016x}", crate::renderer::fnv1a(&bytes));
        let world = SoDiWorld {
            doc: DocWorld { base: &self.base, data: Bytes::new(bytes), images: Vec::new() },
            main: templates::file_id(templates::SO_DI.path),
        };
        let document = crate::renderer::compile(&world)?.map_err(|errors| {
            RenderError::Template(errors.iter().map(|e| format!("so-di.typ: {}", e.message)).collect())
        })?;
        crate::guard::check(&document)?;
        Ok((document, ident))
    }
}

/// A document's world with the register's template as its entry point.
struct SoDiWorld<'a> {
    doc: DocWorld<'a>,
    main: FileId,
}

impl World for SoDiWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.doc.library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.doc.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> typst::diag::FileResult<Source> {
        self.doc.source(id)
    }

    fn file(&self, id: FileId) -> typst::diag::FileResult<Bytes> {
        self.doc.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.doc.font(index)
    }

    /// No clock: output must not depend on when it was made.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn dong(so: u32, trich_yeu: &str, ghi_chu: &str) -> DongSoDi {
        DongSoDi {
            so_ky_hieu: format!("{so:02}/UBND-VP"),
            ngay: "05/03/2025".into(),
            loai_trich_yeu: format!("Công văn: {trich_yeu}"),
            nguoi_ky: "Trần Bảo Trung".into(),
            noi_nhan: "Các xã".into(),
            don_vi_luu: "VT, NV".into(),
            so_ban: "3".into(),
            ghi_chu: ghi_chu.into(),
            ..DongSoDi::default()
        }
    }

    /// A register of `n` rows.
    pub(crate) fn data(n: u32) -> SoDiData {
        SoDiData {
            chu_quan: vec!["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU".into()],
            co_quan: vec!["ỦY BAN NHÂN DÂN".into(), "HUYỆN PHONG THỔ".into()],
            nam: "Năm: 2025".into(),
            bia: vec!["Từ số 01 đến số 80".into(), "Quyển số: 01".into()],
            dong: (1..=n).map(|so| dong(so, "V/v báo cáo tình hình", "")).collect(),
        }
    }

    /// The cover is portrait A4, every other page landscape A4 with the ten titles.
    #[test]
    fn the_table_is_on_landscape_pages_under_a_repeated_header() {
        let renderer = Renderer::new();
        let (document, _) = renderer.so_di_layout(&data(80)).unwrap();
        let pages = document.pages();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let bia = crate::inspect::page_view(&pages[0].frame);
        assert!((bia.width - 595.3).abs() < 1.0 && (bia.height - 841.9).abs() < 1.0);
        assert!(bia.text().contains(TIEU_DE_SO_DI), "{}", bia.text());
        for page in &pages[1..] {
            let view = crate::inspect::page_view(&page.frame);
            assert!((view.width - 841.9).abs() < 1.0 && (view.height - 595.3).abs() < 1.0);
            let text = view.text();
            let words: Vec<&str> = text.split_whitespace().collect();
            for (i, title) in COT_SO_DI.iter().enumerate() {
                let so = format!("({})", i + 1);
                assert!(words.contains(&so.as_str()), "{so} missing from {text}");
                for word in title.split_whitespace() {
                    assert!(words.contains(&word), "{word} of {title} missing from {text}");
                }
            }
        }
    }

    /// User text is printed as itself, never read as Typst; the bytes do not change.
    #[test]
    fn text_is_data_and_output_is_deterministic() {
        let renderer = Renderer::new();
        let mut d = data(3);
        d.dong[1] = dong(2, r#"V/v #set $x$ [a] \ "b" #panic("x")"#, "Đã hủy: lỗi");
        let (document, _) = renderer.so_di_layout(&d).unwrap();
        let text = crate::inspect::page_view(&document.pages()[1].frame).text();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(r#"#set $x$ [a] \ "b" #panic("x")"#), "{text}");
        assert!(text.contains("Đã hủy: lỗi"));
        assert_eq!(renderer.so_di_pdf(&d).unwrap(), renderer.so_di_pdf(&d).unwrap());
    }

    /// A long word (a path in a cancellation's reason) breaks instead of running out of
    /// its narrow column; short words are untouched.
    #[test]
    fn long_words_break_within_their_column() {
        assert_eq!(cho_ngat("05/UBND-VP Đã hủy"), "05/UBND-VP Đã hủy");
        assert_eq!(cho_ngat("/a/bcdefghijklmnopq"), "/\u{200B}a/\u{200B}bcdefghijklmno\u{200B}pq");
        let renderer = Renderer::new();
        let mut d = data(2);
        d.dong[0].ghi_chu =
            "Đã hủy: không ghi được tệp /home/van-thu/van-ban/2025/cong-van-so-12-ubnd.toml: hết chỗ".into();
        renderer.so_di_pdf(&d).unwrap();
    }

    /// A register with no rows still has its cover and the header.
    #[test]
    fn an_empty_table_has_its_header() {
        let renderer = Renderer::new();
        let (document, _) = renderer.so_di_layout(&data(0)).unwrap();
        assert_eq!(document.pages().len(), 2);
    }
}
