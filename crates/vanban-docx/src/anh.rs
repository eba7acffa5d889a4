//! The images of an electronic document ([`KySo`], Phụ lục I II.7.d, II.8): the signer's
//! signature and the agency's seal, read from the document's own directory and nowhere
//! else, sized as `vanban-render` sizes them for the PDF, and drawn in the signature block
//! as `templates/the-thuc.typ` places them (`chu-ky`): the signature centred in the room
//! between the title and the name, the seal at its real size over the signature's left
//! third, its right edge one third of the signature's width from the signature's left edge.
//!
//! A path must be relative and stay inside the directory (the core model refuses `/…` and
//! `..`); the file's real path, after symbolic links, must still be inside the directory's
//! real path ([`vanban_core::anh_png::doc_anh`]). The image must be a PNG with transparency.

use std::fmt::Write as _;
use std::path::Path;

use vanban_core::anh_png::{self, CHU_KY_MM, Png};
use vanban_core::{Anh, KySo};

use crate::LoiDocx;
use crate::kich_thuoc as kt;

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
    let (rong_mm, cao_mm) = png.fit(CHU_KY_MM);
    let chu_ky = Hinh { bytes, rong_mm, cao_mm };
    let dau = match &k.dau {
        None => None,
        Some(d) => {
            let (bytes, png) = read(&d.anh, dir, KHOA_DAU)?;
            let ratio = f64::from(png.height_px) / f64::from(png.width_px);
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

/// Reads the image `anh` names inside `dir` and checks it is a transparent PNG.
fn read(anh: &Anh, dir: &Path, khoa: &'static str) -> Result<(Vec<u8>, Png), LoiDocx> {
    let bytes = anh_png::doc_anh(anh, dir).map_err(|e| loi(anh, khoa, e.to_string()))?;
    let png = Png::doc(&bytes)
        .and_then(|png| png.can_trong_suot().map(|()| png))
        .map_err(|e| loi(anh, khoa, e.to_string()))?;
    Ok((bytes, png))
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
