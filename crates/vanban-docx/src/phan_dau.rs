//! The heading of page 1: ô 1–4 (and ô 5b, a công văn's V/v) in a borderless two-column
//! table, ô 5a (type name and trích yếu) centred under it, the stamps of ô 10a–10b, and
//! Kính gửi (ô 9a).
//!
//! The decree's rules under the issuing body, the Tiêu ngữ and the trích yếu are drawn as
//! the bottom border of an empty paragraph ("VB Net", one 5 pt line, so the rule stands 5 pt
//! under the text and never reads as an underline) whose left and right indents centre a
//! border of the wanted length: the Tiêu ngữ's full width, and 1/3–1/2 of the line above
//! for the issuing body and the trích yếu. A word processor cannot measure text for a
//! border, so the lengths come from the font's advance widths ([`crate::do_rong`]), the
//! same lengths the PDF templates measure.

use vanban_core::{Mau, VanBan};

use crate::bang::{Hang, Vien, bang};
use crate::do_rong::{Kieu, do_rong, net_mot_phan, ngat_dong};
use crate::kich_thuoc::{self as kt, co};
use crate::kieu;
use crate::xml::{Doan, KieuChu, Net};

/// The Tiêu ngữ, as the decree writes it.
const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";
/// The Quốc hiệu.
const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

/// A paragraph carrying a centred rule `dai` points long across `rong` twips.
pub(crate) fn net_giua(dai: f64, rong: i64) -> String {
    let dai = kt::pt(dai).clamp(0, rong);
    let le = (rong - dai) / 2;
    Doan { le: Some((le, rong - dai - le)), net: Some(Net::Duoi), ..Doan::new(kieu::NET) }
        .chu("", KieuChu::default())
}

/// Centred lines of a heading block over a rule of 1/3–1/2 of them, across `rong` twips in
/// `style` at `co` points, measured in `kieu` (an italic line is measured upright: Times New
/// Roman's italic is a few per cent narrower, well inside the 1/3–1/2 range).
///
/// A line that first fit would break with a last line too short for the rule to be 1/3–1/2
/// of it and of the longest line alike is broken as offices break such a heading by hand,
/// into as many lines as even as they can be (the PDF templates' `dong-in`): its paragraph is
/// narrowed, by equal left and right indents, to the narrowest measure that still takes that
/// many lines, so the word processor breaks it there too.
pub(crate) fn dong_va_net(lines: &[String], style: &'static str, co: f64, kieu: Kieu, rong: i64) -> String {
    let rong_pt = rong as f64 / 20.0;
    let mut out = String::new();
    let mut printed = Vec::new();
    for l in lines {
        let do_do = do_ngat(l, rong_pt, co, kieu);
        let le = kt::pt((rong_pt - do_do) / 2.0);
        out.push_str(
            &Doan { le: (le > 0).then_some((le, le)), ..Doan::new(style) }.chu(l, KieuChu::default()),
        );
        printed.extend(ngat_dong(l, rong_pt - 2.0 * le as f64 / 20.0, co, kieu));
    }
    let widths: Vec<f64> = printed.iter().map(|l| do_rong(l, co, kieu).min(rong_pt)).collect();
    out.push_str(&net_giua(net_mot_phan(&widths), rong));
    out
}

/// Whether a centred rule can be 1/3–1/2 of every line of widths `w` at once: the last line
/// is at least 2/3 of the longest.
fn net_vua_ca(w: &[f64]) -> bool {
    let longest = w.iter().copied().fold(0.0, f64::max);
    longest / 3.0 <= w.last().copied().unwrap_or(0.0) / 2.0
}

