//! Ô 6, the body: paragraphs in "VB Noi dung" (justified, 1 cm first-line indent, 6 pt
//! before, single spacing, 14 pt), the author's numbered headings, Phần / Chương headings as
//! two centred bold lines, and ruled tables whose header row repeats on every page.

use vanban_core::{Bang, CanLe, CapTieuDe, Chu, DongChu, Khoi};

use crate::bang::{Hang, Vien, bang};
use crate::do_rong::{Kieu, do_rong};
use crate::kich_thuoc::{self as kt, co};
use crate::kieu;
use crate::xml::{Can, Doan, KieuChu, run};

/// The runs of a paragraph, each with its emphasis; a forced line break as `w:br`.
pub(crate) fn cac_run(d: &DongChu, them: KieuChu) -> String {
    d.0.iter()
        .map(|c| match c {
            Chu::Van { text, dam, nghieng } => {
                run(text, KieuChu { dam: *dam || them.dam, nghieng: *nghieng || them.nghieng, ..them })
            }
            Chu::XuongDong => "<w:r><w:br/></w:r>".to_owned(),
        })
        .collect()
}

/// One block of the body; `giu`: kept on one page with what follows (the last block sticks
/// to the signature block, so the signature never stands alone on a page); `rong`: the text
/// width in twips, which a table spans.
pub(crate) fn khoi(k: &Khoi, giu: bool, rong: i64) -> String {
    match k {
        Khoi::DoanVan(d) => {
            Doan { giu_voi_sau: giu, ..Doan::new(kieu::NOI_DUNG) }.voi(&cac_run(d, KieuChu::default()))
        }
        Khoi::TieuDe { cap: CapTieuDe::PhanChuong, noi_dung } => {
            let (nhan, ten) = vanban_core::phan_chuong(&noi_dung.plain()).unwrap_or_default();
            let dau = Doan { truoc: Some(kt::pt(12.0)), ..Doan::new(kieu::PHAN_CHUONG) };
            dau.chu(&nhan, KieuChu::default())
                + &Doan { truoc: Some(0), ..Doan::new(kieu::PHAN_CHUONG) }
                    .chu(&vanban_core::in_hoa(&ten), KieuChu::default())
        }
        Khoi::TieuDe { cap, noi_dung } => {
            let style = match cap {
                CapTieuDe::Muc | CapTieuDe::PhanChuong => kieu::TIEU_DE[0],
                CapTieuDe::Khoan => kieu::TIEU_DE[1],
                CapTieuDe::TieuKhoan => kieu::TIEU_DE[2],
                CapTieuDe::Diem => kieu::TIEU_DE[3],
            };
            Doan::new(style).voi(&cac_run(noi_dung, KieuChu::default()))
        }
        Khoi::Bang(b) => bang_noi_dung(b, rong),
    }
}

/// The columns' widths in twips across the text width: shared by their longest cell,
/// bounded to 2–40 characters, plus 3 for the cell's margins (as the PDF shares them); a
/// column is never narrower than its longest word and its margins (a word processor would
/// break that word inside, `T` / `T`), the others giving up the room in proportion.
fn do_rong_cot(b: &Bang, rong_chu: i64) -> Vec<i64> {
    let rows = || std::iter::once((&b.dau, Kieu::Dam)).chain(b.hang.iter().map(|r| (r, Kieu::Thuong)));
    let mut phan: Vec<f64> = Vec::new();
    let mut toi_thieu: Vec<f64> = Vec::new();
    for i in 0..b.dau.len() {
        let cells = || rows().filter_map(|(row, kieu)| row.get(i).map(|c| (c.plain(), kieu)));
        let longest = cells().map(|(c, _)| c.chars().count()).max().unwrap_or(0);
        phan.push(longest.clamp(2, 40) as f64 + 3.0);
        let word = cells()
            .flat_map(|(c, kieu)| {
                c.split_whitespace().map(|w| do_rong(w, co::BANG, kieu)).collect::<Vec<_>>()
            })
            .fold(0.0, f64::max);
        toi_thieu.push(kt::pt(word + 2.0 * LE_O_PT + 1.0) as f64);
    }
    let rong = rong_chu as f64;
    // Columns held at their minimum; the rest share what is left by their parts.
    let mut giu = vec![false; phan.len()];
    let mut out = vec![0.0; phan.len()];
    loop {
        let con_lai = rong - (0..phan.len()).filter(|&i| giu[i]).map(|i| toi_thieu[i]).sum::<f64>();
        let tong: f64 = (0..phan.len()).filter(|&i| !giu[i]).map(|i| phan[i]).sum::<f64>().max(1.0);
        let mut doi = false;
        for i in 0..phan.len() {
            out[i] = if giu[i] { toi_thieu[i] } else { con_lai * phan[i] / tong };
            if !giu[i] && out[i] < toi_thieu[i] {
                giu[i] = true;
                doi = true;
            }
        }
        if !doi || giu.iter().all(|g| *g) {
            break;
        }
    }
    let mut out: Vec<i64> = out.iter().map(|w| w.floor() as i64).collect();
    // The rounding remainder goes to the last column, so the table spans the text width.
    let du = rong_chu - out.iter().sum::<i64>();
    if let Some(last) = out.last_mut() {
        *last += du;
    }
    out
}

/// The cells' left and right margins, in points.
const LE_O_PT: f64 = 4.0;

/// A body table: across the text width, ruled in thin lines, 13 pt, the header row bold and
/// centred and repeated on every page, rows never split, cells aligned as their column asks,
/// 4 pt inside each cell.
fn bang_noi_dung(b: &Bang, rong: i64) -> String {
    let o = |d: &DongChu, can: Can, dam: bool| {
        let p = Doan {
            truoc: Some(kt::pt(4.0)),
            sau: Some(kt::pt(4.0)),
            can: Some(can),
            ..Doan::new(kieu::O_BANG)
        };
        p.voi(&cac_run(d, KieuChu { dam, ..KieuChu::default() }))
    };
    let can = |i: usize| match b.can_le.get(i) {
        Some(CanLe::Giua) => Can::Giua,
        Some(CanLe::Phai) => Can::Phai,
        _ => Can::Trai,
    };
    let mut hang = vec![Hang {
        o: b.dau.iter().map(|d| o(d, Can::Giua, true)).collect(),
        lap_lai: true,
        giua_doc: true,
        ..Hang::default()
    }];
    for row in &b.hang {
        let trong = DongChu::default();
        let cells = (0..b.dau.len()).map(|i| o(row.get(i).unwrap_or(&trong), can(i), false)).collect();
        hang.push(Hang { o: cells, giua_doc: true, ..Hang::default() });
    }
    bang(&do_rong_cot(b, rong), Vien::Don, kt::pt(LE_O_PT), &hang)
}
