//! Previews of single pages: PNG (rasterised by `typst-render`) and SVG (`typst-svg`).
//!
//! Pages are drawn on white, as on paper, whatever fill the page has. The same layout
//! always gives the same bytes.

use std::ops::RangeInclusive;

use typst::foundations::Smart;
use typst::utils::Scalar;
use typst_layout::Page;

use crate::{Layout, RenderError};

/// The resolutions [`Layout::png`] accepts, in dots per inch. A page at 1200 dpi is
/// about 10,000 × 14,000 pixels and takes over 1 GB of memory while it is encoded.
pub const PREVIEW_DPI: RangeInclusive<f32> = 10.0..=1200.0;

/// Points per inch.
const PT_PER_INCH: f32 = 72.0;

impl Layout {
    /// One page as a PNG image at `dpi` dots per inch, on white. Pages are counted from 0.
    /// An A4 page at 72 dpi is 595 × 842 pixels. The image records its resolution, so that
    /// viewers and printers show it at the page's real size.
    ///
    /// # Errors
    /// [`RenderError::NoSuchPage`] for a page the layout does not have,
    /// [`RenderError::Dpi`] for a resolution outside [`PREVIEW_DPI`].
    pub fn png(&self, page: usize, dpi: f32) -> Result<Vec<u8>, RenderError> {
        if !PREVIEW_DPI.contains(&dpi) {
            return Err(RenderError::Dpi(dpi));
        }
        let page = self.preview_page(page)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(f64::from(dpi / PT_PER_INCH)),
            render_bleed: false,
        };
        let png = typst_render::render(&page, &options)
            .encode_png()
            .map_err(|e| RenderError::Preview(e.to_string()))?;
        Ok(with_resolution(png, dpi))
    }

    /// One page as an SVG image, its size in points (an A4 page is `595.2756pt` wide and
    /// `841.8898pt` high), text drawn as glyph outlines, on white. Pages are counted from 0.
    ///
    /// # Errors
    /// [`RenderError::NoSuchPage`] for a page the layout does not have.
    pub fn svg(&self, page: usize) -> Result<String, RenderError> {
        let page = self.preview_page(page)?;
        Ok(typst_svg::svg(&page, &typst_svg::SvgOptions::default()))
    }

    /// Page `index` (from 0), set to be drawn on white.
    fn preview_page(&self, index: usize) -> Result<Page, RenderError> {
        let pages = self.document.pages();
        let page = pages
            .get(index)
            .ok_or(RenderError::NoSuchPage { page: index.saturating_add(1), pages: pages.len() })?;
        let mut page = page.clone();
        // `Auto` is white in previews; a page filled with nothing would come out transparent.
        if page.fill_or_white().is_none() {
            page.fill = Smart::Auto;
        }
        Ok(page)
    }
}

/// Adds a `pHYs` chunk (pixels per metre) after the `IHDR` chunk of `png`.
fn with_resolution(mut png: Vec<u8>, dpi: f32) -> Vec<u8> {
    // Signature (8 bytes), then IHDR: length, type, 13 bytes of data, CRC.
    const AFTER_IHDR: usize = 8 + 4 + 4 + 13 + 4;
    if png.get(12..16) != Some(b"IHDR") || png.len() < AFTER_IHDR {
        return png;
    }
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    chunk.extend_from_slice(&per_metre.to_be_bytes());
    chunk.extend_from_slice(&per_metre.to_be_bytes());
    chunk.push(1); // unit: metre
    let crc = crc32(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    png.splice(AFTER_IHDR..AFTER_IHDR, chunk);
    png
}

/// The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320).
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        (0..8).fold(crc ^ u32::from(b), |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Renderer, sample};

    fn layout() -> Layout {
        Renderer::new().layout(&sample::cong_van("Đoạn một.\n\nĐoạn hai./.")).unwrap()
    }

    #[test]
    fn crc_of_a_known_chunk() {
        // The CRC of an IEND chunk, present in every PNG file.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }

    #[test]
    fn png_records_its_resolution() {
        let png = layout().png(0, 96.0).unwrap();
        let chunk = &png[33..33 + 21];
        assert_eq!(&chunk[..8], b"\0\0\0\x09pHYs");
        // 96 dpi is 3780 pixels per metre.
        assert_eq!(&chunk[8..17], [0, 0, 0x0e, 0xc4, 0, 0, 0x0e, 0xc4, 1]);
        assert_eq!(chunk[17..], crc32(&chunk[4..17]).to_be_bytes());
    }

    #[test]
    fn a_page_filled_with_nothing_is_previewed_on_white() {
        let mut layout = layout();
        let mut pages = layout.document.pages().to_vec();
        pages[0].fill = Smart::Custom(None);
        let info = layout.document.info_mut().clone();
        layout.document = typst_layout::PagedDocument::new(pages.into(), info);
        let svg = layout.svg(0).unwrap();
        assert!(svg.contains("fill=\"#ffffff\""), "{}", &svg[..svg.len().min(400)]);
        assert_eq!(layout.png(0, 20.0).unwrap(), self::layout().png(0, 20.0).unwrap());
    }

    #[test]
    fn bad_pages_and_resolutions_are_refused() {
        let layout = layout();
        assert!(matches!(layout.png(1, 72.0), Err(RenderError::NoSuchPage { page: 2, pages: 1 })));
        assert!(matches!(
            layout.svg(usize::MAX),
            Err(RenderError::NoSuchPage { page: usize::MAX, pages: 1 })
        ));
        for dpi in [9.99, 1200.5, 0.0, -72.0, f32::NAN, f32::INFINITY] {
            assert!(matches!(layout.png(0, dpi), Err(RenderError::Dpi(_))), "{dpi}");
        }
        assert!(layout.png(0, 10.0).is_ok());
    }
}
