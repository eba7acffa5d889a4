//! Checks a laid-out document for text a reader would not see: characters the embedded
//! fonts have no glyph for (printed as empty boxes), and words too long for their line or
//! column, which Typst lets run past the margin and off the page, or over the next column.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::TextItem;
use typst_layout::PagedDocument;

use vanban_core::{Khoi, VanBan, dau_ket_hop, vo_hinh};

use crate::RenderError;
use crate::so_trang::LE_MM;

/// How far text may reach past the text area: Typst hangs punctuation slightly into the
/// margin of justified text.
const TOLERANCE_PT: f64 = 4.0;

/// Refuses a layout with a character no font can show, text beyond the text area, or text
/// set over other text (a word too long for its column runs into the next one).
pub(crate) fn check(document: &PagedDocument) -> Result<(), RenderError> {
    let left = Abs::mm(LE_MM.trai) - Abs::pt(TOLERANCE_PT);
    for (i, page) in document.pages().iter().enumerate() {
        // A4, portrait or (an appendix) landscape.
        let right = page.frame.width() - Abs::mm(LE_MM.phai) + Abs::pt(TOLERANCE_PT);
        let mut boxes: Vec<Box_> = Vec::new();
        walk(&page.frame, Transform::identity(), &mut |origin, text| {
            if let Some(character) = missing(text) {
                return Err(RenderError::MissingGlyph { character, text: snippet(&text.text) });
            }
            let end = origin.x + text.width();
            if origin.x < left || end > right {
                return Err(RenderError::Overflow { page: i + 1, text: snippet(&text.text) });
            }
            boxes.push(Box_ {
                x0: origin.x.to_pt(),
                x1: end.to_pt(),
                y0: (origin.y - text.size * 0.7).to_pt(),
                y1: origin.y.to_pt(),
                text: &text.text,
            });
            Ok(())
        })?;
        if let Some(text) = overlapping(&mut boxes) {
            return Err(RenderError::Overflow { page: i + 1, text: snippet(text) });
        }
    }
    Ok(())
}

/// A character of `text` that its font cannot print. Shaping shows such a character as an
/// empty box (glyph 0), named here by the character in its cluster; but under a combining
/// mark it drops the character and sets only the mark, so text with marks is also looked up
/// in the font. (A box may also sit in the item before the character's own: then the lookup
/// finds it there.) Characters that print as nothing are not looked up.
fn missing(text: &TextItem) -> Option<char> {
    let face = text.font.ttf();
    let lacking = |s: &str| s.chars().find(|&c| !vo_hinh(c) && face.glyph_index(c).is_none());
    if text.text.chars().any(dau_ket_hop)
        && let Some(c) = lacking(&text.text)
    {
        return Some(c);
    }
    let glyph = text.glyphs.iter().find(|g| g.id == 0)?;
    let cluster = &text.text[glyph.range()];
    lacking(cluster).or_else(|| cluster.chars().find(|&c| !vo_hinh(c))).or_else(|| cluster.chars().next())
}

/// The area of one text item: its advance width by its x-height band (accents and
/// descenders of neighbouring lines may touch; letters may not).
struct Box_<'a> {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    text: &'a str,
}

/// The text of an item that overlaps another, if any: a sweep down the page, comparing
/// only items whose bands overlap.
fn overlapping<'a>(boxes: &mut [Box_<'a>]) -> Option<&'a str> {
    boxes.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes[i + 1..].iter().take_while(|b| b.y0 < a.y1 - TOLERANCE_PT) {
            let shared = a.x1.min(b.x1) - a.x0.max(b.x0);
            if shared > TOLERANCE_PT && b.y1 > a.y0 + TOLERANCE_PT {
                return Some(if a.text.chars().count() >= b.text.chars().count() { a.text } else { b.text });
            }
        }
    }
    None
}

