//! Outputs besides the PDF: page previews (PNG, SVG), and documents set in an office's own
//! Times New Roman (`Renderer::with_font_dir`).

use std::path::Path;

use vanban_core::DangTep;
use vanban_render::{
    FAMILY, FaceStyle, FallbackReason, Layout, PdfOptions, RenderError, Renderer, TIMES_NEW_ROMAN,
};
use vanban_tests::*;

fn parse(file: &str) -> vanban_core::VanBan {
    let path = root().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    vanban_core::parse(&text, DangTep::from_path(&path)).unwrap()
}

fn cong_van() -> Layout {
    renderer().layout(&parse("examples/cong-van.toml")).unwrap()
}

/// Width, height, bit depth and colour type from a PNG's header, read by hand.
fn png_header(png: &[u8]) -> (u32, u32, u8, u8) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[8..16], b"\0\0\0\x0dIHDR", "IHDR comes first");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (be(16), be(20), png[24], png[25])
}

/// A decoded PNG: RGBA pixels, row by row.
struct Pixels {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
    /// Pixels per metre, from `pHYs`.
    per_metre: Option<(u32, u32)>,
}

impl Pixels {
    fn decode(png: &[u8]) -> Pixels {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
        let per_metre =
            reader.info().pixel_dims.filter(|d| d.unit == png::Unit::Meter).map(|d| (d.xppu, d.yppu));
        let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut rgba).unwrap();
        assert_eq!((frame.color_type, frame.bit_depth), (png::ColorType::Rgba, png::BitDepth::Eight));
        rgba.truncate(frame.buffer_size());
        Pixels { width: frame.width as usize, height: frame.height as usize, rgba, per_metre }
    }

    fn at(&self, x: usize, y: usize) -> [u8; 4] {
        let i = (y * self.width + x) * 4;
        self.rgba[i..i + 4].try_into().unwrap()
    }

    /// The pixels of a rectangle given in millimetres, at `dpi`.
    fn area(&self, dpi: f64, x_mm: (f64, f64), y_mm: (f64, f64)) -> Vec<[u8; 4]> {
        let px = |mm: f64| (mm / 25.4 * dpi).round() as usize;
        let mut out = Vec::new();
        for y in px(y_mm.0)..px(y_mm.1).min(self.height) {
            for x in px(x_mm.0)..px(x_mm.1).min(self.width) {
                out.push(self.at(x, y));
            }
        }
        out
    }
}

fn dark(p: &[u8; 4]) -> bool {
    p[3] == 255 && p[..3].iter().all(|&c| c < 100)
}

#[test]
fn png_of_page_1_has_the_size_of_a4_at_its_resolution() {
    let layout = cong_van();
    let (w, h, depth, colour) = png_header(&layout.png(0, 72.0).unwrap());
    // A4 is 595.28 × 841.89 pt: one pixel a point at 72 dpi.
    assert!(w.abs_diff(595) <= 1 && h.abs_diff(842) <= 1, "{w} × {h}");
    assert_eq!((depth, colour), (8, 6), "8-bit RGBA");
    let (w2, h2, _, _) = png_header(&layout.png(0, 144.0).unwrap());
    assert!(w2.abs_diff(2 * w) <= 1 && h2.abs_diff(2 * h) <= 1, "{w2} × {h2} at 144 dpi, {w} × {h} at 72");
}

#[test]
fn png_shows_the_page_on_white_with_the_quoc_hieu_inked() {
    let dpi = 72.0;
    let pixels = Pixels::decode(&cong_van().png(0, dpi as f32).unwrap());
    // 72 dpi is 2834.6 pixels per metre.
    assert_eq!(pixels.per_metre, Some((2835, 2835)));
    assert!(pixels.rgba.chunks(4).all(|p| p[3] == 255), "some pixels are not opaque");
    assert_eq!(pixels.at(0, 0), [255, 255, 255, 255], "top-left corner");
    // The margins hold nothing (page 1 has no page number): left 30 mm, right 15 mm,
    // bottom 20 mm; a little less of each, for the ink of the letters next to them.
    for (side, x, y) in [
        ("left", (0.0, 25.0), (0.0, 297.0)),
        ("right", (200.0, 210.0), (0.0, 297.0)),
        ("bottom", (0.0, 210.0), (282.0, 297.0)),
    ] {
        let margin = pixels.area(dpi, x, y);
        assert!(margin.len() > 10_000 && margin.iter().all(|p| p == &[255; 4]), "ink in the {side} margin");
    }
    // The Quốc hiệu, in bold capitals, top right.
    let quoc_hieu = pixels.area(dpi, (110.0, 200.0), (15.0, 25.0));
    let inked = quoc_hieu.iter().filter(|p| dark(p)).count();
    assert!(inked * 20 > quoc_hieu.len(), "{inked} dark pixels of {} in the Quốc hiệu area", quoc_hieu.len());
    // The body, full width, is inked too: this is not a blank page with a header.
    let body = pixels.area(dpi, (30.0, 195.0), (100.0, 270.0));
    assert!(body.iter().filter(|p| dark(p)).count() * 20 > body.len(), "the body is not inked");
}

