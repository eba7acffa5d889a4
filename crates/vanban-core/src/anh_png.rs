//! The PNG files a document's images ([`Anh`]) name, as every output reads them: the file
//! read from the document's own directory and nowhere else, what its header says, and the
//! size it is printed at.
//!
//! A path must be relative and stay inside the directory ([`Anh::new`] refuses `/…` and
//! `..`); here the file's real path, after symbolic links, must still be inside the
//! directory's real path.

use std::fmt;
use std::path::Path;

use crate::Anh;

/// The largest image read, in bytes.
pub const MAX_BYTES: u64 = 8 << 20;

/// The box the signature image is fitted into, in millimetres: the width of the signature
/// column's text, and the room between the title and the name less a margin.
pub const CHU_KY_MM: (f64, f64) = (55.0, 20.0);

/// Why an image cannot be used.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoiAnh {
    /// The file (or the directory) cannot be read.
    Io(std::io::Error),
    /// No file at the path.
    KhongThay,
    /// The file is a link leading outside the document's directory.
    RaNgoai,
    /// The path names something other than a file.
    KhongPhaiTep,
    /// The file is larger than [`MAX_BYTES`].
    QuaLon,
    /// The file is not a PNG.
    KhongPhaiPng,
    /// The PNG is cut short or malformed.
    Hong,
    /// The PNG has no transparency.
    KhongTrongSuot,
}

impl LoiAnh {
    /// The reason, in Vietnamese.
    #[must_use]
    pub fn vi(&self) -> String {
        match self {
            LoiAnh::Io(e) => format!("không đọc được tệp ảnh ({})", crate::ly_do_io(e).0),
            LoiAnh::KhongThay => "không tìm thấy tệp ảnh (đường dẫn tính từ thư mục chứa tệp văn bản)".into(),
            LoiAnh::RaNgoai => "tệp ảnh là liên kết dẫn ra ngoài thư mục chứa tệp văn bản".into(),
            LoiAnh::KhongPhaiTep => "không phải một tệp".into(),
            LoiAnh::QuaLon => format!("tệp ảnh lớn hơn {} MB", MAX_BYTES >> 20),
            LoiAnh::KhongPhaiPng => "không phải ảnh PNG".into(),
            LoiAnh::Hong => "ảnh PNG bị hỏng (bị cắt cụt hoặc sai cấu trúc)".into(),
            LoiAnh::KhongTrongSuot => "ảnh phải có nền trong suốt (PNG có kênh alpha)".into(),
        }
    }

    /// The reason, in English; an I/O error in the words of [`ly_do_io`](crate::ly_do_io).
    #[must_use]
    pub fn en(&self) -> String {
        match self {
            LoiAnh::Io(e) => format!("the image file cannot be read ({})", crate::ly_do_io(e).1),
            _ => self.to_string(),
        }
    }
}

/// The reason in English; an I/O error in the operating system's own words.
impl fmt::Display for LoiAnh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoiAnh::Io(e) => write!(f, "the image file cannot be read ({e})"),
            LoiAnh::KhongThay => {
                f.write_str("no such image file (the path is taken from the directory of the document file)")
            }
            LoiAnh::RaNgoai => {
                f.write_str("the image file is a link leading outside the directory of the document file")
            }
            LoiAnh::KhongPhaiTep => f.write_str("not a file"),
            LoiAnh::QuaLon => write!(f, "the image file is larger than {} MB", MAX_BYTES >> 20),
            LoiAnh::KhongPhaiPng => f.write_str("not a PNG image"),
            LoiAnh::Hong => f.write_str("the PNG is damaged (cut short or malformed)"),
            LoiAnh::KhongTrongSuot => {
                f.write_str("the image must have a transparent background (a PNG with an alpha channel)")
            }
        }
    }
}

