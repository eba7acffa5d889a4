//! Mẫu 3.1: the block of a paper copy under the copied text (and its appendices), after a
//! rule across the text width: the copying agency and the copy's Số at the left, SAO Y /
//! SAO LỤC / TRÍCH SAO (capitals, bold) and the place and date at the right, then the signer
//! beside Nơi nhận, each part styled like the document's own.

use vanban_core::{DinhDangSao, VanBan};

use crate::bang::{Hang, Vien, bang};
use crate::kich_thuoc as kt;
use crate::xml::{Doan, KieuChu, Net};
use crate::{kieu, phan_dau, phan_ky};

/// The copy block; `None` without a paper copy.
pub(crate) fn ban_sao_giay(vb: &VanBan) -> Option<String> {
    let b = vb.ban_sao.as_ref()?;
    let DinhDangSao::Giay { so, dia_danh, ngay, nguoi_ky, noi_nhan, .. } = &b.dinh_dang else { return None };
    // The rule, 18 pt under the text, kept with the block.
    let net =
        Doan { giu_voi_sau: true, truoc: Some(kt::pt(18.0)), net: Some(Net::Duoi), ..Doan::new(kieu::CACH) };
    let mut out = net.chu("", KieuChu::default());
    let ten: Vec<String> = b.co_quan.iter().map(|l| vanban_core::in_hoa(l)).collect();
    let hinh_thuc = Doan { truoc: Some(kt::pt(6.0)), ..Doan::new(kieu::CHUC_DANH) }
        .chu(b.hinh_thuc.chu(), KieuChu::default());
    let co_quan =
        format!("<w:p>{}</w:p>", Doan { cao_dung: Some(kt::pt(6.0)), ..Doan::new(kieu::CACH) }.ppr())
            + &phan_dau::co_quan_dong(&[], &ten);
    let ky_hieu = b.ky_hieu().unwrap_or_default();
    let hang = [
        Hang { o: vec![co_quan, hinh_thuc], ..Hang::default() },
        phan_dau::hang_so_ngay(
            &phan_dau::so_ky_hieu(*so, &ky_hieu),
            Some(&phan_dau::dia_danh_ngay(dia_danh, ngay)),
        ),
    ];
    let cot = [kt::cot_trai(), kt::rong_chu() - kt::cot_trai()];
    out.push_str(&bang(&cot, Vien::Khong, 0, &hang));
    out.push_str(&Doan::new(kieu::CACH).chu("", KieuChu::default()));
    out.push_str(&phan_ky::mot_nguoi_ky(nguoi_ky, noi_nhan));
    Some(out)
}
