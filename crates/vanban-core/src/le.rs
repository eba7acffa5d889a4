//! The page margins vanban sets (Phụ lục I, Mục I): one value, which every writer (the PDF
//! renderer, the DOCX writer) takes from here.

/// Page margins, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Le {
    /// Top margin.
    pub tren: f64,
    /// Bottom margin.
    pub duoi: f64,
    /// Left margin.
    pub trai: f64,
    /// Right margin.
    pub phai: f64,
}

/// The margins of every page, in millimetres: the decree allows top and bottom 20–25, left
/// 30–35, right 15–20; vanban takes the smallest of each, for the most room for text.
pub const LE_MM: Le = Le { tren: 20.0, duoi: 20.0, trai: 30.0, phai: 15.0 };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_the_decree_ranges() {
        assert!((20.0..=25.0).contains(&LE_MM.tren) && (20.0..=25.0).contains(&LE_MM.duoi));
        assert!((30.0..=35.0).contains(&LE_MM.trai) && (15.0..=20.0).contains(&LE_MM.phai));
    }
}
