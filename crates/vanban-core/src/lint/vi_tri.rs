//! Where a key's value is in a document file, to place what lint finds: the [`ViTri`] the
//! reader kept, with the file's text.

use crate::ViTri;

/// The places of a document file's keys and values, with the file's text.
pub(crate) struct ViTriTrongTep<'a> {
    source: &'a str,
    vi_tri: &'a ViTri,
}

impl<'a> ViTriTrongTep<'a> {
    /// The places `vi_tri` of the file whose text is `source`.
    pub(crate) fn new(source: &'a str, vi_tri: &'a ViTri) -> ViTriTrongTep<'a> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        ViTriTrongTep { source, vi_tri }
    }

    /// The file's text, without a byte-order mark.
    pub(crate) fn source(&self) -> &'a str {
        self.source
    }

    /// Places `d` at byte `offset` of the text, in the file that byte is in (the document,
    /// or a shared file it takes keys from).
    pub(crate) fn dat(&self, d: crate::Diagnostic, offset: usize) -> crate::Diagnostic {
        self.vi_tri.dat(d, self.source, offset)
    }

    /// Byte offset of the value at `path`: `dia_danh`, `co_quan.ten[1]`, `noi_nhan.gui[0]`.
    /// A single string stands for a one-element list. `noi_dung` of a Markdown file is its
    /// body.
    pub(crate) fn of(&self, path: &str) -> Option<usize> {
        self.vi_tri.gia_tri(path).map(|r| r.start)
    }

    /// The strings at `path` (a key holding one string or a list of them), each with its
    /// key (`noi_nhan.gui[1]`; `kinh_gui` for a single string), its text as read and its span
    /// in the file. Nothing when the key is absent or holds something else.
    pub(crate) fn cac_chuoi(&self, path: &str) -> Vec<(String, String, std::ops::Range<usize>)> {
        self.vi_tri
            .chuoi_cua(path)
            .into_iter()
            .map(|m| (m.duong_dan().to_owned(), m.chuoi().unwrap_or_default().to_owned(), m.gia_tri()))
            .collect()
    }

    /// Byte offset of `needle` in the value at `path`, or of the value when it is not found
    /// there (escapes in the TOML text, say).
    pub(crate) fn in_value(&self, path: &str, needle: &str) -> Option<usize> {
        let start = self.of(path)?;
        let rest = self.source.get(start..)?;
        // A value ends at its line's end, except multi-line strings and bodies.
        let found =
            rest.find(needle).filter(|&i| path == crate::khoa::NOI_DUNG.ten || !rest[..i].contains('\n'));
        Some(start + found.unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DangTep;

    fn vi_tri(src: &str, dang: DangTep) -> ViTri {
        crate::reader::vi_tri_cua(src, dang).unwrap_or_default()
    }

    #[test]
    fn keys_tables_and_list_items_are_found() {
        let src = "dia_danh = \"Hà Nội\"\n[co_quan]\nten = [\"Sở\", \"Tài chính\"]\n";
        let vt = vi_tri(src, DangTep::Toml);
        let v = ViTriTrongTep::new(src, &vt);
        assert!(src[v.of("dia_danh").unwrap()..].starts_with("\"Hà"));
        assert!(src[v.of("co_quan.ten[1]").unwrap()..].starts_with("\"Tài"));
        assert_eq!(v.of("co_quan.ten[2]"), None);
        assert_eq!(v.of("nguoi_ky.ho_ten"), None);
        assert!(src[v.in_value("co_quan.ten[1]", "chính").unwrap()..].starts_with("chính\""));
    }

    #[test]
    fn the_strings_of_a_key_are_listed_with_their_places() {
        let src = "kinh_gui = \"Sở\"\n[noi_nhan]\ngui = [\"A;\", 5, \"B\"]\n";
        let vt = vi_tri(src, DangTep::Toml);
        let v = ViTriTrongTep::new(src, &vt);
        let one = v.cac_chuoi("kinh_gui");
        assert_eq!((one[0].0.as_str(), one[0].1.as_str()), ("kinh_gui", "Sở"));
        assert_eq!(&src[one[0].2.clone()], "\"Sở\"");
        let gui = v.cac_chuoi("noi_nhan.gui");
        let keys: Vec<&str> = gui.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(keys, ["noi_nhan.gui[0]", "noi_nhan.gui[2]"]);
        assert_eq!(&src[gui[0].2.clone()], "\"A;\"");
        assert!(v.cac_chuoi("noi_nhan.luu").is_empty());
        assert!(v.cac_chuoi("kinh_gui.x").is_empty());
    }

    #[test]
    fn markdown_front_matter_and_body_are_found() {
        let src = "\u{feff}+++\nloai = \"ke-hoach\"\n+++\nNội dung.\n";
        let vt = vi_tri(src, DangTep::Markdown);
        let v = ViTriTrongTep::new(src, &vt);
        assert!(v.source()[v.of("loai").unwrap()..].starts_with("\"ke"));
        assert!(v.source()[v.of("noi_dung").unwrap()..].starts_with("Nội"));
    }

    #[test]
    fn json_keys_and_list_items_are_found() {
        let src = "{\n  \"dia_danh\": \"Hà Nội\",\n  \"co_quan\": {\"ten\": [\"Sở\", \"Tài chính\"]}\n}\n";
        let vt = vi_tri(src, DangTep::Json);
        let v = ViTriTrongTep::new(src, &vt);
        assert!(src[v.of("dia_danh").unwrap()..].starts_with("\"Hà"));
        assert!(src[v.of("co_quan.ten[1]").unwrap()..].starts_with("\"Tài"));
        assert_eq!(&src[v.cac_chuoi("co_quan.ten")[0].2.clone()], "\"Sở\"");
    }
}
