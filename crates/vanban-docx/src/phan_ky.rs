//! Ô 7 and 9b: the signature block beside Nơi nhận, a borderless two-column table (40 % |
//! 60 %, as in the PDF) kept whole on one page; a biên bản's two signatures (Mẫu 1.9) with
//! Nơi nhận under them, and a giấy nghỉ phép's confirmation block (Mẫu 1.10) under it.

use vanban_core::{BienBan, Mau, NguoiKy, NoiNhan, VanBan};

use crate::anh::{self, CacAnh};
use crate::bang::{Hang, Vien, bang};
use crate::do_rong::{Kieu, do_rong};
use crate::kich_thuoc::{self as kt, co};
use crate::kieu;
use crate::xml::{Doan, KieuChu};

/// Space above the signature block.
const TREN_PT: f64 = 12.0;

/// Ô 7a–7c: authority and title lines (capitals, bold), room for the signature and seal,
/// the name (bold), centred; `truoc`: space above the first line, in points; `hinh`: the
/// runs drawing the signature and seal images in the room, if any, and the space they need
/// under the name (twips).
fn chu_ky(chuc_danh: &[String], ho_ten: &str, truoc: f64, hinh: Option<(String, Option<i64>)>) -> String {
    let mut out = String::new();
    for (i, l) in chuc_danh.iter().enumerate() {
        let d = Doan { truoc: (i == 0).then(|| kt::pt(truoc)), ..Doan::new(kieu::CHUC_DANH) };
        out.push_str(&d.chu(l, KieuChu::default()));
    }
    let cho = Doan { cao_dung: Some(kt::mm(kt::CHO_KY_MM)), ..Doan::new(kieu::CACH) };
    let (hinh, sau) = match hinh {
        Some((h, sau)) => (cho.voi(&h), sau),
        None => (cho.chu("", KieuChu::default()), None),
    };
    out.push_str(&hinh);
    out.push_str(&Doan { sau, ..Doan::new(kieu::HO_TEN) }.chu(ho_ten, KieuChu::default()));
    out
}

/// Ô 9b: "Nơi nhận:" (12 pt bold italic) lowered so its baseline sits level with the first
/// title line (14 pt), then one 11 pt line per recipient, a wrapped line continuing under
/// its text rather than its dash, and ô 12 at the bottom right.
fn noi_nhan(lines: &[String], o_12: Option<String>, truoc: f64) -> String {
    // The ascent of Times New Roman is 0.891 em: the 12 pt label's baseline is that much of
    // the 2 pt difference higher than the 14 pt title's, from the same top.
    let ha = (co::NOI_DUNG - co::NOI_NHAN_NHAN) * 0.891;
    let nhan = Doan { truoc: Some(kt::pt(truoc + ha)), ..Doan::new(kieu::NOI_NHAN_NHAN) };
    let mut out = nhan.chu("Nơi nhận:", KieuChu::default());
    let treo = kt::pt(do_rong("- ", co::NOI_NHAN, Kieu::Thuong));
    for l in lines {
        out.push_str(
            &Doan { le: Some((treo, 0)), treo: Some(treo), ..Doan::new(kieu::NOI_NHAN) }
                .chu(l, KieuChu::default()),
        );
    }
    if let Some(o) = o_12 {
        out.push_str(&Doan::new(kieu::O_12).chu(&o, KieuChu::default()));
    }
    out
}

/// An empty cell.
fn trong() -> String {
    Doan::new(kieu::CACH).chu("", KieuChu::default())
}

/// The signature block of one signer beside Nơi nhận (a paper copy's, Mẫu 3.1).
pub(crate) fn mot_nguoi_ky(ky: &NguoiKy, nhan: &NoiNhan) -> String {
    let trai = noi_nhan(&nhan.dong(), nhan.o_12(), TREN_PT);
    let hang =
        Hang { o: vec![trai, chu_ky(&ky.dong_chuc_danh(), &ky.ho_ten, TREN_PT, None)], ..Hang::default() };
    bang(&[kt::cot_noi_nhan(), kt::rong_chu() - kt::cot_noi_nhan()], Vien::Khong, 0, &[hang])
}

/// The signature block of `vb`, with what each form adds to it; `anh`: the images of an
/// electronic document, drawn in the signer's room (the chair's in a biên bản).
pub(crate) fn phan_ky(vb: &VanBan, anh: Option<&CacAnh>) -> String {
    let ky = &vb.nguoi_ky;
    let cot = [kt::cot_noi_nhan(), kt::rong_chu() - kt::cot_noi_nhan()];
    let hinh = anh.map(|a| anh::cac_hinh(a, cot[1]));
    let dong_nhan = vb.noi_nhan.dong();
    let mut hang = Vec::new();
    if let Mau::BienBan(b) = &vb.mau {
        // Mẫu 1.9: THƯ KÝ left, CHỦ TỌA (the signer) right, titles level; Nơi nhận under both.
        let thu_ky = chu_ky(&[BienBan::THU_KY.to_owned()], &b.ho_ten_thu_ky, TREN_PT, None);
        hang.push(Hang {
            o: vec![thu_ky, chu_ky(&ky.dong_chuc_danh(), &ky.ho_ten, TREN_PT, hinh)],
            ..Hang::default()
        });
        hang.push(Hang {
            o: vec![noi_nhan(&dong_nhan, vb.noi_nhan.o_12(), 12.0), trong()],
            ..Hang::default()
        });
    } else {
        let trai = noi_nhan(&dong_nhan, vb.noi_nhan.o_12(), TREN_PT);
        hang.push(Hang {
            o: vec![trai, chu_ky(&ky.dong_chuc_danh(), &ky.ho_ten, TREN_PT, hinh)],
            ..Hang::default()
        });
    }
    if let Mau::GiayNghiPhep(g) = &vb.mau
        && let Some(x) = &g.xac_nhan
    {
        // Mẫu 1.10: the confirmation in the left column, 18 pt under the signature: its
        // heading in bold, then room to sign and seal.
        let d = Doan { truoc: Some(kt::pt(18.0)), ..Doan::new(kieu::CHUC_DANH) };
        let o = d.chu(&x.dong(), KieuChu::default())
            + &Doan { cao_dung: Some(kt::mm(kt::CHO_KY_MM)), ..Doan::new(kieu::CACH) }
                .chu("", KieuChu::default());
        hang.push(Hang { o: vec![o, trong()], ..Hang::default() });
    }
    bang(&cot, Vien::Khong, 0, &hang)
}
