//! Page geometry, column widths and font sizes, the same numbers the PDF templates use
//! (`templates/the-thuc.typ`, the page margins of `vanban_core::le`), in the units OOXML wants:
//! twips (1/20 pt) for lengths, half-points for font sizes, eighths of a point for rules.

/// Twips in one millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// `mm` in twips, rounded.
pub(crate) fn mm(mm: f64) -> i64 {
    (mm * TWIPS_PER_MM).round() as i64
}

/// `mm` in points.
pub(crate) fn mm_pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// `pt` in twips, rounded.
pub(crate) fn pt(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// A4, 210 × 297 mm.
pub(crate) const TRANG_RONG_MM: f64 = 210.0;
/// A4 height.
pub(crate) const TRANG_CAO_MM: f64 = 297.0;

/// Margins in millimetres (Phụ lục I, Mục I), the same value `vanban-render` sets.
pub(crate) use vanban_core::le::LE_MM;

/// Distance from the top edge to the header paragraph holding the page number: its 14 pt
/// baseline then stands about 12 mm from the top edge (0.891 em of ascent under 7.6 mm), where
/// `vanban-render` sets the PDF's page numbers.
pub(crate) const DAU_TRANG_MM: f64 = 7.6;
/// Distance from the bottom edge to the footer (ô 13 on page 1).
pub(crate) const CHAN_TRANG_MM: f64 = 8.0;

/// The width of the text area, in twips.
pub(crate) fn rong_chu() -> i64 {
    mm(TRANG_RONG_MM - LE_MM.trai - LE_MM.phai)
}

/// The left column of the header (agency, Số, V/v): 35 % of the text width, as the PDF's
/// `cot-trai`; the right column (Quốc hiệu, date) takes the rest.
pub(crate) fn cot_trai() -> i64 {
    rong_chu() * 35 / 100
}

/// The left column of the signature block (Nơi nhận): 40 %, as the PDF's `cot-noi-nhan`.
pub(crate) fn cot_noi_nhan() -> i64 {
    rong_chu() * 40 / 100
}

/// First-line indent of body paragraphs: 1 cm.
pub(crate) fn thut_dau_dong() -> i64 {
    mm(10.0)
}

/// Space before a body paragraph: 6 pt, added to the single line pitch as a word processor
/// does (the decree's samples set 6 pt Spacing Before).
pub(crate) const GIAN_DOAN_PT: f64 = 6.0;

/// Room between the signer's title and name for the handwritten signature and the seal.
pub(crate) const CHO_KY_MM: f64 = 25.0;

/// Kính gửi starts this far from the left margin (the decree's sample: about 3.5 cm).
pub(crate) const LUI_KINH_GUI_MM: f64 = 35.0;

/// Gap between a text line and the rule drawn under it, so that it never reads as an
/// underline (the PDF's `cach-net`).
pub(crate) const CACH_NET_PT: f64 = 5.0;

/// Rule weight: 0.5 pt, in eighths of a point.
pub(crate) const NET: u32 = 4;

/// Font sizes in points (the Mục V table; the PDF's `co` dictionary).
pub(crate) mod co {
    /// Chủ quản and issuing body (ô 2).
    pub(crate) const CO_QUAN: f64 = 13.0;
    /// Số, ký hiệu (ô 3): fixed at 13.
    pub(crate) const SO: f64 = 13.0;
    /// A công văn's V/v line (ô 5b).
    pub(crate) const V_V: f64 = 12.0;
    /// Type name, trích yếu, Kính gửi, authority, căn cứ, body, signer: 14.
    pub(crate) const NOI_DUNG: f64 = 14.0;
    /// "Nơi nhận:" label.
    pub(crate) const NOI_NHAN_NHAN: f64 = 12.0;
    /// Recipient lines and ô 12.
    pub(crate) const NOI_NHAN: f64 = 11.0;
    /// Draft marker, circulation note, urgency stamps: 13.
    pub(crate) const KHUNG: f64 = 13.0;
    /// Ô 13, the agency's contacts.
    pub(crate) const LIEN_HE: f64 = 11.0;
    /// Body tables.
    pub(crate) const BANG: f64 = 13.0;
    /// Page numbers.
    pub(crate) const SO_TRANG: f64 = 14.0;
    /// The agency's signature as text (ô 14 of an electronic copy, a separate part's box).
    pub(crate) const KY_SO_TEP: f64 = 10.0;
}

/// `pt` in half-points (`w:sz`).
pub(crate) fn nua_diem(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(mm(10.0), 567);
        assert_eq!(pt(6.0), 120);
        assert_eq!(rong_chu(), 9354);
        assert_eq!(nua_diem(13.0), 26);
    }
}
