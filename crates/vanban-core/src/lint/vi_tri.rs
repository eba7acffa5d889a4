//! Where a key's value is in a document file, to place what lint finds.

use toml::de::{DeTable, DeValue};

use crate::DangTep;
use crate::diagnostics::LineIndex;

/// The values of a document file's keys, with their byte offsets in the file.
pub(crate) struct ViTri<'a> {
    source: &'a str,
    toml: Option<toml::Spanned<DeTable<'a>>>,
    /// Where the TOML text starts in the file.
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
    fn markdown_front_matter_and_body_are_found() {
        let src = "+++\nloai = \"ke-hoach\"\n+++\nNội dung.\n";
        let v = ViTri::new(src, DangTep::Markdown);
        assert!(src[v.of("loai").unwrap()..].starts_with("\"ke"));
        assert!(src[v.of("noi_dung").unwrap()..].starts_with("Nội"));
    }
}
