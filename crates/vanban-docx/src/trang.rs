//! The page: A4 portrait, the decree's margins, and what stands outside the text area. Page
//! numbers are a PAGE field centred in the header (14 pt, regular) on every page but the first
//! (`w:titlePg`: page 1 has a header of its own); page 1's header holds the draft marker and
//! the circulation note (ô 11) in the top band, and its footer the agency's contacts (ô 13)
//! under a rule across the text width.

use std::fmt::Write as _;

use vanban_core::VanBan;

use crate::bang::{Hang, Vien, bang};
use crate::kich_thuoc::{self as kt};
use crate::kieu;
use crate::xml::{Doan, KieuChu, Net, run};

/// The relationship ids of the parts a section refers to: the header of pages 2 on.
pub(crate) const RID_DAU_TRANG: &str = "rIdDauTrang";
/// Page 1's header.
pub(crate) const RID_DAU_TRANG_1: &str = "rIdDauTrang1";
/// Page 1's footer (ô 13).
pub(crate) const RID_CHAN_TRANG_1: &str = "rIdChanTrang1";
/// The empty header of an appendix's first page.
pub(crate) const RID_DAU_TRANG_TRONG: &str = "rIdDauTrangTrong";
/// The empty footer of an appendix's first page (ô 13 is on the document's page 1 only).
pub(crate) const RID_CHAN_TRANG_TRONG: &str = "rIdChanTrangTrong";

/// `w:hdr` or `w:ftr` around `body`.
pub(crate) fn phan(tag: &str, body: &str) -> String {
    format!("{}<w:{tag} xmlns:w=\"{}\">{body}</w:{tag}>", crate::goi::XML_DAU, crate::goi::NS_W)
}

/// The header of pages 2 on: the page number as a field, centred.
pub(crate) fn dau_trang() -> String {
    let field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
                 <w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    phan("hdr", &Doan::new(kieu::SO_TRANG).voi(field))
}

/// Page 1's header: no page number; the draft marker and ô 11, boxed, bold, in the top band
/// (ô 11 over the Quốc hiệu, the draft marker over the agency when both are there, else over
/// the Quốc hiệu). An electronic copy's has its signature text (ô 14) there instead, beside ô 11.
pub(crate) fn dau_trang_1(vb: &VanBan) -> String {
    if let Some(ban_sao) = crate::chu_ky_so::dau_trang_ban_sao(vb) {
        return phan("hdr", &ban_sao);
    }
    let du_thao = vb.du_thao.map(|d| d.chu());
    let pham_vi = vb.pham_vi_luu_hanh.as_deref().map(vanban_core::in_hoa);
    let (trai, phai) = match (du_thao, pham_vi) {
        (None, None) => return phan("hdr", &Doan::new(kieu::CACH).chu("", KieuChu::default())),
        (Some(d), None) => (None, Some(d)),
        (d, p) => (d, p),
    };
    let o = |s: Option<String>| match s {
        Some(s) => Doan::new(kieu::KHUNG).voi(&run(&s, KieuChu { khung: true, ..KieuChu::default() })),
        None => Doan::new(kieu::CACH).chu("", KieuChu::default()),
    };
    let cot = [kt::cot_trai(), kt::rong_chu() - kt::cot_trai()];
    let t = bang(&cot, Vien::Khong, 0, &[Hang { o: vec![o(trai), o(phai)], ..Hang::default() }]);
    // A header, like a cell, must end with a paragraph.
    phan("hdr", &(t + &Doan::new(kieu::CACH).chu("", KieuChu::default())))
}

/// Page 1's footer: ô 13 under a rule across the text width; `None` without contacts.
pub(crate) fn chan_trang_1(vb: &VanBan) -> Option<String> {
    let lines = vb.co_quan.lien_he.cac_phan();
    if lines.is_empty() {
        return None;
    }
    let body: String = lines
        .iter()
        .enumerate()
        .map(|(i, parts)| {
            let d = Doan { net: (i == 0).then_some(Net::Tren), ..Doan::new(kieu::LIEN_HE) };
            d.chu(&parts.join("; "), KieuChu::default())
        })
        .collect();
    Some(phan("ftr", &body))
}

/// A section of the document: the document itself, or an appendix (or the document a
/// decision issues) on pages of its own, numbered on its own from 1.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Muc {
    /// An appendix: its first page has empty header and footer, its numbers start at 1.
    pub(crate) rieng: bool,
    /// Landscape.
    pub(crate) ngang: bool,
    /// The document has ô 13 on its page 1.
    pub(crate) co_lien_he: bool,
}

/// The page's width and height in millimetres.
pub(crate) fn kho(ngang: bool) -> (f64, f64) {
    if ngang { (kt::TRANG_CAO_MM, kt::TRANG_RONG_MM) } else { (kt::TRANG_RONG_MM, kt::TRANG_CAO_MM) }
}

/// The width of the text area of a page, in twips.
pub(crate) fn rong_chu(ngang: bool) -> i64 {
    kt::mm(kho(ngang).0 - kt::LE_MM.trai - kt::LE_MM.phai)
}

/// The section's properties: the parts it refers to, A4 (landscape where asked), the
/// margins, a first page of its own, and numbers from 1 for an appendix.
pub(crate) fn sect_pr(m: Muc) -> String {
    let (dau_1, chan_1) = if m.rieng {
        (RID_DAU_TRANG_TRONG, m.co_lien_he.then_some(RID_CHAN_TRANG_TRONG))
    } else {
        (RID_DAU_TRANG_1, m.co_lien_he.then_some(RID_CHAN_TRANG_1))
    };
    let mut s = format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{RID_DAU_TRANG}\"/>\
         <w:headerReference w:type=\"first\" r:id=\"{dau_1}\"/>"
    );
    if let Some(c) = chan_1 {
        let _ = write!(s, "<w:footerReference w:type=\"first\" r:id=\"{c}\"/>");
    }
    let (w, h) = kho(m.ngang);
    let _ = write!(
        s,
        "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"{}/><w:pgMar w:top=\"{}\" w:right=\"{}\" \
         w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>{}\
         <w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>",
        kt::mm(w),
        kt::mm(h),
        if m.ngang { " w:orient=\"landscape\"" } else { "" },
        kt::mm(kt::LE_MM.tren),
        kt::mm(kt::LE_MM.phai),
        kt::mm(kt::LE_MM.duoi),
        kt::mm(kt::LE_MM.trai),
        kt::mm(kt::DAU_TRANG_MM),
        kt::mm(kt::CHAN_TRANG_MM),
        if m.rieng { "<w:pgNumType w:start=\"1\"/>" } else { "" },
    );
    s
}

/// An empty header or footer (`tag`: `hdr` or `ftr`).
pub(crate) fn trong(tag: &str) -> String {
    phan(tag, &Doan::new(kieu::CACH).chu("", KieuChu::default()))
}
