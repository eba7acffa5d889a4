//! Phụ lục (Mẫu 2.1, 2.2): appendices issued with the document, each beginning on a page of
//! its own, numbered in Roman when there are two or more, with its own page numbers and, if
//! its tables need it, landscape pages; and the document a quyết định issues or approves
//! (Mẫu 1.3). Either goes in the document's file or, on an electronic document, in a file of
//! its own.

use crate::{LoaiVanBan, NoiDung, TrichYeu};

/// The document a quyết định (or nghị quyết) issues or approves (Mẫu 1.3): a quy chế, quy
/// định, kế hoạch … on pages of its own, under a header without Số, with its type name, its
/// summary and the line naming the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VanBanKemTheo {
    /// Its type: one with a type name of its own (not a công văn).
    pub loai: LoaiVanBan,
    /// Its summary, printed in bold under the type name.
    pub trich_yeu: TrichYeu,
    /// Its content.
    pub noi_dung: NoiDung,
    /// Whether it is issued as a file of its own (the electronic variant of Mẫu 1.3), with
    /// the agency's signature text at the top right of its first page.
    pub tep_rieng: bool,
}

/// One appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhuLuc {
    /// Its title, printed in bold capitals under `Phụ lục …`.
    pub ten: String,
    /// Its content.
    pub noi_dung: NoiDung,
    /// Whether its pages are landscape A4.
    pub ngang: bool,
    /// Whether it is issued as a file of its own (Mẫu 2.2), with the agency's signature
    /// text at the top right of its first page.
    pub tep_rieng: bool,
}

impl PhuLuc {
    /// The heading of appendix `i` (from 0) of `n`: `Phụ lục` alone, or `Phụ lục I`,
    /// `Phụ lục II`, … when there are two or more.
    pub fn nhan(i: usize, n: usize) -> String {
        if n <= 1 { "Phụ lục".to_owned() } else { format!("Phụ lục {}", so_la_ma(i + 1)) }
    }

    /// The name of appendix `i` (from 0) of `n` as a separate file: `phu-luc`, or
    /// `phu-luc-I`, `phu-luc-II`, … when there are two or more.
    pub fn ten_tep(i: usize, n: usize) -> String {
        if n <= 1 { "phu-luc".to_owned() } else { format!("phu-luc-{}", so_la_ma(i + 1)) }
    }
}

/// `n` in Roman numerals (1 → `I`, 14 → `XIV`); `n` from 1 to 3999.
pub fn so_la_ma(mut n: usize) -> String {
    const BANG: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in BANG {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_appendix_is_not_numbered_several_are_in_roman() {
        assert_eq!(PhuLuc::nhan(0, 1), "Phụ lục");
        let n: Vec<String> = (0..4).map(|i| PhuLuc::nhan(i, 4)).collect();
        assert_eq!(n, ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]);
        assert_eq!(so_la_ma(9), "IX");
        assert_eq!(so_la_ma(14), "XIV");
        assert_eq!(so_la_ma(40), "XL");
        assert_eq!(so_la_ma(1999), "MCMXCIX");
    }
}
