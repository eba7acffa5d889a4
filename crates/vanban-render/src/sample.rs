//! A small document built by hand, for the renderer's own tests.

use vanban_core::*;

pub(crate) fn cong_van(noi_dung: &str) -> VanBan {
    let co_quan =
        CoQuan::new(vec!["Ủy ban nhân dân".into(), "huyện Phong Thổ".into()], VietTat::new("UBND").unwrap());
    VanBan {
        ky_so: None,
        ban_sao: None,
        phu_luc: Vec::new(),
        kem_theo: None,
        mau: Mau::CongVan(CongVan {
            trich_yeu: TrichYeu("tăng cường triển khai thực hiện phong trào thi đua".into()),
            kinh_gui: KinhGui(vec![
                "Các cơ quan, ban, ngành, đoàn thể huyện".into(),
                "Ủy ban nhân dân các xã, thị trấn".into(),
            ]),
        }),
        so_hieu: SoHieu { so: None, ky_hieu: KyHieu::new("UBND-NV").unwrap() },
        ma_dang_ky: None,
        co_quan,
        dia_danh: Some("Phong Thổ".into()),
        ngay: Ngay::parse("2024").unwrap(),
        noi_dung: NoiDung(
            noi_dung
                .split("\n\n")
                .map(|p| {
                    Khoi::DoanVan(DongChu(vec![Chu::Van { text: p.into(), dam: false, nghieng: false }]))
                })
                .collect(),
        ),
        nguoi_ky: NguoiKy {
            quyen_han: vec!["TM. Ủy ban nhân dân".parse().unwrap()],
            chuc_vu: "Chủ tịch".into(),
            ho_ten: "Trần Bảo Trung".into(),
        },
        noi_nhan: NoiNhan {
            gui: vec!["Như trên".into()],
            luu: vec!["VT".into(), "NV".into()],
            nguoi_soan_thao: None,
            so_ban: None,
            ma_dinh_danh: Vec::new(),
        },
        du_thao: None,
        do_mat: None,
        do_khan: None,
        pham_vi_luu_hanh: None,
        co_chu: CoChu::default(),
    }
}
