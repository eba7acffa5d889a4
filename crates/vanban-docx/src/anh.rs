//! The images of an electronic document ([`KySo`], Phụ lục I II.7.d, II.8): the signer's
//! signature and the agency's seal, read from the document's own directory and nowhere
//! else, sized as `vanban-render` sizes them for the PDF, and drawn in the signature block
//! as `templates/the-thuc.typ` places them (`chu-ky`): the signature centred in the room
//! between the title and the name, the seal at its real size over the signature's left
//! third, its right edge one third of the signature's width from the signature's left edge.
//!
//! A path must be relative and stay inside the directory (the core model refuses `/…` and
//! `..`); here the file's real path, after symbolic links, must still be inside the
//! directory's real path. The image must be a PNG with transparency.

use std::fmt::Write as _;
use std::path::Path;

use vanban_core::{Anh, KySo};

use crate::LoiDocx;
use crate::kich_thuoc as kt;

/// The largest image read, in bytes (as `vanban-render`).
const MAX_BYTES: u64 = 8 << 20;

/// The box the signature image is fitted into, in millimetres, as `vanban-render`: the
/// width of the signature column's text, and the room between the title and the name less
/// a margin.
const CHU_KY_MM: (f64, f64) = (55.0, 20.0);

/// EMUs (DrawingML's unit) in one millimetre.
const EMU_PER_MM: f64 = 36_000.0;
/// EMUs in one twip.
const EMU_PER_TWIP: i64 = 635;

/// The key that names the signature image.
const KHOA_CHU_KY: &str = "ky_so.chu_ky";
/// The key that names the seal image.
const KHOA_DAU: &str = "ky_so.dau";

/// An image read, with its printed size.
#[derive(Debug, Clone)]
pub(crate) struct Hinh {
    /// The PNG file's bytes, as read.
    pub(crate) bytes: Vec<u8>,
    /// Printed width, in millimetres.
    rong_mm: f64,
    /// Printed height, in millimetres.
    cao_mm: f64,
}

/// The images of an electronic document, read and sized.
#[derive(Debug, Clone)]
pub(crate) struct CacAnh {
    /// The signature (ô 7c).
    pub(crate) chu_ky: Hinh,
    /// The seal (ô 8), if the document shows it.
    pub(crate) dau: Option<Hinh>,
}

/// A package part holding an image: `word/media/{ten}`, referred to by `rid`.
#[derive(Debug, Clone)]
pub(crate) struct Media {
    /// The part's name under `word/media/`.
    pub(crate) ten: &'static str,
    /// The relationship id the drawing refers to it by.
    pub(crate) rid: &'static str,
    /// The bytes.
    pub(crate) bytes: Vec<u8>,
}

/// The signature's part and relationship.
const CHU_KY: (&str, &str) = ("image1.png", "rIdAnh1");
/// The seal's part and relationship.
const DAU: (&str, &str) = ("image2.png", "rIdAnh2");

impl CacAnh {
    /// The media parts of the package, in a fixed order.
    pub(crate) fn media(&self) -> Vec<Media> {
        let mut out = vec![Media { ten: CHU_KY.0, rid: CHU_KY.1, bytes: self.chu_ky.bytes.clone() }];
        if let Some(d) = &self.dau {
            out.push(Media { ten: DAU.0, rid: DAU.1, bytes: d.bytes.clone() });
        }
        out
    }
}

/// Reads the images `ky_so` names from `dir`, the directory of the document file; `None`
/// when the document has none.
///
/// # Errors
/// [`LoiDocx::CanThuMuc`] when there are images but no directory; [`LoiDocx::Anh`] for an
/// image that cannot be read or used.
pub(crate) fn doc(ky_so: Option<&KySo>, dir: Option<&Path>) -> Result<Option<CacAnh>, LoiDocx> {
    let Some(k) = ky_so else { return Ok(None) };
    let Some(dir) = dir else {
        return Err(LoiDocx::CanThuMuc { path: k.chu_ky.duong_dan().to_owned() });
    };
    let (bytes, png) = read(&k.chu_ky, dir, KHOA_CHU_KY)?;
    let (rong_mm, cao_mm) = fit(png.real_size_mm(), &png, CHU_KY_MM);
    let chu_ky = Hinh { bytes, rong_mm, cao_mm };
    let dau = match &k.dau {
        None => None,
        Some(d) => {
            let (bytes, png) = read(&d.anh, dir, KHOA_DAU)?;
            let ratio = f64::from(png.cao_px) / f64::from(png.rong_px);
            let (rong_mm, cao_mm) = match (d.duong_kinh_mm, png.real_size_mm()) {
                (Some(mm), _) => (mm, mm * ratio),
                (None, Some(size)) => size,
                (None, None) => {
                    return Err(loi(
                        &d.anh,
                        KHOA_DAU,
                        "the seal image records no resolution, so its real size is unknown; \
                         add dau_mm = <the seal's diameter in millimetres> to [ky_so]",
                    ));
                }
            };
            Some(Hinh { bytes, rong_mm, cao_mm })
        }
    };
    Ok(Some(CacAnh { chu_ky, dau }))
}

