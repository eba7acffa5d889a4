//! Reading a document file: TOML, Markdown with TOML front matter, or JSON, into a [`VanBan`].

mod dung_chung;
mod fields;
pub(crate) mod json;
mod khuon;
mod markdown;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_dung_chung;
mod toml_loi;
mod vi_tri;

pub use self::dung_chung::{DUNG_CHUNG, Nguon};
pub(crate) use self::fields::loai_gan_dung;
pub use self::khuon::{BO_LOC, DONG, Khuon, MauChuoi};
pub use self::vi_tri::{MucViTri, ViTri};

use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use crate::VanBan;
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex};

/// The forms of a document file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DangTep {
    /// `name.toml`: every field in TOML; the body is the Markdown string `noi_dung`.
    Toml,
    /// `name.md`: the fields as TOML front matter between two `+++` lines, then the body.
    Markdown,
    /// `name.json`: the keys and nesting of the TOML form (tables are objects, `[[phu_luc]]`
    /// a list of objects); the body is the Markdown string `noi_dung`.
    Json,
}

impl DangTep {
    /// The form a file's name says: `.md`/`.markdown` is Markdown, `.json` is JSON; any other
    /// name (`.toml` among them) is TOML. [`DangTep::sniff`] tells the form from the content.
    pub fn from_path(path: &Path) -> DangTep {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => DangTep::Markdown,
            Some("json") => DangTep::Json,
            _ => DangTep::Toml,
        }
    }

    /// The form of a file's content when its name says nothing: Markdown when it starts with
    /// `+++`, JSON when it starts with `{` (which no TOML file does), else TOML.
    pub fn sniff(text: &str) -> DangTep {
        let text = text.trim_start_matches('\u{feff}');
        if text.starts_with("+++") {
            DangTep::Markdown
        } else if text.trim_start().starts_with('{') {
            DangTep::Json
        } else {
            DangTep::Toml
        }
    }
}

/// Reads a document from its text.
///
/// # Errors
/// Every problem in the file at once, each with its line and column or key.
///
/// # Example
/// ```
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cong-van.toml"))?;
/// let van_ban = vanban_core::parse(&text, vanban_core::DangTep::Toml)?;
/// assert_eq!(van_ban.so_hieu.to_string(), "Số:      /UBND-NV");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse(source: &str, dang: DangTep) -> Result<VanBan, Diagnostics> {
    doc_co(source, dang, false).map(|(van_ban, _)| van_ban)
}

/// Reads a document from its text (đọc: read), and where each of its keys and values is
/// written in it: the [`ViTri`] that places what is found later (lint, layout) without
/// reading the file again. [`parse`] without the places.
///
/// # Errors
/// As [`parse`].
///
/// # Example
/// ```
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cong-van.toml"))?;
/// let (van_ban, vi_tri) = vanban_core::doc(&text, vanban_core::DangTep::Toml)?;
/// assert_eq!(van_ban.dia_danh.as_deref(), Some("Phong Thổ"));
/// assert_eq!(&text[vi_tri.gia_tri("dia_danh").unwrap()], "\"Phong Thổ\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn doc(source: &str, dang: DangTep) -> Result<(VanBan, ViTri), Diagnostics> {
    doc_co(source, dang, true).map(|(van_ban, vi_tri)| (van_ban, vi_tri.unwrap_or_default()))
}

/// [`doc`], the places made only when `vi_tri` asks for them ([`parse`] has no use for them).
fn doc_co(source: &str, dang: DangTep, vi_tri: bool) -> Result<(VanBan, Option<ViTri>), Diagnostics> {
    if source.len() > crate::limits::FILE_BYTES {
        return Err(qua_lon(source.len()));
    }
    doc_nguon(&Nguon::mot(source, dang), vi_tri)
}

