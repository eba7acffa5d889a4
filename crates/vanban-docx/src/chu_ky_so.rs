//! The agency's digital signature shown as text in a box at the top right of page 1: ô 14 of
//! an electronic copy (Mẫu 3.2: the form of copy, the copying agency, the signing time) and
//! the box on the first page of a part issued as a file of its own (Mẫu 1.3, 2.2: the
//! document's number, its date and the signing time).
//!
//! Laid out as the PDF lays it out (`templates/the-thuc.typ`, `ky-so-tep` and
//! `pham-vi-va-ky-so`): 10 pt, left-aligned, in a thin box 77 mm wide whose top stands 16 mm
//! over the text area and whose right edge is the text's. The box is a frame anchored to the
//! page from page 1's header, in the top margin, so it takes nothing from the text area.
//! Beside it the circulation note (ô 11) keeps its place over the Quốc hiệu; the copy's parts then run on,
//! joined by "; ", in the narrowest box that holds them in three lines, and ô 11 moves left
//! just clear of it when they would touch.

use vanban_core::VanBan;

use crate::do_rong::{Kieu, do_rong, ngat_dong};
use crate::kich_thuoc::{self as kt, co};
use crate::kieu;
use crate::xml::{Can, Doan, KieuChu, run};

/// The box's width, as the PDF's.
const RONG_MM: f64 = 77.0;
/// Its top over the text area (the PDF's `dy: -16mm`).
const TREN_CHU_MM: f64 = 16.0;
/// The room between the box and its text, left and right (the PDF's `le-ky-so`), and
/// above and below (the PDF's 3 pt less the extra pitch of a word processor's lines).
const LE_X_PT: f64 = 4.0;
const LE_Y_PT: f64 = 2.0;
/// The least height of a separate part's box.
const CAO_TEP_RIENG_MM: f64 = 9.0;
/// The gap left between ô 11 and the box.
const CACH_MM: f64 = 2.0;
/// The most lines the copy's signature takes beside ô 11.
const DONG_TOI_DA: usize = 3;
/// The pitch of its lines, exact: single spacing of 10 pt Times New Roman (1.15 em). With
/// three lines the box then ends some 2 mm inside the 20 mm top margin, as the PDF's box
/// does (a frame reaching into the text area would push the heading's table aside).
pub(crate) const DONG_PT: f64 = 11.5;

/// A paragraph holding `lines` in the box, `rong` points wide, at least `cao` points high,
/// the text centred in its height: a frame (`w:framePr`) anchored to the page, its top
/// [`TREN_CHU_MM`] over the text area and its right edge on the right margin, its border
/// the paragraph's. It stands in the top margin, taking nothing from the body's text; a
/// header paragraph beside it (ô 11) flows round it.
fn hop(lines: &[String], rong: f64, cao: f64) -> String {
    let n = lines.len() as f64;
    let dem = ((cao - n * DONG_PT) / 2.0).max(LE_Y_PT);
    let net = |side: &str, space: f64| {
        format!(
            "<w:{side} w:val=\"single\" w:sz=\"{}\" w:space=\"{}\" w:color=\"000000\"/>",
            kt::NET,
            space.round()
        )
    };
    let ppr = format!(
        "<w:pPr><w:pStyle w:val=\"{}\"/><w:framePr w:w=\"{}\" w:hSpace=\"0\" w:wrap=\"around\" \
         w:vAnchor=\"page\" w:hAnchor=\"margin\" w:xAlign=\"right\" w:y=\"{}\"/><w:pBdr>{}{}{}{}</w:pBdr></w:pPr>",
        kieu::KY_SO_TEP,
        kt::pt(rong),
        kt::mm(kt::LE_MM.tren - TREN_CHU_MM),
        net("top", dem),
        net("left", LE_X_PT),
        net("bottom", dem),
        net("right", LE_X_PT),
    );
    format!("<w:p>{ppr}{}</w:p>", run(&lines.join("\n"), KieuChu::default()))
}

