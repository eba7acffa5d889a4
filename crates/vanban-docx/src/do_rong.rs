//! Estimated widths of printed text, to size what a word processor cannot size itself: the
//! drawn rules under the Tiêu ngữ (its full length) and under the issuing body and the trích
//! yếu (1/3–1/2 of the line above), and the hanging indents of Kính gửi and Nơi nhận.
//!
//! The advance widths are Liberation Serif 2's (`fonts/`), which is metric-compatible with
//! Times New Roman: the same widths as the font the document names. A precomposed Vietnamese
//! letter is as wide as its base letter, except the horned ơ and ư, which have widths of their
//! own; a character outside the table counts as half an em.

use unicode_normalization::UnicodeNormalization;

/// The font's design units per em.
const DON_VI_EM: f64 = 2048.0;

/// Characters beyond ASCII with widths of their own, in the order of the `*_KHAC` tables.
const KHAC: &str = "“”‘’–—…ĐđƠơƯư";

/// The face text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kieu {
    /// Upright, regular.
    Thuong,
    /// Upright, bold.
    Dam,
}

/// The width of `s` set at `co` points in `kieu`, in points.
pub(crate) fn do_rong(s: &str, co: f64, kieu: Kieu) -> f64 {
    let units: f64 = s.chars().map(|c| f64::from(don_vi(c, kieu))).sum();
    units * co / DON_VI_EM
}

/// The advance of one character, in design units.
fn don_vi(c: char, kieu: Kieu) -> u16 {
    let (ascii, khac) = match kieu {
        Kieu::Thuong => (&THUONG, &THUONG_KHAC),
        Kieu::Dam => (&DAM, &DAM_KHAC),
    };
    let tim = |c: char| -> Option<u16> {
        if (' '..='~').contains(&c) {
            return Some(ascii[c as usize - 0x20]);
        }
        KHAC.chars().position(|k| k == c).map(|i| khac[i])
    };
    if let Some(w) = tim(c) {
        return w;
    }
    // A precomposed letter: its base, or the horned letter when it carries the horn (U+031B).
    let mut parts = std::iter::once(c).nfd();
    let base = parts.next().unwrap_or(c);
    let horn = parts.any(|m| m == '\u{31B}');
    let base = match (base, horn) {
        ('O', true) => 'Ơ',
        ('o', true) => 'ơ',
        ('U', true) => 'Ư',
        ('u', true) => 'ư',
        (b, _) => b,
    };
    tim(base).unwrap_or(1024)
}

/// The lines `s` takes at `rong` points when broken at spaces, first fit, as a word processor
/// breaks a line that is not justified.
pub(crate) fn ngat_dong(s: &str, rong: f64, co: f64, kieu: Kieu) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        cur = Some(match cur.take() {
            None => w.to_owned(),
            Some(c) => {
                let thu = format!("{c} {w}");
                if do_rong(&thu, co, kieu) > rong {
                    out.push(c);
                    w.to_owned()
                } else {
                    thu
                }
            }
        });
    }
    out.extend(cur);
    out
}

/// The length of a centred rule under printed lines of widths `w` (points): 1/3–1/2 of the
/// line it stands under (the last) and, where both ranges meet, of the longest as well, at the
/// middle of what both allow; else 0.45 of the last line. The PDF templates' `net-mot-phan`.
pub(crate) fn net_mot_phan(w: &[f64]) -> f64 {
    let longest = w.iter().copied().fold(0.0, f64::max);
    let last = w.last().copied().unwrap_or(0.0);
    let lo = (longest / 3.0).max(last / 3.0);
    let hi = (longest / 2.0).min(last / 2.0);
    if lo <= hi { (lo + hi) / 2.0 } else { last * 0.45 }
}

/// Regular: U+0020–U+007E.
const THUONG: [u16; 95] = [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479,
    1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479,
    1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569,
    569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410,
    983, 1108,
];
/// Regular: [`KHAC`].
const THUONG_KHAC: [u16; 13] = [909, 909, 682, 682, 1024, 2048, 2048, 1479, 1024, 1479, 1083, 1589, 1110];

/// Bold: U+0020–U+007E.
const DAM: [u16; 95] = [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479,
    1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479,
    1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024,
    1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024,
    909, 807, 451, 807, 1065,
];
/// Bold: [`KHAC`].
const DAM_KHAC: [u16; 13] = [1024, 1024, 682, 682, 1024, 2048, 2048, 1479, 1139, 1593, 1134, 1630, 1229];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        // "Độc lập - Tự do - Hạnh phúc" at 13 pt bold; Ư and ơ have their own widths.
        let w = do_rong("Độc lập - Tự do - Hạnh phúc", 13.0, Kieu::Dam);
        assert!((w - 159.14).abs() < 0.01, "{w}");
        assert_eq!(don_vi('ờ', Kieu::Dam), 1134);
        assert_eq!(don_vi('Ấ', Kieu::Dam), don_vi('A', Kieu::Dam));
    }

    #[test]
    fn first_fit_and_rule() {
        assert_eq!(ngat_dong("a b c", 1000.0, 14.0, Kieu::Thuong), ["a b c"]);
        assert_eq!(ngat_dong("aaaa bbbb", 30.0, 14.0, Kieu::Thuong), ["aaaa", "bbbb"]);
        assert!((net_mot_phan(&[90.0]) - 37.5).abs() < 1e-9);
        assert!((net_mot_phan(&[100.0, 30.0]) - 13.5).abs() < 1e-9);
    }
}