/// Reads the document of `nguon`, with its shared files merged in; the places made only
/// when `vi_tri` asks for them.
fn doc_nguon(nguon: &Nguon, vi_tri: bool) -> Result<(VanBan, Option<ViTri>), Diagnostics> {
    let cu_phap = nguon.cu_phap()?;
    let index = nguon.index();
    let top = cu_phap.bang.get_ref();
    let van_ban = fields::read_table(top, cu_phap.text, cu_phap.offset, cu_phap.than, &index)?;
    Ok((van_ban, vi_tri.then(|| nguon.vi_tri(&cu_phap))))
}

/// Reads the document file `path` with the shared files it names (`dung_chung`), which must
/// be inside the directory tree `goc` (see [`Nguon::tai`]): the document, where each key and
/// value is written, and the text those places are offsets in ([`Nguon::text`]). A problem
/// in a shared file names it ([`Diagnostic::tep`]) and is placed on its lines.
///
/// # Errors
/// As [`Nguon::tai`], then as [`parse`].
pub fn doc_tep(path: &Path, goc: &Path) -> Result<(VanBan, ViTri, Nguon), Diagnostics> {
    let nguon = Nguon::tai(path, goc)?;
    let (van_ban, vi_tri) = doc_nguon(&nguon, true)?;
    Ok((van_ban, vi_tri.unwrap_or_default(), nguon))
}

/// Reads a document from the bytes of a file; the bytes must be UTF-8.
///
/// # Errors
/// As [`parse`]; text that is not UTF-8 is refused with the place of the first bad byte.
pub fn parse_bytes(bytes: &[u8], dang: DangTep) -> Result<VanBan, Diagnostics> {
    doc_bytes_co(bytes, dang, false).map(|(van_ban, _)| van_ban)
}

/// [`doc`] from the bytes of a file: the document and its places; the bytes must be UTF-8.
///
/// # Errors
/// As [`parse_bytes`].
pub fn doc_bytes(bytes: &[u8], dang: DangTep) -> Result<(VanBan, ViTri), Diagnostics> {
    doc_bytes_co(bytes, dang, true).map(|(van_ban, vi_tri)| (van_ban, vi_tri.unwrap_or_default()))
}

/// [`doc_bytes`], the places made only when `vi_tri` asks for them.
fn doc_bytes_co(bytes: &[u8], dang: DangTep, vi_tri: bool) -> Result<(VanBan, Option<ViTri>), Diagnostics> {
    if bytes.len() > crate::limits::FILE_BYTES {
        return Err(qua_lon(bytes.len()));
    }
    let text = utf8(bytes).map_err(|d| Diagnostics(vec![*d]))?;
    doc_co(text, dang, vi_tri)
}

/// The text of a file's `bytes`; bytes that are not UTF-8 are refused with the place of the
/// first bad byte.
fn utf8(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let index = LineIndex::new(good);
        let d = Diagnostic::new("tệp không phải văn bản UTF-8")
            .ma(crate::diagnostics::ma::MA_HOA)
            .en("the file is not UTF-8 text")
            .with_hint("lưu lại tệp với bảng mã UTF-8 (Unicode), không dùng TCVN3 hay VNI")
            .hint_en("save the file again in the UTF-8 (Unicode) encoding, not TCVN3 or VNI");
        let mut d = index.place(d, good.len());
        d.source_line = None;
        Box::new(d)
    })
}

/// The syntax of a document file, read once: its table, for the fields and for the places.
pub(crate) struct CuPhap<'a> {
    /// The table of the TOML text or of the JSON object.
    pub(crate) bang: Spanned<DeTable<'a>>,
    /// The text the table's spans are offsets in: the TOML (the front matter of a Markdown
    /// file), or the JSON; from [`Nguon::cu_phap`], the rest of the whole text from there,
    /// the shared files included.
    pub(crate) text: &'a str,
    /// Where `text` starts in the file.
    pub(crate) offset: usize,
    /// The body of a Markdown file, and where it starts.
    pub(crate) than: Option<(&'a str, usize)>,
}

