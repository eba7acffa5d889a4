//! The data contract between a [`VanBan`] and the templates: the JSON behind `/data.json`.
//!
//! Every string here is document text, already worded and capitalised as the decree wants
//! (core does that); the templates only place it. Nothing here is Typst source.

use serde_json::{Value, json};
use vanban_core::{CapTieuDe, Chu, Khoi, Mau, VanBan};

/// Builds the JSON the templates read.
pub(crate) fn to_json(vb: &VanBan) -> Value {
    let (ten_loai, trich_yeu, v_v) = match &vb.mau {
        Mau::CongVan(cv) => (None, None, Some(cv.trich_yeu.cong_van())),
        Mau::CoTenLoai(v) => (Some(v.loai.ten_loai()), v.trich_yeu.as_ref().map(|t| t.0.clone()), None),
        // Forms with templates of their own are refused by the parser until they exist.
        _ => (Some(vb.loai().ten_loai()), vb.trich_yeu().map(|t| t.0.clone()), None),
    };
    let kinh_gui = vb.kinh_gui().map(|k| match k.0.as_slice() {
        [_] => {
            k.dong().into_iter().map(|l| l.trim_start_matches("Kính gửi:").trim_start().to_owned()).collect()
        }
        _ => k.cac_dong(),
    });
    let tieu_de = match vb.trich_yeu() {
        Some(t) => format!("{} {}", vb.loai().ten_loai(), t.0),
        None => vb.loai().ten_loai().to_owned(),
    };
    json!({
        "tieu_de": tieu_de,
        "tac_gia": vb.co_quan.ten.join(" "),
        "du_thao": vb.du_thao.map(|d| d.chu()),
        "co_quan": {
            "chu_quan": vb.co_quan.chu_quan_in(),
            "ten": vb.co_quan.ten_in(),
        },
        "so": vb.so_hieu.so.map(|s| s.to_string()),
        "ky_hieu": vb.so_hieu.ky_hieu.as_str(),
        "thoi_gian": {
            "dia_danh": vb.dia_danh,
            "ngay": vb.ngay.ngay_in(),
            "thang": vb.ngay.thang_in(),
            "nam": vb.ngay.nam().to_string(),
        },
        "v_v": v_v,
        "ten_loai": ten_loai,
        "trich_yeu": trich_yeu,
        "kinh_gui": kinh_gui,
        "noi_dung": vb.noi_dung.0.iter().map(khoi).collect::<Vec<_>>(),
        "nguoi_ky": {
            "chuc_danh": vb.nguoi_ky.dong_chuc_danh(),
            "ho_ten": vb.nguoi_ky.ho_ten,
        },
        "noi_nhan": vb.noi_nhan.dong(),
    })
}

fn khoi(k: &Khoi) -> Value {
    match k {
        Khoi::DoanVan(d) => json!({ "k": "p", "runs": runs(&d.0) }),
        Khoi::TieuDe { cap, noi_dung } => {
            let cap = match cap {
                CapTieuDe::Muc => 1,
                CapTieuDe::Khoan => 2,
                CapTieuDe::TieuKhoan => 3,
                CapTieuDe::Diem => 4,
            };
            json!({ "k": "h", "cap": cap, "runs": runs(&noi_dung.0) })
        }
    }
}

fn runs(chu: &[Chu]) -> Vec<Value> {
    chu.iter()
        .map(|c| match c {
            Chu::Van { text, dam, nghieng } => json!({ "t": text, "b": dam, "i": nghieng }),
            Chu::XuongDong => json!({ "br": true }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn document_text_travels_as_plain_strings() {
        let mut vb = sample::cong_van("#set page(width: 1cm) $x$ [y]");
        vb.dia_danh = "#import \"/etc/passwd\"".into();
        let j = to_json(&vb);
        assert_eq!(j["noi_dung"][0]["runs"][0]["t"], "#set page(width: 1cm) $x$ [y]");
        assert_eq!(j["thoi_gian"]["dia_danh"], "#import \"/etc/passwd\"");
    }

    #[test]
    fn wording_comes_from_the_model() {
        let j = to_json(&sample::cong_van("x"));
        assert_eq!(j["so"], Value::Null);
        assert_eq!(j["ky_hieu"], "UBND-NV");
        assert_eq!(j["v_v"], "V/v tăng cường triển khai thực hiện phong trào thi đua");
        assert_eq!(j["ten_loai"], Value::Null);
        assert_eq!(j["kinh_gui"][1], "- Ủy ban nhân dân các xã, thị trấn.");
        assert_eq!(j["co_quan"]["ten"][1], "HUYỆN PHONG THỔ");
        assert_eq!(j["nguoi_ky"]["chuc_danh"][0], "TM. ỦY BAN NHÂN DÂN");
        assert_eq!(j["noi_nhan"][1], "- Lưu: VT, NV.");
    }
}
