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
//! directory. Not yet: electronic copies (Mẫu 3.2) and the parts an electronic document
//! issues as files of their own; those give [`LoiDocx::ChuaHoTro`].
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

/// Writes `vb` as a DOCX package. A document that names images (`[ky_so]`) needs the
/// directory they are read from: write it with [`docx_in`].
///
/// # Errors
/// [`LoiDocx::ChuaHoTro`] for a form or component not laid out yet (nothing is dropped
/// silently); [`LoiDocx::CanThuMuc`] for a document that names images;
/// [`LoiDocx::Zip`] / [`LoiDocx::Io`] if the package cannot be written.
pub fn docx(vb: &VanBan) -> Result<Vec<u8>, LoiDocx> {
    viet(vb, None)
}

/// Writes `vb`, read from a file in `dir`, as a DOCX package: the images it names
/// (`[ky_so]`, paths relative to `dir`, never leaving it) are read from there and embedded
/// as `word/media/image1.png` (the signature) and `image2.png` (the seal), byte for byte.
///
/// # Errors
/// As [`docx`], and [`LoiDocx::Anh`] for an image that cannot be read or used (missing,
/// outside `dir`, not a transparent PNG, a seal of unknown size).
pub fn docx_in(vb: &VanBan, dir: &Path) -> Result<Vec<u8>, LoiDocx> {
    viet(vb, Some(dir))
}

fn viet(vb: &VanBan, dir: Option<&Path>) -> Result<Vec<u8>, LoiDocx> {
    tai_lieu::kiem_tra(vb)?;
    let anh = anh::doc(vb.ky_so.as_ref(), dir)?;
    let chan_trang_1 = trang::chan_trang_1(vb);
    let co_lien_he = chan_trang_1.is_some();
    let tieu_de = match vb.trich_yeu() {
        Some(t) => format!("{} {}", vb.loai().ten_loai(), t.0),
        None => vb.loai().ten_loai().to_owned(),
    };
    let dc = |tep, rid, chan, xml| goi::DauChan { tep, rid, chan, xml };
    let mut dau_chan = vec![
        dc("header1.xml", trang::RID_DAU_TRANG, false, trang::dau_trang()),
        dc("header2.xml", trang::RID_DAU_TRANG_1, false, trang::dau_trang_1(vb)),
    ];
    if let Some(f) = chan_trang_1 {
        dau_chan.push(dc("footer1.xml", trang::RID_CHAN_TRANG_1, true, f));
    }
    // The first pages of the parts on pages of their own: no band, no ô 13.
    if vb.kem_theo.is_some() || !vb.phu_luc.is_empty() {
        dau_chan.push(dc("header3.xml", trang::RID_DAU_TRANG_TRONG, false, trang::trong("hdr")));
        if co_lien_he {
            dau_chan.push(dc("footer2.xml", trang::RID_CHAN_TRANG_TRONG, true, trang::trong("ftr")));
        }
    }
    let phan = goi::CacPhan {
        document: tai_lieu::document_xml(vb, co_lien_he, anh.as_ref()),
        styles: kieu::styles_xml(vb.co_chu),
        dau_chan,
        tieu_de,
        tac_gia: vb.co_quan.ten.join(" "),
        ngay: vb.ngay.to_naive_date().map(|d| d.to_string()),
        media: anh.as_ref().map(anh::CacAnh::media).unwrap_or_default(),
    };
    goi::dong_goi(&phan)
}
