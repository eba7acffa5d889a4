//! The parts on pages of their own, each a section of its own numbered from 1 (no number on
//! its first page): the document a decision issues or approves (Mẫu 1.3, paper) and the
//! appendices (Mẫu 2.1), landscape where asked.

use vanban_core::{PhuLuc, VanBan, VanBanKemTheo};

use crate::bang::{Hang, Vien, bang};
use crate::do_rong::Kieu;
use crate::kich_thuoc::{self as kt, co};
use crate::xml::{Doan, KieuChu};
use crate::{kieu, noi_dung, phan_dau};

/// The italic line naming the document (`(Kèm theo Quyết định số … của …)`) over its rule
/// of 1/3–1/2, then 12 pt down to the body.
fn dong_kem_theo(vb: &VanBan, rong: i64) -> String {
    let mut out =
        phan_dau::dong_va_net(&[vb.dong_kem_theo()], kieu::KEM_THEO, co::NOI_DUNG, Kieu::Thuong, rong);
    out.push_str(&Doan { cao_dung: Some(kt::pt(6.0)), ..Doan::new(kieu::CACH) }.chu("", KieuChu::default()));
    out
}

/// The body of a part, across `rong` twips.
fn than(noi_dung: &vanban_core::NoiDung, rong: i64) -> String {
    let mut out = String::new();
    for k in &noi_dung.0 {
        let xml = noi_dung::khoi(k, false, rong);
        if out.ends_with("</w:tbl>") && xml.starts_with("<w:tbl>") {
            out.push_str(&Doan::new(kieu::CACH).chu("", KieuChu::default()));
        }
        out.push_str(&xml);
    }
    out
}

/// Mẫu 2.1: `Phụ lục` or `Phụ lục I` and the title (bold, the title in capitals), the line
/// naming the document, then the appendix's body; `i` of `n` appendices.
pub(crate) fn phu_luc(vb: &VanBan, p: &PhuLuc, i: usize, n: usize) -> String {
    let rong = crate::trang::rong_chu(p.ngang);
    let mut out = Doan::new(kieu::TEN_LOAI).chu(&PhuLuc::nhan(i, n), KieuChu::default());
    out.push_str(&Doan::new(kieu::TEN_LOAI).chu(&vanban_core::in_hoa(&p.ten), KieuChu::default()));
    out.push_str(&dong_kem_theo(vb, rong));
    out.push_str(&than(&p.noi_dung, rong));
    out
}

/// Mẫu 1.3: the header without Số or date (the agency with its rule, the Quốc hiệu and Tiêu
/// ngữ with theirs), the type name and trích yếu in bold, the line naming the decision, then
/// the document's body.
pub(crate) fn kem_theo(vb: &VanBan, k: &VanBanKemTheo) -> String {
    let cot = [kt::cot_trai(), kt::rong_chu() - kt::cot_trai()];
    let mut out = bang(
        &cot,
        Vien::Khong,
        0,
        &[Hang { o: vec![phan_dau::co_quan(vb), phan_dau::quoc_hieu(vb)], ..Hang::default() }],
    );
    let dau = Doan { truoc: Some(kt::pt(12.0)), ..Doan::new(kieu::TEN_LOAI) };
    out.push_str(&dau.chu(k.loai.ten_loai(), KieuChu::default()));
    out.push_str(&Doan::new(kieu::TRICH_YEU).chu(&k.trich_yeu.0, KieuChu::default()));
    out.push_str(&dong_kem_theo(vb, kt::rong_chu()));
    out.push_str(&than(&k.noi_dung, kt::rong_chu()));
    out
}