impl std::error::Error for LoiAnh {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoiAnh::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// Reads the file `anh` names inside `dir`, the directory of the document file: it must
/// exist, stay inside `dir` after symbolic links, be a file, and hold at most [`MAX_BYTES`].
///
/// # Errors
/// [`LoiAnh::KhongThay`], [`LoiAnh::RaNgoai`], [`LoiAnh::KhongPhaiTep`], [`LoiAnh::QuaLon`],
/// or [`LoiAnh::Io`] when the file or the directory cannot be read.
pub fn doc_anh(anh: &Anh, dir: &Path) -> Result<Vec<u8>, LoiAnh> {
    let root = dir.canonicalize().map_err(LoiAnh::Io)?;
    let real = match root.join(anh.duong_dan()).canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(LoiAnh::KhongThay),
        Err(e) => return Err(LoiAnh::Io(e)),
    };
    if !real.starts_with(&root) {
        return Err(LoiAnh::RaNgoai);
    }
    let meta = std::fs::metadata(&real).map_err(LoiAnh::Io)?;
    if !meta.is_file() {
        return Err(LoiAnh::KhongPhaiTep);
    }
    if meta.len() > MAX_BYTES {
        return Err(LoiAnh::QuaLon);
    }
    std::fs::read(&real).map_err(LoiAnh::Io)
}

/// What a PNG's header says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Png {
    /// Width, in pixels (more than 0).
    pub width_px: u32,
    /// Height, in pixels (more than 0).
    pub height_px: u32,
    /// Pixels per metre, from the `pHYs` record, when it gives one.
    pub px_per_m: Option<f64>,
    /// Bits per sample, from the `IHDR` record.
    pub bit_depth: u8,
    /// Whether the image has transparency: an alpha channel (colour type 4 or 6) or a
    /// `tRNS` record.
    pub transparent: bool,
}

