//! The images a document names (its [`KySo`]), read from the document's own directory and
//! nowhere else.
//!
//! A path must be relative and stay inside the directory (the core model refuses `/…` and
//! `..`); the file's real path, after symbolic links, must still be inside the directory's
//! real path ([`vanban_core::anh_png::doc_anh`]). The image must be a PNG with transparency,
//! whose image data decodes. The templates see the images only under fixed virtual paths,
//! never the paths the document wrote.

use std::path::Path;
use std::sync::LazyLock;

use typst::foundations::Bytes;
use vanban_core::anh_png::{self, CHU_KY_MM, LoiAnh};
use vanban_core::{Anh, KySo, khoa};

use crate::RenderError;

/// The largest image read, in bytes.
pub use vanban_core::anh_png::MAX_BYTES;

/// The most memory an image may take once decoded, in bytes: its pixels × 4 bytes (8 for an
/// image of 16 bits per channel), as a renderer holds them. 48 MiB is a 60 mm seal scanned
/// at 1,200 dpi with room to spare; a small file can decode to far more (a 10,000 × 10,000
/// PNG of one colour is a few hundred kilobytes and 400 MB of pixels), and each worker of a
/// batch would hold that.
pub const MAX_DECODED_BYTES: u64 = 48 << 20;

/// The virtual path of the signature image.
pub(crate) const CHU_KY: &str = "/anh/chu-ky.png";
/// The virtual path of the seal image.
pub(crate) const DAU: &str = "/anh/dau.png";

/// A PNG read and checked.
#[derive(Debug, Clone)]
pub(crate) struct Png {
    pub(crate) bytes: Bytes,
    /// What its header says.
    pub(crate) header: anh_png::Png,
}

/// The images of a document, read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Images {
    pub(crate) chu_ky: Option<Png>,
    pub(crate) dau: Option<Png>,
}

/// Reads the images `ky_so` names from `dir`, the directory of the document file.
pub(crate) fn load(ky_so: Option<&KySo>, dir: Option<&Path>) -> Result<Images, RenderError> {
    let Some(k) = ky_so else { return Ok(Images::default()) };
    Ok(Images {
        chu_ky: Some(read(&k.chu_ky, dir, KHOA_CHU_KY.as_str())?),
        dau: k.dau.as_ref().map(|d| read(&d.anh, dir, KHOA_DAU.as_str())).transpose()?,
    })
}

/// The keys that name the images.
static KHOA_CHU_KY: LazyLock<String> =
    LazyLock::new(|| khoa::duong(&[&khoa::KY_SO, &khoa::trong::ky_so::CHU_KY]));
static KHOA_DAU: LazyLock<String> = LazyLock::new(|| khoa::duong(&[&khoa::KY_SO, &khoa::trong::ky_so::DAU]));

fn read(anh: &Anh, dir: Option<&Path>, khoa: &'static str) -> Result<Png, RenderError> {
    let fail =
        |(vi, en): Why| RenderError::Image { khoa, path: anh.duong_dan().to_owned(), why: vi, why_en: en };
    let dir = dir.ok_or_else(|| {
        fail(pair(
            "văn bản không được đọc từ tệp nên không có thư mục để tìm ảnh",
            "the document was not read from a file, so there is no directory to find images in",
        ))
    })?;
    let bytes = anh_png::doc_anh(anh, dir).map_err(|e| fail(loi(&e)))?;
    png(bytes).map_err(fail)
}

/// Why an image cannot be used, in Vietnamese and in English.
type Why = (String, String);

fn pair(vi: &str, en: &str) -> Why {
    (vi.to_owned(), en.to_owned())
}

/// The reason of a core image error, in both languages.
fn loi(e: &LoiAnh) -> Why {
    (e.vi(), e.en())
}

/// Checks a PNG: signature, header, transparency, the memory it takes decoded, its image
/// data; reads its size and resolution.
fn png(bytes: Vec<u8>) -> Result<Png, Why> {
    let header = anh_png::Png::doc(&bytes).map_err(|e| loi(&e))?;
    let anh_png::Png { width_px, height_px, bit_depth: depth, .. } = header;
    let decoded = u64::from(width_px) * u64::from(height_px) * if depth == 16 { 8 } else { 4 };
    if decoded > MAX_DECODED_BYTES {
        let (mb, max) = (decoded.div_ceil(1 << 20), MAX_DECODED_BYTES >> 20);
        let (d16, d16_en) =
            if depth == 16 { (", 16 bit mỗi kênh,", ", 16 bits a channel,") } else { ("", "") };
        return Err((
            format!(
                "ảnh {width_px} × {height_px} điểm ảnh{d16} cần {mb} MB bộ nhớ khi giải nén, quá giới hạn {max} MB"
            ),
            format!(
                "an image of {width_px} × {height_px} pixels{d16_en} takes {mb} MB decoded, over the limit of {max} MB"
            ),
        ));
    }
    header.can_trong_suot().map_err(|e| loi(&e))?;
    decodes(&bytes)?;
    Ok(Png { bytes: Bytes::new(bytes), header })
}

