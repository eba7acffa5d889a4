//! Tên cơ quan, tổ chức ban hành (ô 2), with the chủ quản line above it.

use crate::{LienHe, VietTat};

/// The issuing body and, if any, its direct superior (cơ quan chủ quản).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoQuan {
    /// The superior body, one entry per printed line (caps, regular); empty when there is none.
    pub chu_quan: Vec<String>,
    /// The issuing body, one entry per printed line (caps, bold), at least one line.
    pub ten: Vec<String>,
    /// The issuing body's abbreviation, used in the ký hiệu (`UBND`).
    pub viet_tat: VietTat,
    /// Address and contacts (ô 13), printed at the foot of page 1 when given.
    pub lien_he: LienHe,
}

impl CoQuan {
    /// The chủ quản lines as printed (in capitals).
    pub fn chu_quan_in(&self) -> Vec<String> {
        self.chu_quan.iter().map(|l| crate::in_hoa(l)).collect()
    }

    /// The issuing body's lines as printed (in capitals).
    pub fn ten_in(&self) -> Vec<String> {
        self.ten.iter().map(|l| crate::in_hoa(l)).collect()
    }
}
