//! Writes [`vanban_core::VanBan`] documents as editable DOCX (Office Open XML), laid out as
//! Nghị định 30/2020/NĐ-CP prescribes and as the PDF renderer (`vanban-render`) lays them out:
//! A4 with the decree's margins, Times New Roman, the two-column header in a borderless table
//! with its drawn rules, Số and the date on one row, the body in named paragraph styles
//! (justified, 1 cm first-line indent, 6 pt before, single spacing), tables whose header row
//! repeats, the signature block beside Nơi nhận, and page numbers centred at the top from
//! page 2.
//!
//! The words come from the same accessors of `vanban-core` the PDF renderer uses, so both
//! show the same text. Every paragraph names a style ("VB Noi dung", "VB Noi nhan", …), so a
//! user's edits keep the layout. Document text only ever reaches the package escaped: a field
//! holding `<w:p>` or `&` prints as itself. The same document always gives the same bytes
//! (no clock: the package's times are the document's date and the zip format's epoch).
//!
//! Forms: công văn (Mẫu 1.5), the typed documents of Mẫu 1.4 (tờ trình, kế hoạch, thông báo,
//! báo cáo …, and hợp đồng, thư công laid out the same way), nghị quyết and quyết định
//! (Mẫu 1.1, 1.2), công điện (1.6), giấy mời (1.7), giấy giới thiệu (1.8), biên bản (1.9) and
//! giấy nghỉ phép (1.10); the document a decision issues (1.3) and appendices (2.1), each on
//! pages of its own numbered from 1, landscape where asked; a paper copy's block (3.1); the
//! images of an electronic document (`[ky_so]`: the signature, and the seal over its left
//! third, sized and placed as in the PDF), read by [`docx_in`] from the document's
//! directory; an electronic copy's signature text at the top right of page 1 (Mẫu 3.2); and
//! the parts an electronic document issues as files of their own (Mẫu 1.3, 2.2), each a
//! DOCX of its own ([`cac_tep`]).
//!
//! ```no_run
//! use vanban_core::DangTep;
//!
//! let text = std::fs::read_to_string("examples/cong-van.toml")?;
//! let van_ban = vanban_core::parse(&text, DangTep::Toml)?;
//! std::fs::write("cong-van.docx", vanban_docx::docx(&van_ban)?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod anh;
mod ban_sao;
mod bang;
mod chu_ky_so;
mod do_rong;
mod goi;
mod kich_thuoc;
mod kieu;
mod loi;
mod noi_dung;
mod phan_dau;
mod phan_ky;
mod phu_luc;
mod rieng;
mod tai_lieu;
mod trang;
mod xml;

use std::path::Path;

use vanban_core::VanBan;

pub use self::loi::LoiDocx;

/// The name a word processor lists the body's paragraph style by (justified, 1 cm first-line
/// indent, 6 pt before, single spacing, 14 pt): a paragraph a user adds in it keeps the layout.
pub const KIEU_NOI_DUNG: &str = "VB Noi dung";
/// A recipient line under "Nơi nhận:".
pub const KIEU_NOI_NHAN: &str = "VB Noi nhan";

/// One file of a document's DOCX: the document itself, or a part it issues as a file of its
/// own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TepDocx {
    /// The name that tells a part's file apart (`phu-luc-II`, `kem-theo`: those of
    /// [`VanBan::tep_rieng`], as the PDF renderer names its files); `None` for the document.
    pub ten: Option<String>,
    /// The DOCX package.
    pub docx: Vec<u8>,
}

/// Writes `vb` as a DOCX package. A document that names images (`[ky_so]`) needs the
/// directory they are read from: write it with [`docx_in`]; one that issues parts as files
/// of their own is written with [`cac_tep`].
///
/// # Errors
/// [`LoiDocx::ChuaHoTro`] for a form not laid out yet (nothing is dropped silently);
/// [`LoiDocx::CanThuMuc`] for a document that names images; [`LoiDocx::CoTepRieng`] for
/// one that issues parts as files of their own; [`LoiDocx::Zip`] / [`LoiDocx::Io`] if the
/// package cannot be written.
pub fn docx(vb: &VanBan) -> Result<Vec<u8>, LoiDocx> {
    mot_tep(vb, None)
}

/// Writes `vb`, read from a file in `dir`, as a DOCX package: the images it names
/// (`[ky_so]`, paths relative to `dir`, never leaving it) are read from there and embedded
/// as `word/media/image1.png` (the signature) and `image2.png` (the seal), byte for byte.
///
/// # Errors
/// As [`docx`], and [`LoiDocx::Anh`] for an image that cannot be read or used (missing,
/// outside `dir`, not a transparent PNG, a seal of unknown size).
pub fn docx_in(vb: &VanBan, dir: &Path) -> Result<Vec<u8>, LoiDocx> {
    mot_tep(vb, Some(dir))
}