/// Decodes every row of a PNG whose header was read, so that a file cut short or with
/// damaged image data is refused here, naming the image, rather than by the templates.
fn decodes(bytes: &[u8]) -> Result<(), Why> {
    let limits = png::Limits { bytes: usize::try_from(MAX_DECODED_BYTES).unwrap_or(usize::MAX) };
    let damaged = |e: png::DecodingError| {
        (
            "ảnh PNG bị hỏng, không đọc được dữ liệu ảnh; lưu lại ảnh từ bản gốc".to_owned(),
            format!(
                "the PNG is damaged, its image data cannot be read ({e}); save the image again from the original"
            ),
        )
    };
    let mut reader =
        png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits).read_info().map_err(damaged)?;
    while reader.next_row().map_err(damaged)?.is_some() {}
    reader.finish().map_err(damaged)
}

/// The images as the templates place them: virtual path and printed size in millimetres.
pub(crate) fn to_json(ky_so: Option<&KySo>, images: &Images) -> Result<serde_json::Value, RenderError> {
    let (Some(k), Some(chu_ky)) = (ky_so, &images.chu_ky) else { return Ok(serde_json::Value::Null) };
    let (w, h) = chu_ky.header.fit(CHU_KY_MM);
    let dau = match (&k.dau, &images.dau) {
        (Some(d), Some(png)) => {
            let ratio = f64::from(png.header.height_px) / f64::from(png.header.width_px);
            let (dw, dh) = match (d.duong_kinh_mm, png.header.real_size_mm()) {
                (Some(mm), _) => (mm, mm * ratio),
                (None, Some(size)) => size,
                (None, None) => {
                    return Err(RenderError::Image {
                        khoa: KHOA_DAU.as_str(),
                        path: d.anh.duong_dan().to_owned(),
                        why: "ảnh con dấu không ghi độ phân giải nên không biết kích thước thật; \
                              thêm dau_mm = <đường kính con dấu, milimét> vào [ky_so]"
                            .into(),
                        why_en: "the seal image records no resolution, so its real size is unknown; \
                                 add dau_mm = <the seal's diameter in millimetres> to [ky_so]"
                            .into(),
                    });
                }
            };
            serde_json::json!({ "anh": DAU, "rong": dw, "cao": dh })
        }
        _ => serde_json::Value::Null,
    };
    Ok(serde_json::json!({ "chu_ky": { "anh": CHU_KY, "rong": w, "cao": h }, "dau": dau }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w` × `h` RGBA PNG of one colour, with `dpi` recorded if given.
    fn png_bytes(w: u32, h: u32, rgba: [u8; 4], dpi: Option<u32>) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend(kind);
            out.extend(data);
            out.extend(crc32(&out[start..]).to_be_bytes());
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend(w.to_be_bytes());
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 6, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        if let Some(dpi) = dpi {
            let ppm = (f64::from(dpi) / 0.0254).round() as u32;
            let mut phys = Vec::new();
            phys.extend(ppm.to_be_bytes());
            phys.extend(ppm.to_be_bytes());
            phys.push(1);
            chunk(&mut out, b"pHYs", &phys);
        }
        // Uncompressed deflate blocks of the raw scanlines.
        // Each scanline: filter type 0, then the pixels.
        let row: Vec<u8> =
            std::iter::once(0).chain(rgba.iter().copied().cycle().take(4 * w as usize)).collect();
        let raw = row.repeat(h as usize);
        let mut z = vec![0x78, 0x01];
        let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
        for (i, b) in blocks.iter().enumerate() {
            z.push(u8::from(i + 1 == blocks.len()));
            z.extend((b.len() as u16).to_le_bytes());
            z.extend((!(b.len() as u16)).to_le_bytes());
            z.extend(*b);
        }
        z.extend(adler32(&raw).to_be_bytes());
        chunk(&mut out, b"IDAT", &z);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn adler32(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &d in data {
            a = (a + u32::from(d)) % 65_521;
            b = (b + a) % 65_521;
        }
        (b << 16) | a
    }

    #[test]
    fn png_keeps_its_header() {
        let p = png(png_bytes(300, 100, [0, 0, 200, 255], Some(300))).unwrap();
        assert_eq!((p.header.width_px, p.header.height_px), (300, 100));
        assert!(p.header.real_size_mm().is_some());
    }

    #[test]
    fn what_is_not_a_transparent_png_is_refused() {
        assert!(png(b"GIF89a".to_vec()).is_err());
        let mut opaque = png_bytes(2, 2, [0, 0, 0, 255], None);
        opaque[8 + 8 + 9] = 2; // colour type 2: RGB, no alpha
        assert_eq!(png(opaque).unwrap_err().0, "ảnh phải có nền trong suốt (PNG có kênh alpha)");
        let cut = png_bytes(2, 2, [0; 4], None)[..20].to_vec();
        assert!(png(cut).is_err());
    }
}
