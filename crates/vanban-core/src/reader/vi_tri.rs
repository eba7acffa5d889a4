//! Where each key and value of a document file is written: kept from the parse, so that a
//! problem found later (by lint, or by the layout) is placed without reading the file again.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One key, list item or Markdown body of a document file, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MucViTri {
    duong_dan: String,
    khoa: Option<Range<usize>>,
    gia_tri: Range<usize>,
    chuoi: Option<String>,
    danh_sach: bool,
}

impl MucViTri {
    /// Its path: `dia_danh`, `co_quan.ten[1]`, `noi_nhan.gui[0]`, `phu_luc[1].noi_dung`,
    /// `ky_so.chu_ky`; `noi_dung` for the body of a Markdown file.
    pub fn duong_dan(&self) -> &str {
        &self.duong_dan
    }

    /// The bytes of its key (`dia_danh` in `dia_danh = "Hà Nội"`, `"dia_danh"` in JSON);
    /// `None` for a list item and for the body of a Markdown file.
    pub fn khoa(&self) -> Option<Range<usize>> {
        self.khoa.clone()
    }

    /// The bytes of its value: a string with its quotes, a list with its brackets, a table
    /// as the reader spans it, the body of a Markdown file from its first byte to the end.
    pub fn gia_tri(&self) -> Range<usize> {
        self.gia_tri.clone()
    }

    /// The string it holds, as read (escapes decoded); `None` for a value of another kind.
    pub fn chuoi(&self) -> Option<&str> {
        self.chuoi.as_deref()
    }

    /// Whether its value is a list.
    pub fn la_danh_sach(&self) -> bool {
        self.danh_sach
    }
}

/// Where every key and value of one document file is written, as byte offsets in the file's
/// text without its byte-order mark (the offsets
/// [`Diagnostic::placed_in`](crate::Diagnostic::placed_in) takes). Made by [`doc`](crate::doc)
/// beside the [`VanBan`](crate::VanBan), from the same parse; it owns what it holds and does
/// not borrow the text.
///
/// # Example
/// ```
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/ke-hoach.md"))?;
/// let (_, vi_tri) = vanban_core::doc(&text, vanban_core::DangTep::Markdown)?;
/// assert_eq!(&text[vi_tri.gia_tri("loai").unwrap()], "\"ke-hoach\"");
/// assert_eq!(vi_tri.khoa("loai").map(|k| &text[k]), Some("loai"));
/// assert!(text[vi_tri.than().unwrap()].ends_with("./.\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViTri {
    /// Every key, list item and body, by where its value starts in the file.
    muc: Vec<MucViTri>,
    /// Index in `muc` by path.
    theo_duong_dan: HashMap<String, usize>,
    /// The body of a Markdown file.
    than: Option<Range<usize>>,
    /// The shared files whose text follows the document's: where each starts, and its name.
    tep: Vec<(usize, String)>,
}

impl ViTri {
    /// The places in `source`, a document file of form `dang` that need not be a valid
    /// document; `None` when its syntax is broken.
    #[cfg(test)]
    pub(crate) fn cua(source: &str, dang: crate::DangTep) -> Option<ViTri> {
        crate::reader::vi_tri_cua(source, dang)
    }

    /// The places of the table `top` read from a TOML or JSON text that starts at byte
    /// `offset` of the file, and of a Markdown body (its text and where it starts).
    pub(crate) fn tu_bang(top: &DeTable<'_>, offset: usize, than: Option<(&str, usize)>) -> ViTri {
        let mut vi_tri = ViTri::default();
        vi_tri.them_bang(top, "", offset);
        if let Some((body, start)) = than {
            let range = start..start + body.len();
            vi_tri.than = Some(range.clone());
            if !vi_tri.muc.iter().any(|m| m.duong_dan == crate::khoa::NOI_DUNG.ten) {
                vi_tri.muc.push(MucViTri {
                    duong_dan: crate::khoa::NOI_DUNG.ten.to_owned(),
                    khoa: None,
                    gia_tri: range,
                    chuoi: Some(body.to_owned()),
                    danh_sach: false,
                });
            }
        }
        // File order: a key's value before the next key's (a table's children follow it).
        vi_tri.muc.sort_by_key(|m| m.gia_tri.start);
        vi_tri.theo_duong_dan =
            vi_tri.muc.iter().enumerate().map(|(i, m)| (m.duong_dan.clone(), i)).collect();
        vi_tri
    }

