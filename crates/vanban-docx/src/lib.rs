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
//! pages of its own numbered from 1, landscape where asked; a paper copy's block (3.1). Not
//! yet: electronic copies (Mẫu 3.2), the images of an electronic document and the parts it issues as files of their own; those
//! give [`LoiDocx::ChuaHoTro`].
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

use vanban_core::VanBan;

pub use self::loi::LoiDocx;

/// The name a word processor lists the body's paragraph style by (justified, 1 cm first-line
/// indent, 6 pt before, single spacing, 14 pt): a paragraph a user adds in it keeps the layout.
pub const KIEU_NOI_DUNG: &str = "VB Noi dung";
/// A recipient line under "Nơi nhận:".
pub const KIEU_NOI_NHAN: &str = "VB Noi nhan";

/// Writes `vb` as a DOCX package.
///
/// # Errors
/// [`LoiDocx::ChuaHoTro`] for a form or component not laid out yet (nothing is dropped
/// silently); [`LoiDocx::Zip`] / [`LoiDocx::Io`] if the package cannot be written.
pub fn docx(vb: &VanBan) -> Result<Vec<u8>, LoiDocx> {
    tai_lieu::kiem_tra(vb)?;
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
        document: tai_lieu::document_xml(vb, co_lien_he),
        styles: kieu::styles_xml(vb.co_chu),
        dau_chan,
        tieu_de,
        tac_gia: vb.co_quan.ten.join(" "),
        ngay: vb.ngay.to_naive_date().map(|d| d.to_string()),
    };
    goi::dong_goi(&phan)
}