fn loi(anh: &Anh, khoa: &'static str, ly_do: impl Into<String>) -> LoiDocx {
    LoiDocx::Anh { khoa, path: anh.duong_dan().to_owned(), ly_do: ly_do.into() }
}

/// What a PNG's header says.
#[derive(Debug, Clone, Copy)]
struct Png {
    rong_px: u32,
    cao_px: u32,
    /// Pixels per metre, from the `pHYs` record, when it gives one.
    px_per_m: Option<f64>,
}

impl Png {
    /// The size in millimetres at the image's own resolution, if it records one.
    fn real_size_mm(&self) -> Option<(f64, f64)> {
        let ppm = self.px_per_m?;
        Some((f64::from(self.rong_px) / ppm * 1000.0, f64::from(self.cao_px) / ppm * 1000.0))
    }
}

/// Reads the image `anh` names inside `dir` and checks it is a transparent PNG.
fn read(anh: &Anh, dir: &Path, khoa: &'static str) -> Result<(Vec<u8>, Png), LoiDocx> {
    let io = |e: std::io::Error| loi(anh, khoa, format!("the image file cannot be read ({e})"));
    let root = dir.canonicalize().map_err(io)?;
    let real = match root.join(anh.duong_dan()).canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(loi(
                anh,
                khoa,
                "no such image file (the path is taken from the directory of the document file)",
            ));
        }
        Err(e) => return Err(io(e)),
    };
    if !real.starts_with(&root) {
        return Err(loi(
            anh,
            khoa,
            "the image file is a link leading outside the directory of the document file",
        ));
    }
    let meta = std::fs::metadata(&real).map_err(io)?;
    if !meta.is_file() {
        return Err(loi(anh, khoa, "not a file"));
    }
    if meta.len() > MAX_BYTES {
        return Err(loi(anh, khoa, format!("the image file is larger than {} MB", MAX_BYTES >> 20)));
    }
    let bytes = std::fs::read(&real).map_err(io)?;
    let png = png(&bytes).map_err(|why| loi(anh, khoa, why))?;
    Ok((bytes, png))
}

/// Reads a PNG's header: signature, size, transparency, resolution.
fn png(bytes: &[u8]) -> Result<Png, &'static str> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    const DAMAGED: &str = "the PNG is damaged (cut short or malformed)";
    if !bytes.starts_with(SIGNATURE) {
        return Err("not a PNG image");
    }
    let mut at = SIGNATURE.len();
    let (mut header, mut transparent, mut px_per_m) = (None, false, None);
    while let Some(len_bytes) = bytes.get(at..at + 4) {
        let len = u32::from_be_bytes(len_bytes.try_into().unwrap_or_default()) as usize;
        let kind = bytes.get(at + 4..at + 8).ok_or(DAMAGED)?;
        let data = bytes.get(at + 8..(at + 8).saturating_add(len)).ok_or(DAMAGED)?;
        match kind {
            b"IHDR" if data.len() >= 13 => {
                let w = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                let h = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
                // Colour types 4 and 6 carry an alpha channel.
                transparent |= matches!(data[9], 4 | 6);
                header = Some((w, h));
            }
            b"tRNS" => transparent = true,
            b"pHYs" if data.len() >= 9 && data[8] == 1 => {
                let x = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                px_per_m = (x > 0).then_some(f64::from(x));
            }
            b"IEND" => break,
            _ => {}
        }
        at = at.saturating_add(12).saturating_add(len);
    }
    let (rong_px, cao_px) = header.filter(|&(w, h)| w > 0 && h > 0).ok_or(DAMAGED)?;
    if !transparent {
        return Err("the image must have a transparent background (a PNG with an alpha channel)");
    }
    Ok(Png { rong_px, cao_px, px_per_m })
}

/// The printed size of an image: its real size when known and it fits the box, else the
/// largest size with its proportions that fits (as `vanban-render`).
fn fit(real: Option<(f64, f64)>, png: &Png, (bw, bh): (f64, f64)) -> (f64, f64) {
    if let Some((w, h)) = real
        && w <= bw
        && h <= bh
    {
        return (w, h);
    }
    let (pw, ph) = (f64::from(png.rong_px), f64::from(png.cao_px));
    let scale = (bw / pw).min(bh / ph);
    (pw * scale, ph * scale)
}

/// `mm` in EMUs, rounded.
fn emu(mm: f64) -> i64 {
    (mm * EMU_PER_MM).round() as i64
}

