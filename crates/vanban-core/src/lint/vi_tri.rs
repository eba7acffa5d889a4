//! Where a key's value is in a document file, to place what lint finds.

use toml::de::{DeTable, DeValue};

use crate::DangTep;
use crate::diagnostics::LineIndex;

/// The values of a document file's keys, with their byte offsets in the file.
pub(crate) struct ViTri<'a> {
    source: &'a str,
    toml: Option<toml::Spanned<DeTable<'a>>>,
    /// Where the TOML text starts in the file (0 for JSON, whose spans are in the file).
    offset: usize,
    /// Where a Markdown body starts.
    body: Option<usize>,
}

impl<'a> ViTri<'a> {
    /// Indexes `source`, the text of a file that parsed as `dang`.
    pub(crate) fn new(source: &'a str, dang: DangTep) -> ViTri<'a> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let (front, offset, body) = match dang {
            DangTep::Toml => (source, 0, None),
            DangTep::Markdown => match crate::reader::split_front_matter(source, &LineIndex::new(source)) {
                Ok((front, start, _, body_start)) => (front, start, Some(body_start)),
                Err(_) => ("", 0, None),
            },
            DangTep::Json => {
                // The same spanned table as TOML gives, with the spans of the JSON text.
                let toml = crate::reader::json::bang(source, &LineIndex::new(source)).ok();
                return ViTri { source, toml, offset: 0, body: None };
            }
        };
        ViTri { source, toml: DeTable::parse(front).ok(), offset, body }
    }

    /// The file's text, without a byte-order mark.
    pub(crate) fn source(&self) -> &'a str {
        self.source
    }

    /// Byte offset of the value at `path`: `dia_danh`, `co_quan.ten[1]`, `noi_nhan.gui[0]`.
    /// A single string stands for a one-element list. `noi_dung` of a Markdown file is its
    /// body.
    pub(crate) fn of(&self, path: &str) -> Option<usize> {
        if path == "noi_dung"
            && let Some(body) = self.body
        {
            return Some(body);
        }
        let mut table = self.toml.as_ref()?.get_ref();
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            let (name, index) = match part.split_once('[') {
                Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let value = table.iter().find(|(k, _)| k.get_ref().as_ref() == name).map(|(_, v)| v)?;
            let value = match (value.get_ref(), index) {
                (DeValue::Array(items), Some(i)) => items.get(i)?,
                (_, Some(0)) | (_, None) => value,
                _ => return None,
            };
            if parts.peek().is_none() {
                return Some(self.offset + value.span().start);
            }
            match value.get_ref() {
                DeValue::Table(t) => table = t,
                _ => return None,
            }
        }
        None
    }

    /// The strings at `path` (a key holding one string or a list of them), each with its
    /// key (`noi_nhan.gui[1]`; `kinh_gui` for a single string), its text as the TOML gives it
    /// and its span in the file. Nothing when the key is absent or holds something else.
    pub(crate) fn cac_chuoi(&self, path: &str) -> Vec<(String, String, std::ops::Range<usize>)> {
        let Some(toml) = self.toml.as_ref() else { return Vec::new() };
        let mut table = toml.get_ref();
        let mut value = None;
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            let Some(v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == part).map(|(_, v)| v) else {
                return Vec::new();
            };
            if parts.peek().is_none() {
                value = Some(v);
            } else if let DeValue::Table(t) = v.get_ref() {
                table = t;
            } else {
                return Vec::new();
            }
        }
        let at = |v: &toml::Spanned<DeValue<'_>>| self.offset + v.span().start..self.offset + v.span().end;
        match value.map(|v| (v, v.get_ref())) {
            Some((v, DeValue::String(s))) => vec![(path.to_owned(), s.to_string(), at(v))],
            Some((_, DeValue::Array(items))) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item.get_ref() {
                    DeValue::String(s) => Some((format!("{path}[{i}]"), s.to_string(), at(item))),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Byte offset of `needle` in the value at `path`, or of the value when it is not found
    /// there (escapes in the TOML text, say).
    pub(crate) fn in_value(&self, path: &str, needle: &str) -> Option<usize> {
        let start = self.of(path)?;
        let rest = &self.source[start..];
        // A value ends at its line's end, except multi-line strings and bodies.
        let found = rest.find(needle).filter(|&i| path == "noi_dung" || !rest[..i].contains('\n'));
        Some(start + found.unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tables_and_list_items_are_found() {
        let src = "dia_danh = \"Hà Nội\"\n[co_quan]\nten = [\"Sở\", \"Tài chính\"]\n";
        let v = ViTri::new(src, DangTep::Toml);
        assert!(src[v.of("dia_danh").unwrap()..].starts_with("\"Hà"));
        assert!(src[v.of("co_quan.ten[1]").unwrap()..].starts_with("\"Tài"));
        assert_eq!(v.of("co_quan.ten[2]"), None);
        assert_eq!(v.of("nguoi_ky.ho_ten"), None);
        assert!(src[v.in_value("co_quan.ten[1]", "chính").unwrap()..].starts_with("chính\""));
    }

    #[test]
    fn the_strings_of_a_key_are_listed_with_their_places() {
        let src = "kinh_gui = \"Sở\"\n[noi_nhan]\ngui = [\"A;\", 5, \"B\"]\n";
        let v = ViTri::new(src, DangTep::Toml);
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
        let src = "+++\nloai = \"ke-hoach\"\n+++\nNội dung.\n";
        let v = ViTri::new(src, DangTep::Markdown);
        assert!(src[v.of("loai").unwrap()..].starts_with("\"ke"));
        assert!(src[v.of("noi_dung").unwrap()..].starts_with("Nội"));
    }

    #[test]
    fn json_keys_and_list_items_are_found() {
        let src = "{\n  \"dia_danh\": \"Hà Nội\",\n  \"co_quan\": {\"ten\": [\"Sở\", \"Tài chính\"]}\n}\n";
        let v = ViTri::new(src, DangTep::Json);
        assert!(src[v.of("dia_danh").unwrap()..].starts_with("\"Hà"));
        assert!(src[v.of("co_quan.ten[1]").unwrap()..].starts_with("\"Tài"));
        assert_eq!(&src[v.cac_chuoi("co_quan.ten")[0].2.clone()], "\"Sở\"");
        assert_eq!(ViTri::new("{", DangTep::Json).of("dia_danh"), None);
    }
}