/// Writes `vb` as its DOCX files: the document first, then each part it issues as a file of
/// its own (Mẫu 1.3 and 2.2 electronic: `tep_rieng`), in the order of
/// [`VanBan::tep_rieng`], each a document numbered from 1 whose first page shows the agency's
/// signature text (the document's number, date and signing time) at the top right, as the
/// PDF's files do. `dir`: where the images the document names are read from, as for
/// [`docx_in`].
///
/// # Errors
/// As [`docx_in`], but never [`LoiDocx::CoTepRieng`].
pub fn cac_tep(vb: &VanBan, dir: Option<&Path>) -> Result<Vec<TepDocx>, LoiDocx> {
    tai_lieu::kiem_tra(vb)?;
    let mut out = vec![TepDocx { ten: None, docx: van_ban(vb, dir)? }];
    let phan = tai_lieu::cac_phan(vb).into_iter().filter(|p| p.tep_rieng());
    for (ten, phan) in vb.tep_rieng().into_iter().zip(phan) {
        out.push(TepDocx { ten: Some(ten), docx: tep_rieng(vb, phan)? });
    }
    Ok(out)
}

fn mot_tep(vb: &VanBan, dir: Option<&Path>) -> Result<Vec<u8>, LoiDocx> {
    tai_lieu::kiem_tra(vb)?;
    let cac_tep = vb.tep_rieng();
    if !cac_tep.is_empty() {
        return Err(LoiDocx::CoTepRieng { cac_tep });
    }
    van_ban(vb, dir)
}

/// The DOCX of the document itself.
fn van_ban(vb: &VanBan, dir: Option<&Path>) -> Result<Vec<u8>, LoiDocx> {
    let anh = anh::doc(vb.ky_so.as_ref(), dir)?;
    let chan_trang_1 = trang::chan_trang_1(vb);
    let co_lien_he = chan_trang_1.is_some();
    let tieu_de = match vb.trich_yeu() {
        Some(t) => format!("{} {}", vb.loai().ten_loai(), t.0),
        None => vb.loai().ten_loai().to_owned(),
    };
    let mut dau_chan = vec![
        goi::DauChan::dau_trang("header1.xml", trang::RID_DAU_TRANG, trang::dau_trang()),
        goi::DauChan::dau_trang("header2.xml", trang::RID_DAU_TRANG_1, trang::dau_trang_1(vb)),
    ];
    if let Some(f) = chan_trang_1 {
        dau_chan.push(goi::DauChan::chan_trang("footer1.xml", trang::RID_CHAN_TRANG_1, f));
    }
    // The first pages of the parts on pages of their own: no band, no ô 13.
    if tai_lieu::cac_phan(vb).iter().any(|p| !p.tep_rieng()) {
        dau_chan.push(goi::DauChan::dau_trang(
            "header3.xml",
            trang::RID_DAU_TRANG_TRONG,
            trang::trong("hdr"),
        ));
        if co_lien_he {
            let f = trang::trong("ftr");
            dau_chan.push(goi::DauChan::chan_trang("footer2.xml", trang::RID_CHAN_TRANG_TRONG, f));
        }
    }
    let document = tai_lieu::document_xml(vb, co_lien_he, anh.as_ref());
    let phan = goi::CacPhan {
        media: anh.as_ref().map(anh::CacAnh::media).unwrap_or_default(),
        ..goi::CacPhan::cua(vb, document, dau_chan, tieu_de)
    };
    goi::dong_goi(&phan)
}

/// The DOCX of a part issued as a file of its own.
fn tep_rieng(vb: &VanBan, phan: tai_lieu::Phan<'_>) -> Result<Vec<u8>, LoiDocx> {
    // The reader gives separate parts only to a numbered document with a signing time.
    let dau_1 =
        chu_ky_so::dau_trang_tep_rieng(vb).map_or_else(|| trang::trong("hdr"), |x| trang::phan("hdr", &x));
    let dau_chan = vec![
        goi::DauChan::dau_trang("header1.xml", trang::RID_DAU_TRANG, trang::dau_trang()),
        goi::DauChan::dau_trang("header2.xml", trang::RID_DAU_TRANG_1, dau_1),
    ];
    goi::dong_goi(&goi::CacPhan::cua(vb, tai_lieu::tep_rieng_xml(vb, phan), dau_chan, phan.tieu_de()))
}
