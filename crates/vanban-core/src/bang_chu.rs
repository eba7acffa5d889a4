//! An amount of money in words, as Vietnamese accounting writes it ("bằng chữ").

/// The words for the digits 0–9.
const SO: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// One tỷ (10⁹): the unit that repeats above a thousand million.
const TY: u64 = 1_000_000_000;

/// `so_tien` đồng in words, as Vietnamese accounting writes it: the first letter capital,
/// ending with "đồng".
///
/// Tens are "mươi" (ten itself "mười"), a one after them "mốt", a five after any tens
/// "lăm", a zero tens digit "linh", and a group of three after a larger one is read whole
/// ("không trăm …"). A four after tens is "bốn" (hai mươi bốn), as accounting software
/// writes it, not the spoken "tư". Above a thousand million the unit "tỷ" repeats: "nghìn
/// tỷ", "triệu tỷ", "tỷ tỷ". A negative amount begins with "Âm".
///
/// ```
/// use vanban_core::bang_chu;
///
/// assert_eq!(bang_chu(1_250_000), "Một triệu hai trăm năm mươi nghìn đồng");
/// assert_eq!(bang_chu(0), "Không đồng");
/// assert_eq!(bang_chu(105), "Một trăm linh năm đồng");
/// assert_eq!(bang_chu(1_005_000), "Một triệu không trăm linh năm nghìn đồng");
/// assert_eq!(bang_chu(-21), "Âm hai mươi mốt đồng");
/// ```
pub fn bang_chu(so_tien: i64) -> String {
    let mut words = Vec::new();
    if so_tien < 0 {
        words.push("âm");
    }
    let n = so_tien.unsigned_abs();
    if n == 0 {
        words.push(SO[0]);
    } else {
        doc(n, &mut words);
    }
    words.push("đồng");
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// Appends the words for `n` (not zero): its parts below one tỷ, each followed by "tỷ" as
/// many times as its place needs ("tỷ tỷ" for 10¹⁸), the zero parts left out.
fn doc(n: u64, words: &mut Vec<&'static str>) {
    let mut du = false;
    for (chia, ty) in [(TY * TY, 2), (TY, 1), (1, 0)] {
        let phan = n / chia % TY;
        if phan == 0 {
            continue;
        }
        duoi_ty(phan, du, words);
        words.extend(std::iter::repeat_n("tỷ", ty));
        du = true;
    }
}

/// Appends the words for `n` below one tỷ (not zero): its groups of three with "triệu" and
/// "nghìn", the zero groups left out.
fn duoi_ty(n: u64, du: bool, words: &mut Vec<&'static str>) {
    let mut du = du;
    for (chia, don_vi) in [(1_000_000, Some("triệu")), (1_000, Some("nghìn")), (1, None)] {
        let nhom = n / chia % 1_000;
        if nhom == 0 {
            continue;
        }
        ba_so(nhom, du, words);
        words.extend(don_vi);
        du = true;
    }
}

/// Appends the words for one group of three digits (1–999); `du` reads it whole: "không
/// trăm" for a zero hundreds digit and "linh" for a zero tens digit.
fn ba_so(nhom: u64, du: bool, words: &mut Vec<&'static str>) {
    let (tram, chuc, don_vi) = ((nhom / 100) as usize, (nhom / 10 % 10) as usize, (nhom % 10) as usize);
    if tram > 0 || du {
        words.extend([SO[tram], "trăm"]);
    }
    match chuc {
        0 if don_vi == 0 => {}
        0 => {
            if tram > 0 || du {
                words.push("linh");
            }
            words.push(SO[don_vi]);
        }
        1 => {
            words.push("mười");
            match don_vi {
                0 => {}
                5 => words.push("lăm"),
                d => words.push(SO[d]),
            }
        }
        c => {
            words.extend([SO[c], "mươi"]);
            match don_vi {
                0 => {}
                1 => words.push("mốt"),
                5 => words.push("lăm"),
                d => words.push(SO[d]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::bang_chu;

    #[test]
    fn units_and_tens() {
        assert_eq!(bang_chu(0), "Không đồng");
        assert_eq!(bang_chu(1), "Một đồng");
        assert_eq!(bang_chu(5), "Năm đồng");
        assert_eq!(bang_chu(10), "Mười đồng");
        assert_eq!(bang_chu(11), "Mười một đồng");
        assert_eq!(bang_chu(15), "Mười lăm đồng");
        assert_eq!(bang_chu(20), "Hai mươi đồng");
        assert_eq!(bang_chu(21), "Hai mươi mốt đồng");
        assert_eq!(bang_chu(24), "Hai mươi bốn đồng");
        assert_eq!(bang_chu(25), "Hai mươi lăm đồng");
        assert_eq!(bang_chu(99), "Chín mươi chín đồng");
    }

    #[test]
    fn hundreds_linh() {
        assert_eq!(bang_chu(100), "Một trăm đồng");
        assert_eq!(bang_chu(105), "Một trăm linh năm đồng");
        assert_eq!(bang_chu(110), "Một trăm mười đồng");
        assert_eq!(bang_chu(115), "Một trăm mười lăm đồng");
        assert_eq!(bang_chu(901), "Chín trăm linh một đồng");
    }

    #[test]
    fn groups_khong_tram() {
        assert_eq!(bang_chu(1_000), "Một nghìn đồng");
        assert_eq!(bang_chu(1_005), "Một nghìn không trăm linh năm đồng");
        assert_eq!(bang_chu(1_050), "Một nghìn không trăm năm mươi đồng");
        assert_eq!(bang_chu(1_250_000), "Một triệu hai trăm năm mươi nghìn đồng");
        assert_eq!(bang_chu(1_005_000), "Một triệu không trăm linh năm nghìn đồng");
        assert_eq!(bang_chu(1_000_005), "Một triệu không trăm linh năm đồng");
        assert_eq!(bang_chu(9_337_000), "Chín triệu ba trăm ba mươi bảy nghìn đồng");
        assert_eq!(bang_chu(21_000_000), "Hai mươi mốt triệu đồng");
    }

    #[test]
    fn ty_repeats() {
        assert_eq!(bang_chu(1_000_000_000), "Một tỷ đồng");
        assert_eq!(bang_chu(1_000_000_005), "Một tỷ không trăm linh năm đồng");
        assert_eq!(bang_chu(2_500_000_000), "Hai tỷ năm trăm triệu đồng");
        assert_eq!(bang_chu(1_000_000_000_000), "Một nghìn tỷ đồng");
        assert_eq!(bang_chu(1_001_000_000_000), "Một nghìn không trăm linh một tỷ đồng");
        assert_eq!(bang_chu(1_000_000_000_000_000), "Một triệu tỷ đồng");
        assert_eq!(bang_chu(1_000_000_000_000_000_000), "Một tỷ tỷ đồng");
        assert_eq!(
            bang_chu(i64::MAX),
            "Chín tỷ tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ \
             tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy đồng"
        );
    }

    #[test]
    fn negative() {
        assert_eq!(bang_chu(-1_250_000), "Âm một triệu hai trăm năm mươi nghìn đồng");
        assert!(bang_chu(i64::MIN).starts_with("Âm chín tỷ tỷ hai trăm"));
        assert!(bang_chu(i64::MIN).ends_with("tám trăm linh tám đồng"));
    }

    #[test]
    fn well_formed_up_to_100_000() {
        for n in 0..=100_000 {
            let s = bang_chu(n);
            assert!(!s.contains("  "), "{n}: {s}");
            assert!(s.chars().next().is_some_and(char::is_uppercase), "{n}: {s}");
            assert!(s.ends_with(" đồng"), "{n}: {s}");
            assert_eq!(s.trim(), s, "{n}: {s}");
        }
    }
}