/// Page 1's header of an electronic copy: ô 14 at the top right and ô 11 beside it where the
/// document has one; `None` for a document that is not an electronic copy.
pub(crate) fn dau_trang_ban_sao(vb: &VanBan) -> Option<String> {
    let dong = vb.ban_sao.as_ref()?.dong_ky_so()?;
    let Some(pham_vi) = vb.pham_vi_luu_hanh.as_deref().map(vanban_core::in_hoa) else {
        return Some(hop(&dong, kt::mm_pt(RONG_MM), 0.0) + &trong());
    };
    let (lines, rong) = hep_nhat(&dong.join("; "));
    // Ô 11 centred over the Quốc hiệu, or left of the box, `CACH_MM` clear of it.
    let w11 = kt::pt(do_rong(&pham_vi, co::KHUNG, Kieu::Dam) + 2.0 * (2.0 + 0.5));
    let rong_twip = kt::pt(rong);
    let phai = kt::rong_chu() - kt::cot_trai();
    let x11 = (kt::cot_trai() + (phai - w11) / 2).min(kt::rong_chu() - rong_twip - kt::mm(CACH_MM) - w11);
    // The run's box stands 2.5 pt out from its text.
    let o11 =
        Doan { le: Some((x11.max(0) + kt::pt(2.5), 0)), can: Some(Can::Trai), ..Doan::new(kieu::KHUNG) }
            .voi(&run(&pham_vi, KieuChu { khung: true, ..KieuChu::default() }));
    Some(hop(&lines, rong, 0.0) + &o11)
}

/// `chu` broken into at most [`DONG_TOI_DA`] lines in the narrowest box that holds it so
/// (the box's width in points), or into lines of the full box where nothing narrower does.
fn hep_nhat(chu: &str) -> (Vec<String>, f64) {
    let ngat = |w: f64| ngat_dong(chu, w, co::KY_SO_TEP, Kieu::Thuong);
    let widest = chu.split(' ').map(|w| do_rong(w, co::KY_SO_TEP, Kieu::Thuong)).fold(0.0, f64::max);
    let mut hi = kt::mm_pt(RONG_MM) - 2.0 * LE_X_PT;
    let mut lo = widest.min(hi);
    if ngat(hi).len() <= DONG_TOI_DA {
        for _ in 0..14 {
            let mid = (lo + hi) / 2.0;
            if ngat(mid).len() <= DONG_TOI_DA {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }
    // A hair over the measured width and the borders, so that the word processor breaks
    // where measured.
    (ngat(hi), hi + 2.0 * LE_X_PT + 2.0)
}

/// Page 1's header of a part issued as a file of its own: the document's number, date and
/// signing time in the box; `None` for a document without a number or signing time (the
/// reader refuses separate parts for those).
pub(crate) fn dau_trang_tep_rieng(vb: &VanBan) -> Option<String> {
    let dong = vb.dong_tep_rieng()?;
    Some(hop(&[dong], kt::mm_pt(RONG_MM), kt::mm_pt(CAO_TEP_RIENG_MM)) + &trong())
}

/// The empty paragraph a header ends with after the box (the box's paragraph is a frame,
/// not part of the header's flow).
fn trong() -> String {
    Doan::new(kieu::CACH).chu("", KieuChu::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowest_box_keeps_three_lines() {
        let chu = "Trích sao; Văn phòng HĐND và UBND xã Phong Thổ; 2026-03-09T09:15:40+07:00";
        let (lines, rong) = hep_nhat(chu);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(rong < kt::mm_pt(RONG_MM), "{rong}");
        // One point narrower takes a fourth line.
        let w = rong - 2.0 * LE_X_PT - 2.0 - 1.0;
        assert!(ngat_dong(chu, w, co::KY_SO_TEP, Kieu::Thuong).len() > 3);
        // A text that needs more than three lines at the full width keeps the full width.
        let (lines, rong) = hep_nhat(&"Văn phòng Ủy ban nhân dân ".repeat(8));
        assert!(lines.len() > 3);
        assert!((rong - (kt::mm_pt(RONG_MM) + 2.0)).abs() < 1e-9, "{rong}");
    }
}
