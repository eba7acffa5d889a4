//! Page geometry (Phụ lục I, Mục I) and page numbers: Arabic numerals, regular, centred in
//! the top margin, none on page 1; each appendix numbered on its own the same way.
//!
//! They are set here, on the laid-out pages, rather than by the template: a template that
//! asks Typst which page it is on makes Typst lay the whole document out a second time to
//! confirm the answer, which costs about 40 % of a render.

use typst::ecow::EcoVec;
use typst::layout::{Abs, Em, FrameItem, Point};
use typst::syntax::Span;
use typst::text::{Font, FontVariant, FontVariations, Glyph, Lang, TextItem};
use typst::visualize::{Color, Paint};
use typst_layout::PagedDocument;

/// Page margins, in millimetres (`vanban_core::le`, shared with the DOCX writer). The
/// templates receive them as data.
pub(crate) use vanban_core::le::LE_MM;

/// The page numbers vanban sets: 14 pt, baseline 12 mm from the top edge.
pub(crate) fn mac_dinh() -> SoTrang {
    SoTrang {
        text_left: Abs::mm(LE_MM.trai),
        right_margin: Abs::mm(LE_MM.phai),
        baseline: Abs::mm(12.0),
        size: Abs::pt(14.0),
    }
}

/// Where and how page numbers are set.
pub(crate) struct SoTrang {
    /// Left edge of the text area, from the page's left edge.
    pub(crate) text_left: Abs,
    /// Right margin: the text area is the page's width less both margins (a landscape
    /// appendix page is wider).
    pub(crate) right_margin: Abs,
    /// Baseline, from the page's top edge: inside the top margin.
    pub(crate) baseline: Abs,
    /// Font size.
    pub(crate) size: Abs,
}

impl SoTrang {
    /// Numbers the pages of `document` with the regular face `font`: the document's from its
    /// second page, and each appendix (starting at the page indices `starts`) from 1 again,
    /// from its own second page.
    pub(crate) fn apply(&self, mut document: PagedDocument, font: &Font, starts: &[usize]) -> PagedDocument {
        if document.pages().len() < 2 {
            return document;
        }
        let instance =
            font.clone().instantiate(FontVariant::default(), self.size, &FontVariations::default());
        let mut pages: Vec<_> = document.pages().to_vec();
        for (i, page) in pages.iter_mut().enumerate() {
            let start = starts.iter().copied().filter(|&s| s <= i).max().unwrap_or(0);
            if i == start {
                continue;
            }
            let number = (i - start + 1).to_string();
            let glyphs: Vec<Glyph> = number
                .char_indices()
                .map(|(at, c)| {
                    let id = instance.ttf().glyph_index(c).map(|g| g.0).unwrap_or(0);
                    Glyph {
                        id,
                        x_advance: instance.x_advance(id).unwrap_or(Em::zero()),
                        x_offset: Em::zero(),
                        y_advance: Em::zero(),
                        y_offset: Em::zero(),
                        range: at as u16..(at + c.len_utf8()) as u16,
                        span: (Span::detached(), 0),
                    }
                })
                .collect();
            let item = TextItem {
                font: instance.clone(),
                size: self.size,
                fill: Paint::Solid(Color::BLACK),
                stroke: None,
                lang: Lang::VIETNAMESE,
                region: None,
                text: number.into(),
                glyphs,
            };
            let text_width = page.frame.width() - self.text_left - self.right_margin;
            let x = self.text_left + (text_width - item.width()) / 2.0;
            page.frame.push(Point::new(x, self.baseline), FrameItem::Text(item));
        }
        let info = document.info_mut().clone();
        PagedDocument::new(EcoVec::from(pages), info)
    }
}