/// An overflow in a table of `van_ban` becomes [`RenderError::BangQuaRong`], naming the row
/// and the number of columns: the text that overflows is looked for in every table's cells,
/// row by row. Any other error is returned as it is.
pub(crate) fn in_table(van_ban: &VanBan, e: RenderError) -> RenderError {
    let RenderError::Overflow { page, text } = e else { return e };
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = words(text.trim_end_matches('…'));
    let bodies = std::iter::once(&van_ban.noi_dung)
        .chain(van_ban.kem_theo.iter().map(|k| &k.noi_dung))
        .chain(van_ban.phu_luc.iter().map(|p| &p.noi_dung));
    let tables = bodies.flat_map(|b| &b.0).filter_map(|k| match k {
        Khoi::Bang(b) => Some(b),
        _ => None,
    });
    for bang in tables {
        for (i, row) in std::iter::once(&bang.dau).chain(&bang.hang).enumerate() {
            let o: Vec<String> = row.iter().map(|c| words(&c.plain())).collect();
            if !wanted.is_empty() && o.iter().any(|c| c.contains(&wanted)) {
                return RenderError::BangQuaRong { page, hang: i + 1, cot: bang.dau.len(), o, text };
            }
        }
    }
    RenderError::Overflow { page, text }
}

/// Calls `f` with the position and content of every text item in `frame`.
fn walk<'a>(
    frame: &'a Frame,
    ts: Transform,
    f: &mut impl FnMut(Point, &'a TextItem) -> Result<(), RenderError>,
) -> Result<(), RenderError> {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), f)?,
            FrameItem::Text(text) => f(Point::zero().transform(here), text)?,
            _ => {}
        }
    }
    Ok(())
}

/// At most 60 characters of `text`, for a message.
fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::{RenderError, Renderer, sample};

    #[test]
    fn a_word_longer_than_a_line_is_refused() {
        let vb = sample::cong_van(&format!("Đoạn một {} hết./.", "a".repeat(300)));
        match Renderer::new().layout(&vb) {
            Err(RenderError::Overflow { page: 1, text }) => assert!(text.starts_with("aaaa"), "{text}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_word_longer_than_its_column_is_refused() {
        let mut vb = sample::cong_van("Đoạn một./.");
        vb.co_quan.ten = vec![format!("Ủy ban nhân dân {}", "Đ".repeat(24))];
        match Renderer::new().layout(&vb) {
            Err(RenderError::Overflow { page: 1, text }) => assert!(text.contains("ĐĐĐ"), "{text}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_table_too_wide_for_the_page_names_its_row_and_columns() {
        use vanban_core::{Bang, CanLe, Chu, DongChu, Khoi};
        let o = |t: String| DongChu(vec![Chu::Van { text: t, dam: false, nghieng: false }]);
        let mut vb = sample::cong_van("Bảng sau./.");
        vb.noi_dung.0.push(Khoi::Bang(Bang {
            dau: (1..=40).map(|i| o(format!("Cột{i}"))).collect(),
            hang: vec![(1..=40).map(|i| o(format!("{i}.250.000"))).collect()],
            can_le: vec![CanLe::Trai; 40],
        }));
        match Renderer::new().layout(&vb) {
            Err(RenderError::BangQuaRong { cot: 40, hang, o, .. }) => {
                assert!(hang == 1 || hang == 2, "{hang}");
                assert_eq!(o.len(), 40);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_character_without_a_glyph_is_refused() {
        // The Arabic letter under a combining mark: shaping drops it and keeps the mark.
        for (body, c) in
            [("Chúc mừng 🎉 năm mới./.", '🎉'), ("Tên 東京 đô./.", '東'), ("Chữ ب\u{300} chữ./.", 'ب')]
        {
            match Renderer::new().layout(&sample::cong_van(body)) {
                Err(RenderError::MissingGlyph { character, .. }) => assert_eq!(character, c),
                other => panic!("{body}: {other:?}"),
            }
        }
    }

    #[test]
    fn long_text_that_wraps_and_every_vietnamese_letter_pass() {
        let letters =
            "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let words: Vec<String> = letters.chars().map(|c| format!("{c}{}", c.to_uppercase())).collect();
        let body = format!("{}./.", words.join(" ").repeat(3));
        if let Err(e) = Renderer::new().layout(&sample::cong_van(&body)) {
            panic!("{e}");
        }
    }
}