/// The measure (points) line `l` is broken at within `rong`: `rong`, or the narrowest that
/// keeps its number of lines when first fit leaves the last too short; 2 pt wider than the
/// found measure, so that rounding in the word processor never pushes a word down.
fn do_ngat(l: &str, rong: f64, co: f64, kieu: Kieu) -> f64 {
    let first = ngat_dong(l, rong, co, kieu);
    let w: Vec<f64> = first.iter().map(|x| do_rong(x, co, kieu)).collect();
    if first.len() < 2 || net_vua_ca(&w) {
        return rong;
    }
    let (mut lo, mut hi) = (0.0, rong);
    for _ in 0..14 {
        let mid = (lo + hi) / 2.0;
        if ngat_dong(l, mid, co, kieu).len() <= first.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    (hi + 2.0).min(rong)
}

/// Ô 2: chủ quản (capitals, regular) and the issuing body (capitals, bold) over its rule.
pub(crate) fn co_quan(vb: &VanBan) -> String {
    co_quan_dong(&vb.co_quan.chu_quan_in(), &vb.co_quan.ten_in())
}

/// Ô 2 from its printed lines.
pub(crate) fn co_quan_dong(chu_quan: &[String], ten: &[String]) -> String {
    let mut out: String =
        chu_quan.iter().map(|l| Doan::new(kieu::CHU_QUAN).chu(l, KieuChu::default())).collect();
    out.push_str(&dong_va_net(ten, kieu::CO_QUAN, co::CO_QUAN, Kieu::Dam, kt::cot_trai()));
    out
}

/// Ô 1: Quốc hiệu and Tiêu ngữ, with a rule as long as the Tiêu ngữ.
pub(crate) fn quoc_hieu(vb: &VanBan) -> String {
    let rong = kt::rong_chu() - kt::cot_trai();
    let dai = do_rong(TIEU_NGU, f64::from(vb.co_chu.tieu_ngu()), Kieu::Dam);
    [
        Doan::new(kieu::QUOC_HIEU).chu(QUOC_HIEU, KieuChu::default()),
        Doan::new(kieu::TIEU_NGU).chu(TIEU_NGU, KieuChu::default()),
        net_giua(dai, rong),
    ]
    .concat()
}

/// Blank room left for the văn thư to write in a number, day or month not yet given (the
/// PDF leaves 10–12 mm).
const CHO_TRONG: &str = "          ";

/// Ô 3: `Số: 05/KH-UBND`, the number left blank when not yet given.
pub(crate) fn so_ky_hieu(so: Option<vanban_core::So>, ky_hieu: &str) -> String {
    let so = so.map(|s| s.to_string()).unwrap_or_else(|| CHO_TRONG.to_owned());
    format!("Số: {so}/{ky_hieu}")
}

/// Ô 4: `Phong Thổ, ngày 05 tháng 3 năm 2020`, day and month left blank when not given.
pub(crate) fn dia_danh_ngay(dia_danh: &str, ngay: &vanban_core::Ngay) -> String {
    let phan = |x: Option<String>| x.unwrap_or_else(|| CHO_TRONG.to_owned());
    format!("{dia_danh}, ngày {} tháng {} năm {}", phan(ngay.ngay_in()), phan(ngay.thang_in()), ngay.nam())
}

/// The header's second row: Số left and the place and date (italic) right, 8 pt under the
/// first, so both stand on one baseline; an empty right cell without a date (a biên bản).
pub(crate) fn hang_so_ngay(so: &str, ngay: Option<&str>) -> Hang {
    let hang2 = |style: &'static str, text: &str| {
        Doan { truoc: Some(kt::pt(8.0)), ..Doan::new(style) }.chu(text, KieuChu::default())
    };
    let ngay = match ngay {
        Some(d) => hang2(kieu::NGAY, d),
        None => Doan::new(kieu::NGAY).chu("", KieuChu::default()),
    };
    Hang { o: vec![hang2(kieu::SO, so), ngay], ..Hang::default() }
}

/// Ô 1–4 and 5b: the two-column header, 35 % | 65 % as in the PDF; Số and the date open the
/// second row, so they stand on one baseline.
pub(crate) fn phan_dau(vb: &VanBan) -> String {
    let so = so_ky_hieu(vb.so_hieu.so, vb.so_hieu.ky_hieu.as_str());
    let ngay = vb.dia_danh.as_ref().map(|d| dia_danh_ngay(d, &vb.ngay));
    let mut hang = vec![
        Hang { o: vec![co_quan(vb), quoc_hieu(vb)], ..Hang::default() },
        hang_so_ngay(&so, ngay.as_deref()),
    ];
    if let Mau::CongVan(cv) = &vb.mau {
        let v_v = Doan { truoc: Some(kt::pt(6.0)), ..Doan::new(kieu::V_V) }
            .chu(&cv.trich_yeu.cong_van(), KieuChu::default());
        hang.push(Hang { o: vec![v_v, Doan::new(kieu::V_V).chu("", KieuChu::default())], ..Hang::default() });
    }
    let cot = [kt::cot_trai(), kt::rong_chu() - kt::cot_trai()];
    bang(&cot, Vien::Khong, 0, &hang)
}