/// The namespaces the drawings use, declared on `w:document` when it holds one.
pub(crate) const NS: &str = " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
     xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
     xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

/// Where an image stands across its cell: centred, or this many EMUs from the cell's left.
#[derive(Debug, Clone, Copy)]
enum Ngang {
    Giua,
    Tu(i64),
}

/// The runs that draw the images in the room for the signature, a paragraph of
/// [`kt::CHO_KY_MM`] exactly, in a cell `cot` twips wide with no margins.
///
/// Each is anchored to that paragraph, behind the text, wrapping nothing, its centre where
/// the PDF puts it: half the room plus 0.4 em under the title's baseline (`giua` in
/// `chu-ky`). The room's paragraph starts under the title's descent (0.216 em of Times New
/// Roman), so that much less below its top. The seal is drawn over the signature.
///
/// Also the space, in twips, to leave under the name so that the cell reaches the seal's
/// bottom edge: the seal may reach lower than the name's line (as in the PDF), and
/// LibreOffice keeps an object laid out in a cell inside it, moving it up otherwise.
pub(crate) fn cac_hinh(anh: &CacAnh, cot: i64) -> (String, Option<i64>) {
    const PT_MM: f64 = 25.4 / 72.0;
    let giua_mm = kt::CHO_KY_MM / 2.0 + (0.4 - 0.216) * kt::co::NOI_DUNG * PT_MM;
    let ck = &anh.chu_ky;
    let mut out = neo(ck, 1, CHU_KY, Ngang::Giua, giua_mm, "Chữ ký của người có thẩm quyền");
    let mut day_mm = giua_mm + ck.cao_mm / 2.0;
    if let Some(d) = &anh.dau {
        // The seal's right edge at one third of the signature from its left edge.
        let tam = cot * EMU_PER_TWIP / 2;
        let trai = tam - emu(ck.rong_mm / 6.0 + d.rong_mm);
        out.push_str(&neo(d, 2, DAU, Ngang::Tu(trai), giua_mm, "Con dấu của cơ quan, tổ chức"));
        day_mm = day_mm.max(giua_mm + d.cao_mm / 2.0);
    }
    // The name's line: single spacing of Times New Roman, 1.149 em; half a millimetre spare.
    let duoi_ten_mm = kt::CHO_KY_MM + 1.149 * kt::co::NOI_DUNG * PT_MM;
    let them = day_mm + 0.5 - duoi_ten_mm;
    (out, (them > 0.0).then(|| kt::mm(them)))
}

/// One image anchored behind the text of its paragraph: `id` (its drawing's id, and its
/// place in the stacking order), `(ten, rid)`: its part and relationship; its centre
/// `giua_mm` below the paragraph's top.
fn neo(h: &Hinh, id: u32, (ten, rid): (&str, &str), ngang: Ngang, giua_mm: f64, mo_ta: &str) -> String {
    let (cx, cy) = (emu(h.rong_mm), emu(h.cao_mm));
    let ngang = match ngang {
        Ngang::Giua => "<wp:align>center</wp:align>".to_owned(),
        Ngang::Tu(x) => format!("<wp:posOffset>{x}</wp:posOffset>"),
    };
    let doc = emu(giua_mm) - cy / 2;
    let mut s = String::from("<w:r><w:drawing>");
    let _ = write!(
        s,
        "<wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"{id}\" \
         behindDoc=\"1\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>\
         <wp:positionH relativeFrom=\"column\">{ngang}</wp:positionH>\
         <wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{doc}</wp:posOffset></wp:positionV>\
         <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>\
         <wp:docPr id=\"{id}\" name=\"{ten}\" descr=\"{mo_ta}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{ten}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
         </wp:anchor></w:drawing></w:r>"
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_size_and_fit() {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(13u32.to_be_bytes());
        b.extend(b"IHDR");
        b.extend(600u32.to_be_bytes());
        b.extend(220u32.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b.extend([0; 4]);
        let p = png(&b).unwrap();
        assert_eq!((p.rong_px, p.cao_px, p.px_per_m), (600, 220, None));
        // No resolution: fitted into 55 × 20 mm, proportions kept.
        let (w, h) = fit(None, &p, CHU_KY_MM);
        assert!((w - 54.545).abs() < 0.01 && (h - 20.0).abs() < 1e-9, "{w} {h}");
        assert_eq!(png(b"GIF89a"), Err("not a PNG image"));
        b[8 + 8 + 9] = 2; // RGB, no alpha
        assert!(png(&b).unwrap_err().contains("transparent"));
    }

    impl PartialEq for Png {
        fn eq(&self, o: &Png) -> bool {
            (self.rong_px, self.cao_px, self.px_per_m) == (o.rong_px, o.cao_px, o.px_per_m)
        }
    }
}
