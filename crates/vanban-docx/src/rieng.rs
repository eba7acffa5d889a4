//! What only one form prints between its heading and its body: a quyết định's authority,
//! căn cứ and `QUYẾT ĐỊNH:` (Mẫu 1.1, 1.2), a công điện's sender and the bodies telegraphed
//! (Mẫu 1.6), the opening paragraphs of a giấy mời, giấy giới thiệu, biên bản or giấy nghỉ
//! phép (Mẫu 1.7–1.10); and the closing line some of them add after the body.

use vanban_core::{Mau, VanBan};

use crate::kich_thuoc as kt;
use crate::kieu;
use crate::xml::{Doan, KieuChu, run};

/// The part before the body, and whether the body then starts 6 pt further down than one
/// paragraph stands under another (under a heading, Kính gửi or `QUYẾT ĐỊNH:`; not after
/// opening paragraphs, which the body simply continues).
pub(crate) fn truoc_noi_dung(vb: &VanBan) -> (String, bool) {
    let co_quan = vb.co_quan.ten.join(" ");
    let doan = |lines: &[String]| -> String {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                // The first opening paragraph stands 6 pt further down, as the PDF's v(6pt).
                let truoc = (i == 0).then(|| kt::pt(12.0));
                Doan { truoc, ..Doan::new(kieu::NOI_DUNG) }.chu(l, KieuChu::default())
            })
            .collect()
    };
    match &vb.mau {
        Mau::QuyetDinh(q) => {
            let mut out = String::new();
            let n = q.tham_quyen.len();
            for (i, l) in q.tham_quyen.iter().enumerate() {
                let d = Doan {
                    truoc: (i == 0).then(|| kt::pt(12.0)),
                    sau: (i + 1 == n).then(|| kt::pt(12.0)),
                    ..Doan::new(kieu::THAM_QUYEN)
                };
                out.push_str(&d.chu(&vanban_core::in_hoa(l), KieuChu::default()));
            }
            for l in q.can_cu.cac_dong() {
                out.push_str(&Doan::new(kieu::CAN_CU).chu(&l, KieuChu::default()));
            }
            let lenh = Doan { truoc: Some(kt::pt(12.0)), ..Doan::new(kieu::THAM_QUYEN) };
            out.push_str(&lenh.chu(q.lenh(), KieuChu::default()));
            (out, true)
        }
        Mau::CongDien(c) => {
            // The sender in bold capitals, " điện:" regular, centred.
            let runs =
                run(&vanban_core::in_hoa(&c.tham_quyen), KieuChu::DAM) + &run(" điện:", KieuChu::default());
            let mut out = Doan { truoc: Some(kt::pt(12.0)), ..Doan::new(kieu::DIEN) }.voi(&runs);
            for l in c.cac_dong_dien() {
                out.push_str(&Doan::new(kieu::NOI_DUNG).chu(&l, KieuChu::default()));
            }
            (out, false)
        }
        Mau::GiayMoi(g) => (doan(&g.cac_doan(&co_quan)), false),
        Mau::GiayGioiThieu(g) => (doan(&g.cac_doan(&co_quan)), false),
        Mau::GiayNghiPhep(g) => (doan(&g.cac_doan(&co_quan)), false),
        Mau::BienBan(b) => (doan(&b.cac_doan()), false),
        _ => (String::new(), true),
    }
}

/// The one-line paragraph that closes the body of a giấy giới thiệu (its validity) or a
/// biên bản (its closing time).
pub(crate) fn dong_cuoi(vb: &VanBan) -> Option<String> {
    match &vb.mau {
        Mau::GiayGioiThieu(g) => Some(g.dong_hieu_luc()),
        Mau::BienBan(b) => Some(b.dong_ket_thuc()),
        _ => None,
    }
}