/// Parses `source` (without a byte-order mark), a file of form `dang`; `index` indexes it.
fn cu_phap<'a>(source: &'a str, dang: DangTep, index: &LineIndex<'_>) -> Result<CuPhap<'a>, Diagnostics> {
    Ok(match dang {
        DangTep::Toml => {
            CuPhap { bang: fields::bang(source, 0, index)?, text: source, offset: 0, than: None }
        }
        DangTep::Markdown => {
            let (front, front_start, body, body_start) = split_front_matter(source, index)?;
            CuPhap {
                bang: fields::bang(front, front_start, index)?,
                text: front,
                offset: front_start,
                than: Some((body, body_start)),
            }
        }
        DangTep::Json => CuPhap {
            bang: json::bang(source, index).map_err(Diagnostics)?,
            text: source,
            offset: 0,
            than: None,
        },
    })
}

/// The places in `source` (a byte-order mark allowed), a file of form `dang` whose syntax is
/// sound, whether or not it is a valid document.
#[cfg(test)]
pub(crate) fn vi_tri_cua(source: &str, dang: DangTep) -> Option<ViTri> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let cu_phap = cu_phap(source, dang, &LineIndex::new(source)).ok()?;
    Some(ViTri::tu_bang(cu_phap.bang.get_ref(), cu_phap.offset, cu_phap.than))
}

/// The problem with a file of `bytes` bytes, more than [`FILE_BYTES`](crate::limits::FILE_BYTES):
/// for [`parse`], and for a reader that sees the size before reading the file.
pub fn tep_qua_lon(bytes: u64) -> Diagnostic {
    let (mb, max) = (bytes as f64 / f64::from(1 << 20), crate::limits::FILE_BYTES >> 20);
    Diagnostic::new(format!("tệp lớn {mb:.1} MB, quá giới hạn {max} MB của một văn bản"))
        .ma(crate::diagnostics::ma::QUA_GIOI_HAN)
        .en(format!("the file is {mb:.1} MB, over the limit of {max} MB for a document"))
        .with_hint("kiểm tra đúng tệp chưa; văn bản rất dài nên tách thành nhiều văn bản hoặc phụ lục")
        .hint_en(
            "check that this is the right file; a very long document should be split into several documents or appendices",
        )
}

fn qua_lon(bytes: usize) -> Diagnostics {
    Diagnostics(vec![tep_qua_lon(bytes as u64)])
}

/// Splits `+++` front matter from the body: (front, its offset, body, its offset).
pub(crate) fn split_front_matter<'a>(
    source: &'a str,
    index: &LineIndex<'_>,
) -> Result<(&'a str, usize, &'a str, usize), Diagnostics> {
    let first_end = source.find('\n').map(|i| i + 1).unwrap_or(source.len());
    if source[..first_end].trim_end() != "+++" {
        let d = Diagnostic::new("tệp Markdown phải mở đầu bằng dòng “+++” của phần thông tin (front matter)")
            .ma(crate::diagnostics::ma::CU_PHAP)
            .en("a Markdown file must begin with the “+++” line that opens its front matter")
            .with_hint(
                "dòng đầu tiên: +++, rồi các khóa loai, dia_danh, …, rồi một dòng +++ nữa, rồi nội dung",
            )
            .hint_en(
                "first line: +++, then the keys loai, dia_danh, …, then another +++ line, then the body",
            );
        return Err(Diagnostics(vec![index.place(d, 0)]));
    }
    let mut at = first_end;
    while at < source.len() {
        let end = source[at..].find('\n').map(|i| at + i + 1).unwrap_or(source.len());
        if source[at..end].trim_end() == "+++" {
            return Ok((&source[first_end..at], first_end, &source[end..], end));
        }
        at = end;
    }
    let d = Diagnostic::new("phần thông tin mở bằng “+++” nhưng không có dòng “+++” đóng lại")
        .ma(crate::diagnostics::ma::CU_PHAP)
        .en("the front matter opens with “+++” but has no closing “+++” line")
        .with_hint("thêm một dòng chỉ có +++ sau khóa cuối cùng, trước nội dung văn bản")
        .hint_en("add a line with only +++ after the last key, before the body of the document");
    Err(Diagnostics(vec![index.place(d, 0)]))
}