/// The value of attribute `name` of the root element.
fn svg_attr<'a>(svg: &'a str, name: &str) -> &'a str {
    let root = &svg[..svg.find('>').unwrap()];
    let start =
        root.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("no {name} in {root}")) + name.len() + 3;
    &root[start..start + root[start..].find('"').unwrap()]
}

#[test]
fn svg_of_page_1_has_the_size_of_a4_and_draws_the_glyphs() {
    let layout = cong_van();
    let svg = layout.svg(0).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    let pt =
        |v: &str| v.strip_suffix("pt").unwrap_or_else(|| panic!("{v} not in points")).parse::<f64>().unwrap();
    let (w, h) = (pt(svg_attr(&svg, "width")), pt(svg_attr(&svg, "height")));
    assert!((w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01, "{w} × {h}");
    // Text is drawn as outlines: one `use` per glyph, each naming a defined glyph path.
    let glyphs = svg.matches("<use xlink:href=\"#g").count();
    let letters: usize =
        layout.pages()[0].texts.iter().map(|t| t.text.chars().filter(|c| c.is_alphabetic()).count()).sum();
    assert!(glyphs >= letters && letters > 500, "{glyphs} glyphs drawn for {letters} letters");
    assert!(svg.contains("<symbol id=\"g") && svg.contains("<path"));
    // On white.
    assert!(svg.contains("fill=\"#ffffff\""));
}

#[test]
fn previews_of_a_page_the_document_lacks_are_refused() {
    let layout = renderer().layout(&parse("examples/ke-hoach.md")).unwrap();
    let n = layout.page_count();
    assert!(n > 1);
    // The last page exists; the one after it does not.
    assert!(layout.png(n - 1, 30.0).is_ok() && layout.svg(n - 1).is_ok());
    match layout.png(n, 72.0) {
        Err(e @ RenderError::NoSuchPage { .. }) => {
            assert!(matches!(e, RenderError::NoSuchPage { page, pages } if page == n + 1 && pages == n));
            assert!(e.to_string().contains(&format!("trang {}", n + 1)), "{e}");
        }
        other => panic!("{:?}", other.map(|b| b.len())),
    }
    assert!(matches!(layout.svg(n), Err(RenderError::NoSuchPage { .. })));
}

#[test]
fn preview_resolutions_outside_10_to_1200_dpi_are_refused() {
    let layout = cong_van();
    for dpi in [0.0, 9.9, 1200.1, 100_000.0, -96.0, f32::NAN] {
        match layout.png(0, dpi) {
            Err(e @ RenderError::Dpi(_)) => assert!(e.to_string().contains("dpi"), "{e}"),
            other => panic!("{dpi}: {:?}", other.map(|b| b.len())),
        }
    }
    let (w, _, _, _) = png_header(&layout.png(0, 10.0).unwrap());
    assert_eq!(w, 83, "A4 at 10 dpi is 83 pixels wide");
}

#[test]
fn previews_are_the_same_bytes_every_time() {
    for file in ["examples/cong-van.toml", "examples/ke-hoach.md"] {
        let vb = parse(file);
        let a = renderer().layout(&vb).unwrap();
        let b = renderer().layout(&vb).unwrap();
        // A fresh renderer, as a new process would have.
        let c = Renderer::new().layout(&vb).unwrap();
        for page in 0..a.page_count() {
            let png = a.png(page, 96.0).unwrap();
            assert!(png == b.png(page, 96.0).unwrap() && png == c.png(page, 96.0).unwrap(), "{file} p{page}");
            let svg = a.svg(page).unwrap();
            assert!(svg == b.svg(page).unwrap() && svg == c.svg(page).unwrap(), "{file} p{page}");
        }
        // Different pages give different images.
        if a.page_count() > 1 {
            assert_ne!(a.png(0, 96.0).unwrap(), a.png(1, 96.0).unwrap());
        }
    }
}

// Fonts from a directory.

const LIBERATION: [&str; 4] = [
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
];

fn liberation(file: &str) -> Vec<u8> {
    std::fs::read(root().join("fonts").join(file)).unwrap()
}

/// The directory of a table in a TrueType file: (tag, offset, length) of each table.
fn tables(font: &[u8]) -> Vec<([u8; 4], usize, usize)> {
    let u16_at = |at: usize| u16::from_be_bytes([font[at], font[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_be_bytes(font[at..at + 4].try_into().unwrap()) as usize;
    (0..u16_at(4))
        .map(|i| {
            let rec = 12 + 16 * i;
            (font[rec..rec + 4].try_into().unwrap(), u32_at(rec + 8), u32_at(rec + 12))
        })
        .collect()
}

/// A Liberation Serif face renamed Times New Roman: every name record that reads
/// "Liberation Serif" (the family) is rewritten in place, one character shorter.
/// No Times New Roman can be shipped or downloaded; this stands in for it.
fn as_times_new_roman(mut font: Vec<u8>) -> Vec<u8> {
    let (_, name, _) = *tables(&font).iter().find(|(tag, _, _)| tag == b"name").expect("a name table");
    let u16_at = |f: &[u8], at: usize| u16::from_be_bytes([f[at], f[at + 1]]) as usize;
    let (count, strings) = (u16_at(&font, name + 2), name + u16_at(&font, name + 4));
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>();
    let mut matches = Vec::new();
    for i in 0..count {
        let rec = name + 6 + 12 * i;
        let (platform, len, off) = (u16_at(&font, rec), u16_at(&font, rec + 8), u16_at(&font, rec + 10));
        let bytes = &font[strings + off..strings + off + len];
        let (old, new) = match platform {
            0 | 3 => (utf16(FAMILY), utf16(TIMES_NEW_ROMAN)),
            _ => (FAMILY.as_bytes().to_vec(), TIMES_NEW_ROMAN.as_bytes().to_vec()),
        };
        if bytes == old {
            matches.push((rec, strings + off, new));
        }
    }
    assert!(!matches.is_empty(), "no family name found");
    for (rec, at, new) in matches {
        font[at..at + new.len()].copy_from_slice(&new);
        font[rec + 8..rec + 10].copy_from_slice(&(new.len() as u16).to_be_bytes());
    }
    font
}

/// A TrueType collection (`.ttc`) of `fonts`: each font's tables move with it.
fn collection(fonts: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"ttcf\0\x01\0\0".to_vec();
    out.extend_from_slice(&(fonts.len() as u32).to_be_bytes());
    let mut at = 12 + 4 * fonts.len();
    let mut body = Vec::new();
    for font in fonts {
        out.extend_from_slice(&(at as u32).to_be_bytes());
        let mut moved = font.clone();
        for i in 0..tables(font).len() {
            let rec = 12 + 16 * i + 8;
            let offset = u32::from_be_bytes(font[rec..rec + 4].try_into().unwrap()) as usize + at;
            moved[rec..rec + 4].copy_from_slice(&(offset as u32).to_be_bytes());
        }
        at += moved.len();
        body.extend(moved);
    }
    out.extend(body);
    out
}

fn dir_with(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// The fallback reason of a renderer for `dir`, checking that it then uses the embedded
/// fonts and gives the same PDF as `Renderer::new()`.
fn fallback_for(dir: &Path) -> FallbackReason {
    let (renderer, fallback) = Renderer::with_font_dir(dir);
    let fallback = fallback.unwrap_or_else(|| panic!("{} accepted", dir.display()));
    assert_eq!(fallback.dir, dir);
    assert!(!fallback.to_string().is_empty() && !fallback.en().is_empty());
    assert_eq!(renderer.font_family(), FAMILY);
    let vb = parse("examples/cong-van.toml");
    assert_eq!(
        renderer.render_pdf(&vb, &PdfOptions::default()).unwrap(),
        vanban_tests::renderer().render_pdf(&vb, &PdfOptions::default()).unwrap()
    );
    fallback.reason
}

#[test]
fn the_embedded_font_is_the_default() {
    assert_eq!(Renderer::new().font_family(), FAMILY);
    let families: Vec<String> = cong_van().pages()[0].texts.iter().map(|t| t.family.clone()).collect();
    assert!(!families.is_empty() && families.iter().all(|f| f == FAMILY), "{families:?}");
}

#[test]
fn a_directory_without_fonts_falls_back() {
    let dir =
        dir_with(&[("readme.txt", b"Times New Roman".to_vec()), ("broken.ttf", b"not a font".to_vec())]);
    assert_eq!(fallback_for(dir.path()), FallbackReason::NotFound);
    let (_, fallback) = Renderer::with_font_dir(dir.path());
    assert!(fallback.unwrap().to_string().contains("không có phông Times New Roman"));
}

#[test]
fn liberation_serif_is_not_times_new_roman() {
    let files: Vec<(&str, Vec<u8>)> = LIBERATION.iter().map(|f| (*f, liberation(f))).collect();
    let dir = dir_with(&files);
    assert_eq!(fallback_for(dir.path()), FallbackReason::NotFound);
}

#[test]
fn a_directory_that_cannot_be_read_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("không có");
    assert!(matches!(fallback_for(&missing), FallbackReason::Unreadable(_)));
    let file = dir.path().join("times.ttf");
    std::fs::write(&file, as_times_new_roman(liberation(LIBERATION[0]))).unwrap();
    assert!(matches!(fallback_for(&file), FallbackReason::Unreadable(_)), "a file is not a directory");
}

#[test]
fn times_new_roman_without_its_italics_falls_back() {
    let dir = dir_with(&[
        ("times.ttf", as_times_new_roman(liberation(LIBERATION[0]))),
        ("timesbd.ttf", as_times_new_roman(liberation(LIBERATION[1]))),
    ]);
    assert_eq!(
        fallback_for(dir.path()),
        FallbackReason::MissingFaces(vec![FaceStyle::Italic, FaceStyle::BoldItalic])
    );
}

/// Lays out the công văn with fonts from `dir`, which must be accepted, and checks that
/// every run is set in Times New Roman, in the same places as with the embedded fonts.
fn check_times_new_roman(dir: &Path) {
    let (renderer, fallback) = Renderer::with_font_dir(dir);
    assert!(fallback.is_none(), "{}", fallback.unwrap());
    assert_eq!(renderer.font_family(), TIMES_NEW_ROMAN);
    for file in ["examples/cong-van.toml", "examples/ke-hoach.md"] {
        let vb = parse(file);
        let layout = renderer.layout(&vb).unwrap();
        let embedded = vanban_tests::renderer().layout(&vb).unwrap();
        assert_eq!(layout.page_count(), embedded.page_count(), "{file}");
        for (ours, theirs) in layout.pages().iter().zip(embedded.pages()) {
            assert_eq!(ours.texts.len(), theirs.texts.len(), "{file}");
            for (a, b) in ours.texts.iter().zip(&theirs.texts) {
                assert_eq!(a.family, TIMES_NEW_ROMAN, "{file}: “{}”", a.text);
                // Same metrics, same lines: only the family differs.
                assert_eq!((&a.text, a.x, a.y, a.weight, a.italic), (&b.text, b.x, b.y, b.weight, b.italic));
            }
        }
        assert!(layout.pdf(&PdfOptions::default()).unwrap().starts_with(b"%PDF-"));
        let png = layout.png(0, 36.0).unwrap();
        assert_eq!(png_header(&png).0, 298);
    }
}

#[test]
fn times_new_roman_in_four_files_is_used() {
    let names = ["times.ttf", "timesbd.TTF", "timesi.ttf", "timesbi.ttf"];
    let mut files: Vec<(&str, Vec<u8>)> =
        names.iter().zip(LIBERATION).map(|(n, f)| (*n, as_times_new_roman(liberation(f)))).collect();
    // Other fonts and files beside it are passed over.
    files.push(("LiberationSerif-Regular.ttf", liberation(LIBERATION[0])));
    files.push(("desktop.ini", b"[.ShellClassInfo]".to_vec()));
    let dir = dir_with(&files);
    check_times_new_roman(dir.path());
}

#[test]
fn times_new_roman_in_a_collection_is_used() {
    let fonts: Vec<Vec<u8>> = LIBERATION.iter().map(|f| as_times_new_roman(liberation(f))).collect();
    let dir = dir_with(&[("times.ttc", collection(&fonts))]);
    check_times_new_roman(dir.path());
}