    /// Records the shared files whose text follows the document's in the text the places
    /// are in: where each starts, and its name.
    pub(crate) fn them_tep(&mut self, tep: Vec<(usize, String)>) {
        self.tep = tep;
    }

    /// The shared file byte `offset` of the text is in, as shown in messages (the file
    /// [`Diagnostic::tep`](crate::Diagnostic::tep) names); `None` for the document's own.
    pub fn tep_cua(&self, offset: usize) -> Option<&str> {
        let i = self.tep.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map(|i| self.tep[i].1.as_str())
    }

    /// Places `d` at byte `offset` of `source`, the text these places are in (the document's,
    /// or [`Nguon::text`](crate::Nguon::text) with its shared files): on the line and column
    /// of the file that byte is in, naming that file when it is a shared one. What
    /// [`Diagnostic::placed_in`](crate::Diagnostic::placed_in) does for a document of one file.
    pub fn dat(&self, d: crate::Diagnostic, source: &str, offset: usize) -> crate::Diagnostic {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let offset = offset.min(source.len());
        let tep = self.tep.iter().filter(|(start, _)| *start <= source.len()).cloned().collect();
        crate::diagnostics::LineIndex::voi_tep(source, tep).place(d, offset)
    }

    fn them_bang(&mut self, table: &DeTable<'_>, prefix: &str, offset: usize) {
        for (key, value) in table {
            let name: &str = key.get_ref();
            let path = if prefix.is_empty() { name.to_owned() } else { format!("{prefix}.{name}") };
            let span = key.span();
            self.them(path, Some(offset + span.start..offset + span.end), value, offset);
        }
    }

    fn them(
        &mut self,
        path: String,
        khoa: Option<Range<usize>>,
        value: &Spanned<DeValue<'_>>,
        offset: usize,
    ) {
        let span = value.span();
        let chuoi = match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => None,
        };
        let danh_sach = matches!(value.get_ref(), DeValue::Array(_));
        self.muc.push(MucViTri {
            duong_dan: path.clone(),
            khoa,
            gia_tri: offset + span.start..offset + span.end,
            chuoi,
            danh_sach,
        });
        match value.get_ref() {
            DeValue::Table(t) => self.them_bang(t, &path, offset),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.them(format!("{path}[{i}]"), None, item, offset);
                }
            }
            _ => {}
        }
    }

    /// The key, list item or body at `path` (`dia_danh`, `co_quan.ten[1]`,
    /// `phu_luc[0].noi_dung`; `noi_dung` is the body of a Markdown file). A value that is not
    /// a list stands for a list of one: `kinh_gui[0]` is `kinh_gui` when that is one string.
    pub fn muc(&self, path: &str) -> Option<&MucViTri> {
        if let Some(m) = self.dung(path) {
            return Some(m);
        }
        let mut found = String::with_capacity(path.len());
        for part in path.split('.') {
            if !found.is_empty() {
                found.push('.');
            }
            let (name, index) = match part.split_once('[') {
                Some((n, i)) => (n, Some(i.strip_suffix(']')?.parse::<usize>().ok()?)),
                None => (part, None),
            };
            found.push_str(name);
            let m = self.dung(&found)?;
            match index {
                Some(i) if m.danh_sach => found.push_str(&format!("[{i}]")),
                Some(0) | None => {}
                Some(_) => return None,
            }
        }
        self.dung(&found)
    }

    /// The entry whose path is exactly `path`.
    fn dung(&self, path: &str) -> Option<&MucViTri> {
        self.theo_duong_dan.get(path).map(|&i| &self.muc[i])
    }

    /// The bytes of the value at `path` (see [`ViTri::muc`]).
    pub fn gia_tri(&self, path: &str) -> Option<Range<usize>> {
        self.muc(path).map(MucViTri::gia_tri)
    }

    /// The bytes of the key at `path` (see [`ViTri::muc`]); `None` for a list item.
    pub fn khoa(&self, path: &str) -> Option<Range<usize>> {
        self.muc(path).and_then(MucViTri::khoa)
    }

    /// The string at `path` (see [`ViTri::muc`]), as read.
    pub fn chuoi(&self, path: &str) -> Option<&str> {
        self.muc(path).and_then(MucViTri::chuoi)
    }

    /// The strings at `path`, a key holding one string or a list of them: the key itself
    /// (`kinh_gui`) or each string item of the list (`noi_nhan.gui[0]`, `noi_nhan.gui[2]`),
    /// in order. Nothing when the key is absent or holds something else.
    pub fn chuoi_cua(&self, path: &str) -> Vec<&MucViTri> {
        let Some(m) = self.dung(path) else { return Vec::new() };
        if m.chuoi.is_some() {
            return vec![m];
        }
        if !m.danh_sach {
            return Vec::new();
        }
        (0..).map_while(|i| self.dung(&format!("{path}[{i}]"))).filter(|item| item.chuoi.is_some()).collect()
    }

    /// Every key, list item and body, in the order of the file.
    pub fn cac_muc(&self) -> &[MucViTri] {
        &self.muc
    }

    /// Every string value (the body of a Markdown file among them), in the order of the
    /// file: where the text of a document is written, as opposed to its keys and comments.
    pub fn moi_chuoi(&self) -> impl Iterator<Item = &MucViTri> {
        self.muc.iter().filter(|m| m.chuoi.is_some())
    }

    /// The Markdown bodies, in the order of the file: `noi_dung` (the key, or the body of a
    /// Markdown file), `phu_luc[i].noi_dung`, `kem_theo.noi_dung`.
    pub fn cac_noi_dung(&self) -> impl Iterator<Item = &MucViTri> {
        self.moi_chuoi().filter(|m| la_noi_dung(&m.duong_dan))
    }

    /// The body of a Markdown file: from the line after the closing `+++` to the end.
    pub fn than(&self) -> Option<Range<usize>> {
        self.than.clone()
    }
}

