//! The size step of the national heading: Quốc hiệu, Tiêu ngữ and the date line move
//! together (Phụ lục I, Mục V, footnote): 12 / 13 / 13 pt or 13 / 14 / 14 pt.

use crate::khoa::{self, Khoa, Kieu};

/// Which of the two size steps the header uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CoChu {
    /// Quốc hiệu 12 pt, Tiêu ngữ 13 pt, date line 13 pt (the decree's sample).
    #[default]
    Nho,
    /// Quốc hiệu 13 pt, Tiêu ngữ 14 pt, date line 14 pt.
    Lon,
}

impl CoChu {
    /// The step whose Quốc hiệu has size `pt` (12 or 13).
    pub fn from_quoc_hieu(pt: i64) -> Option<CoChu> {
        match pt {
            12 => Some(CoChu::Nho),
            13 => Some(CoChu::Lon),
            _ => None,
        }
    }

    /// Quốc hiệu size, in points.
    pub fn quoc_hieu(self) -> u8 {
        match self {
            CoChu::Nho => 12,
            CoChu::Lon => 13,
        }
    }

    /// Tiêu ngữ size, in points.
    pub fn tieu_ngu(self) -> u8 {
        self.quoc_hieu() + 1
    }

    /// Place-and-date line size, in points.
    pub fn ngay(self) -> u8 {
        self.quoc_hieu() + 1
    }
}

/// `co_chu_quoc_hieu`: the size step of the national heading.
pub const CO_CHU_QUOC_HIEU: Khoa = Khoa {
    ten: "co_chu_quoc_hieu",
    kieu: Kieu::SoMotTrong(|| [CoChu::Nho, CoChu::Lon].iter().map(|c| i64::from(c.quoc_hieu())).collect()),
    co_mat: khoa::tuy_chon,
    mo_ta: "Cỡ chữ Quốc hiệu: 12 (Tiêu ngữ và dòng ngày tháng cỡ 13, mặc định) hoặc 13 (Tiêu ngữ và ngày tháng cỡ 14).",
    mo_ta_en: "Font size of the national heading: 12 (motto and date line in 13 pt, the default) or 13 (motto and date in 14 pt).",
    vi_du: "13",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_sizes_move_together() {
        assert_eq!(CoChu::default(), CoChu::Nho);
        let nho = CoChu::from_quoc_hieu(12).unwrap();
        assert_eq!((nho.quoc_hieu(), nho.tieu_ngu(), nho.ngay()), (12, 13, 13));
        let lon = CoChu::from_quoc_hieu(13).unwrap();
        assert_eq!((lon.quoc_hieu(), lon.tieu_ngu(), lon.ngay()), (13, 14, 14));
        assert_eq!(CoChu::from_quoc_hieu(14), None);
    }
}
