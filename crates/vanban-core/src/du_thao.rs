//! The draft marker (house style: the decree has none).

use crate::khoa::{self, Khoa, Kieu};

/// Marks a draft: a boxed `DỰ THẢO` or `DỰ THẢO LẦN n` in the top band above the Quốc hiệu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuThao {
    /// Which draft this is, if numbered.
    pub lan: Option<u32>,
}

impl DuThao {
    /// The highest lần of a numbered draft (`du_thao = 2`).
    pub const LAN_MAX: u32 = 999;

    /// The marker's text.
    pub fn chu(&self) -> String {
        match self.lan {
            Some(n) => format!("DỰ THẢO LẦN {n}"),
            None => "DỰ THẢO".to_owned(),
        }
    }
}

/// `du_thao`: the draft mark.
pub const DU_THAO: Khoa = Khoa {
    ten: "du_thao",
    kieu: Kieu::DungSaiHoacSo { lon_nhat: DuThao::LAN_MAX as i64 },
    co_mat: khoa::tuy_chon,
    mo_ta: "Dấu dự thảo trong khung phía trên Quốc hiệu: true in \"DỰ THẢO\", một số n in \"DỰ THẢO LẦN n\"; false hoặc bỏ khóa thì không in. Bản sao không sao từ một dự thảo.",
    mo_ta_en: "Draft mark in a frame above the national heading: true prints \"DỰ THẢO\", a number n \"DỰ THẢO LẦN n\"; false or no key prints none. A copy is never made of a draft.",
    vi_du: "2",
    thay_the: ("", ""),
};