impl Png {
    /// Reads a PNG's header: signature, size, bit depth, transparency, resolution. The
    /// image data is not decoded.
    ///
    /// # Errors
    /// [`LoiAnh::KhongPhaiPng`] without the PNG signature; [`LoiAnh::Hong`] when a record is
    /// cut short or there is no header with a size.
    pub fn doc(bytes: &[u8]) -> Result<Png, LoiAnh> {
        const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
        if !bytes.starts_with(SIGNATURE) {
            return Err(LoiAnh::KhongPhaiPng);
        }
        let mut at = SIGNATURE.len();
        let (mut header, mut transparent, mut px_per_m, mut bit_depth) = (None, false, None, 8);
        while let Some(len_bytes) = bytes.get(at..at + 4) {
            let len = u32::from_be_bytes(len_bytes.try_into().unwrap_or_default()) as usize;
            let kind = bytes.get(at + 4..at + 8).ok_or(LoiAnh::Hong)?;
            let data = bytes.get(at + 8..(at + 8).saturating_add(len)).ok_or(LoiAnh::Hong)?;
            match kind {
                b"IHDR" if data.len() >= 13 => {
                    let w = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                    let h = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
                    // Colour types 4 and 6 carry an alpha channel.
                    transparent |= matches!(data[9], 4 | 6);
                    bit_depth = data[8];
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
        let (width_px, height_px) = header.filter(|&(w, h)| w > 0 && h > 0).ok_or(LoiAnh::Hong)?;
        Ok(Png { width_px, height_px, px_per_m, bit_depth, transparent })
    }

    /// Checks that the image has transparency.
    ///
    /// # Errors
    /// [`LoiAnh::KhongTrongSuot`] when it has none.
    pub fn can_trong_suot(&self) -> Result<(), LoiAnh> {
        if self.transparent { Ok(()) } else { Err(LoiAnh::KhongTrongSuot) }
    }

    /// The size in millimetres at the image's own resolution, if it records one.
    #[must_use]
    pub fn real_size_mm(&self) -> Option<(f64, f64)> {
        let ppm = self.px_per_m?;
        Some((f64::from(self.width_px) / ppm * 1000.0, f64::from(self.height_px) / ppm * 1000.0))
    }

    /// The printed size in millimetres in a box `(bw, bh)`: the real size when known and it
    /// fits the box, else the largest size with the image's proportions that fits.
    #[must_use]
    pub fn fit(&self, (bw, bh): (f64, f64)) -> (f64, f64) {
        if let Some((w, h)) = self.real_size_mm()
            && w <= bw
            && h <= bh
        {
            return (w, h);
        }
        let (pw, ph) = (f64::from(self.width_px), f64::from(self.height_px));
        let scale = (bw / pw).min(bh / ph);
        (pw * scale, ph * scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header records of a `w` × `h` RGBA PNG, with `dpi` recorded if given (no image
    /// data: only the header is read here).
    fn header(w: u32, h: u32, dpi: Option<u32>) -> Vec<u8> {
        let ihdr = [&w.to_be_bytes()[..], &h.to_be_bytes(), &[8, 6, 0, 0, 0]].concat();
        let phys = dpi.map(|dpi| {
            let ppm = ((f64::from(dpi) / 0.0254).round() as u32).to_be_bytes();
            [&ppm[..], &ppm, &[1]].concat()
        });
        let records = [(&b"IHDR"[..], Some(ihdr)), (b"pHYs", phys), (b"IEND", Some(Vec::new()))];
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, data) in records.iter().filter_map(|(k, d)| Some((k, d.as_ref()?))) {
            // Length, kind, data, and a CRC that is not checked here.
            out.extend([&(data.len() as u32).to_be_bytes()[..], kind, data, &[0; 4]].concat());
        }
        out
    }

    #[test]
    fn png_header_size_and_resolution() {
        let p = Png::doc(&header(300, 100, Some(300))).unwrap();
        assert_eq!((p.width_px, p.height_px, p.bit_depth, p.transparent), (300, 100, 8, true));
        let (w, h) = p.real_size_mm().unwrap();
        assert!((w - 25.4).abs() < 0.01 && (h - 8.467).abs() < 0.01, "{w} {h}");
        assert_eq!(Png::doc(&header(3, 3, None)).unwrap().real_size_mm(), None);
    }

    #[test]
    fn header_size_and_fit() {
        let p = Png::doc(&header(600, 220, None)).unwrap();
        assert_eq!((p.width_px, p.height_px, p.px_per_m), (600, 220, None));
        // No resolution: fitted into 55 × 20 mm, proportions kept.
        let (w, h) = p.fit(CHU_KY_MM);
        assert!((w - 54.545).abs() < 0.01 && (h - 20.0).abs() < 1e-9, "{w} {h}");
        // A real size that fits is kept.
        let p = Png::doc(&header(300, 100, Some(300))).unwrap();
        let (w, h) = p.fit(CHU_KY_MM);
        assert!((w - 25.4).abs() < 0.01 && (h - 8.467).abs() < 0.01, "{w} {h}");
    }

    #[test]
    fn what_is_not_a_transparent_png_is_refused() {
        assert!(matches!(Png::doc(b"GIF89a"), Err(LoiAnh::KhongPhaiPng)));
        let mut opaque = header(2, 2, None);
        opaque[8 + 8 + 9] = 2; // colour type 2: RGB, no alpha
        let e = Png::doc(&opaque).unwrap().can_trong_suot().unwrap_err();
        assert_eq!(e.vi(), "ảnh phải có nền trong suốt (PNG có kênh alpha)");
        assert!(e.en().contains("transparent"));
        assert!(matches!(Png::doc(&header(2, 2, None)[..20]), Err(LoiAnh::Hong)));
        assert!(matches!(Png::doc(&header(0, 2, None)), Err(LoiAnh::Hong)));
    }

    #[test]
    fn files_are_read_only_inside_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let anh = |p: &str| Anh::new(p).unwrap();
        std::fs::write(dir.path().join("a.png"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("d.png")).unwrap();
        assert_eq!(doc_anh(&anh("a.png"), dir.path()).unwrap(), b"x");
        assert!(matches!(doc_anh(&anh("b.png"), dir.path()), Err(LoiAnh::KhongThay)));
        assert!(matches!(doc_anh(&anh("d.png"), dir.path()), Err(LoiAnh::KhongPhaiTep)));
        #[cfg(unix)]
        {
            let out = tempfile::tempdir().unwrap();
            std::fs::write(out.path().join("o.png"), b"y").unwrap();
            std::os::unix::fs::symlink(out.path().join("o.png"), dir.path().join("l.png")).unwrap();
            assert!(matches!(doc_anh(&anh("l.png"), dir.path()), Err(LoiAnh::RaNgoai)));
        }
        assert_eq!(LoiAnh::QuaLon.en(), "the image file is larger than 8 MB");
        assert_eq!(LoiAnh::QuaLon.vi(), "tệp ảnh lớn hơn 8 MB");
    }
}