/// Whether `path` holds a Markdown body.
fn la_noi_dung(path: &str) -> bool {
    let noi_dung = crate::khoa::NOI_DUNG.ten;
    if path == noi_dung || path == format!("kem_theo.{noi_dung}") {
        return true;
    }
    path.strip_prefix("phu_luc[")
        .and_then(|rest| rest.strip_suffix(&format!("].{noi_dung}")))
        .is_some_and(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DangTep;

    fn cua(src: &str, dang: DangTep) -> ViTri {
        ViTri::cua(src, dang).unwrap_or_else(|| panic!("{src}"))
    }

    #[test]
    fn keys_values_and_list_items_of_toml_are_found() {
        let src = "dia_danh = \"Hà Nội\"\n[co_quan]\nten = [\"Sở\", \"Tài chính\"]\n";
        let v = cua(src, DangTep::Toml);
        assert_eq!(&src[v.gia_tri("dia_danh").unwrap()], "\"Hà Nội\"");
        assert_eq!(&src[v.khoa("dia_danh").unwrap()], "dia_danh");
        assert_eq!(&src[v.gia_tri("co_quan.ten[1]").unwrap()], "\"Tài chính\"");
        assert_eq!(&src[v.khoa("co_quan.ten").unwrap()], "ten");
        assert_eq!(&src[v.gia_tri("co_quan.ten").unwrap()], "[\"Sở\", \"Tài chính\"]");
        assert_eq!(v.khoa("co_quan.ten[1]"), None);
        assert_eq!(v.chuoi("co_quan.ten[0]"), Some("Sở"));
        assert!(v.muc("co_quan.ten").unwrap().la_danh_sach());
        assert_eq!(v.gia_tri("co_quan.ten[2]"), None);
        assert_eq!(v.gia_tri("nguoi_ky.ho_ten"), None);
        assert_eq!(v.gia_tri("co_quan.ten[x]"), None);
        // One string stands for a list of one.
        assert_eq!(v.gia_tri("dia_danh[0]"), v.gia_tri("dia_danh"));
        assert_eq!(v.gia_tri("dia_danh[1]"), None);
        assert_eq!(v.than(), None);
    }

    #[test]
    fn strings_are_listed_in_file_order_with_their_keys() {
        let src =
            "kinh_gui = \"Sở\" # \"A;\"\n[noi_nhan]\ngui = [\"A;\", 5, \"B\"]\n[co_quan]\nten = [\"Z\"]\n";
        let v = cua(src, DangTep::Toml);
        let one = v.chuoi_cua("kinh_gui");
        assert_eq!((one[0].duong_dan(), one[0].chuoi()), ("kinh_gui", Some("Sở")));
        let gui: Vec<&str> = v.chuoi_cua("noi_nhan.gui").iter().map(|m| m.duong_dan()).collect();
        assert_eq!(gui, ["noi_nhan.gui[0]", "noi_nhan.gui[2]"]);
        assert!(v.chuoi_cua("noi_nhan.luu").is_empty());
        assert!(v.chuoi_cua("noi_nhan").is_empty());
        let all: Vec<&str> = v.moi_chuoi().map(|m| m.duong_dan()).collect();
        assert_eq!(all, ["kinh_gui", "noi_nhan.gui[0]", "noi_nhan.gui[2]", "co_quan.ten[0]"]);
        for m in v.moi_chuoi() {
            assert!(src[m.gia_tri()].contains(m.chuoi().unwrap()));
        }
        let paths: Vec<&str> = v.cac_muc().iter().map(|m| m.duong_dan()).collect();
        assert!(paths.contains(&"noi_nhan") && paths.contains(&"noi_nhan.gui[1]"), "{paths:?}");
    }

    #[test]
    fn appendices_and_nested_tables_have_their_paths() {
        let src = "noi_dung = \"A\"\n[[phu_luc]]\nten = \"Một\"\nnoi_dung = \"\"\"\nB\n\"\"\"\n\
                   [[phu_luc]]\nten = \"Hai\"\nnoi_dung = \"C\"\n[ky_so]\nchu_ky = \"ck.png\"\n\
                   [ban_sao.noi_nhan]\ngui = [\"X\"]\n[kem_theo]\nnoi_dung = \"D\"\n";
        let v = cua(src, DangTep::Toml);
        assert_eq!(&src[v.gia_tri("phu_luc[1].noi_dung").unwrap()], "\"C\"");
        assert_eq!(&src[v.gia_tri("phu_luc[0].noi_dung").unwrap()], "\"\"\"\nB\n\"\"\"");
        assert_eq!(v.chuoi("phu_luc[0].ten"), Some("Một"));
        assert_eq!(&src[v.gia_tri("ky_so.chu_ky").unwrap()], "\"ck.png\"");
        assert_eq!(&src[v.khoa("ky_so.chu_ky").unwrap()], "chu_ky");
        assert_eq!(v.chuoi("ban_sao.noi_nhan.gui[0]"), Some("X"));
        let bodies: Vec<&str> = v.cac_noi_dung().map(|m| m.duong_dan()).collect();
        assert_eq!(bodies, ["noi_dung", "phu_luc[0].noi_dung", "phu_luc[1].noi_dung", "kem_theo.noi_dung"]);
    }

    #[test]
    fn markdown_front_matter_and_body_are_found() {
        let src = "\u{feff}+++\nloai = \"ke-hoach\"\n[co_quan]\nten = [\"Sở\"]\n+++\nNội dung.\n";
        let v = cua(src, DangTep::Markdown);
        let text = src.strip_prefix('\u{feff}').unwrap();
        assert_eq!(&text[v.gia_tri("loai").unwrap()], "\"ke-hoach\"");
        assert_eq!(&text[v.gia_tri("co_quan.ten[0]").unwrap()], "\"Sở\"");
        assert_eq!(&text[v.than().unwrap()], "Nội dung.\n");
        assert_eq!(v.gia_tri("noi_dung"), v.than());
        assert_eq!(v.chuoi("noi_dung"), Some("Nội dung.\n"));
        assert_eq!(v.khoa("noi_dung"), None);
        let last = v.moi_chuoi().last().unwrap();
        assert_eq!(last.duong_dan(), "noi_dung");
        assert_eq!(v.cac_noi_dung().count(), 1);
        assert_eq!(ViTri::cua("loai = 1\n", DangTep::Markdown), None);
    }

    #[test]
    fn json_keys_and_list_items_are_found() {
        let src = "{\n  \"dia_danh\": \"Hà Nội\",\n  \"co_quan\": {\"ten\": [\"Sở\", \"Tài chính\"]},\n  \
                   \"phu_luc\": [{\"noi_dung\": \"A\\nB\"}]\n}\n";
        let v = cua(src, DangTep::Json);
        assert_eq!(&src[v.gia_tri("dia_danh").unwrap()], "\"Hà Nội\"");
        assert_eq!(&src[v.khoa("dia_danh").unwrap()], "\"dia_danh\"");
        assert_eq!(&src[v.gia_tri("co_quan.ten[1]").unwrap()], "\"Tài chính\"");
        assert_eq!(v.chuoi("phu_luc[0].noi_dung"), Some("A\nB"));
        assert_eq!(v.cac_noi_dung().count(), 1);
        assert_eq!(ViTri::cua("{", DangTep::Json), None);
    }

    #[test]
    fn doc_gives_the_same_places() {
        let src = include_str!("../../../../examples/cong-van.toml");
        let (_, v) = crate::doc(src, DangTep::Toml).unwrap();
        assert_eq!(Some(v), ViTri::cua(src, DangTep::Toml));
    }
}