/// Ô 5a: the type name (capitals, bold) and the trích yếu (bold), centred 12 pt under the
/// header, over a rule of 1/3–1/2; `None` for a công văn, whose summary is its V/v line.
pub(crate) fn ten_loai_trich_yeu(vb: &VanBan) -> Option<String> {
    if matches!(vb.mau, Mau::CongVan(_)) {
        return None;
    }
    let ten_loai = vb.loai().ten_loai();
    let dau = Doan { truoc: Some(kt::pt(12.0)), ..Doan::new(kieu::TEN_LOAI) };
    Some(match vb.trich_yeu() {
        Some(t) => {
            let mut out = dau.chu(ten_loai, KieuChu::default());
            out.push_str(&dong_va_net(
                std::slice::from_ref(&t.0),
                kieu::TRICH_YEU,
                co::NOI_DUNG,
                Kieu::Dam,
                kt::rong_chu(),
            ));
            out
        }
        None => {
            let rong_pt = kt::rong_chu() as f64 / 20.0;
            let w = do_rong(ten_loai, co::NOI_DUNG, Kieu::Dam).min(rong_pt);
            dau.chu(ten_loai, KieuChu::default()) + &net_giua(net_mot_phan(&[w]), kt::rong_chu())
        }
    })
}

/// Ô 10a and 10b: the secrecy and urgency stamps at the left, 8 pt under what precedes them
/// and 2 mm apart: boxes of the decree's size in bright red, the secrecy stamp's double.
pub(crate) fn cac_dau_chi(vb: &VanBan) -> String {
    let mat = vb.do_mat.map(|d| (d.chu(), d.kich_thuoc_mm(), true));
    let khan = vb.do_khan.map(|d| (d.chu(), d.kich_thuoc_mm(), false));
    let mut out = String::new();
    for (i, (chu, (rong, cao), kep)) in [mat, khan].into_iter().flatten().enumerate() {
        let cach = if i == 0 { kt::pt(8.0) } else { kt::mm(2.0) };
        out.push_str(&Doan { cao_dung: Some(cach), ..Doan::new(kieu::CACH) }.chu("", KieuChu::default()));
        let o = Doan::new(kieu::DAU_CHI).chu(chu, KieuChu::default());
        let hang = Hang { o: vec![o], cao: Some(kt::mm(cao)), giua_doc: true, ..Hang::default() };
        out.push_str(&bang(&[kt::mm(rong)], Vien::Khung { mau: "FF0000", kep }, 0, &[hang]));
    }
    out
}

/// Ô 9a, 12 pt under what precedes it, 35 mm from the left margin: `Kính gửi: X.` with the
/// wrapped text under X, or `Kính gửi:` and one line per addressee, the dashes under the
/// colon and wrapped text under the text after the dash.
pub(crate) fn kinh_gui(vb: &VanBan) -> Option<String> {
    let k = vb.kinh_gui()?;
    let lui = kt::mm(kt::LUI_KINH_GUI_MM);
    let rong = |s: &str| kt::pt(do_rong(s, co::NOI_DUNG, Kieu::Thuong));
    let dong = k.dong();
    let mut out = String::new();
    if let [mot] = dong.as_slice() {
        let treo = rong("Kính gửi: ");
        let d = Doan {
            truoc: Some(kt::pt(12.0)),
            le: Some((lui + treo, 0)),
            treo: Some(treo),
            ..Doan::new(kieu::KINH_GUI)
        };
        out.push_str(&d.chu(mot, KieuChu::default()));
        return Some(out);
    }
    let d = Doan { truoc: Some(kt::pt(12.0)), le: Some((lui, 0)), ..Doan::new(kieu::KINH_GUI) };
    out.push_str(&d.chu("Kính gửi:", KieuChu::default()));
    let treo = rong("- ");
    let le = lui + rong("Kính gửi") + treo;
    for l in k.cac_dong() {
        out.push_str(
            &Doan { le: Some((le, 0)), treo: Some(treo), ..Doan::new(kieu::KINH_GUI) }
                .chu(&l, KieuChu::default()),
        );
    }
    Some(out)
}
