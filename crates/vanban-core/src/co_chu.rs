//! The size step of the national heading: Quốc hiệu, Tiêu ngữ and the date line move
//! together (Phụ lục I, Mục V, footnote): 12 / 13 / 13 pt or 13 / 14 / 14 pt.

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
