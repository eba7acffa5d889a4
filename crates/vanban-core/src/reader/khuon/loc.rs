//! The filters a template may use, named in Vietnamese: `ngay`, `bang_chu`, `tien`,
//! `thap_phan`, `hoa`.

use minijinja::value::Value;
use minijinja::{Error, ErrorKind};

use crate::Ngay;

/// The names of the filters, for the documentation and for "did you mean".
pub const TEN: [&str; 5] = ["ngay", "bang_chu", "tien", "thap_phan", "hoa"];

/// Registers the filters in `env`.
pub(super) fn dang_ky(env: &mut minijinja::Environment<'static>) {
    env.add_filter(TEN[0], ngay);
    env.add_filter(TEN[1], bang_chu);
    env.add_filter(TEN[2], tien);
    env.add_filter(TEN[3], thap_phan);
    env.add_filter(TEN[4], hoa);
}

fn sai(vi: String, en: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, format!("{vi} ({en})"))
}

/// The date in `value` (`2024-03-05`, a spreadsheet date cell, `2024-03-05T08:00:00`,
/// `05/03/2024` or `5/3/2024`), as the decree writes it (`ngày 05 tháng 3 năm 2024`), or as
/// `2024-03-05` with `ngay("iso")`.
fn ngay(value: String, dang: Option<String>) -> Result<String, Error> {
    let d = doc_ngay(value.trim()).ok_or_else(|| {
        sai(
            format!("“{}” không phải ngày (cần dạng 2024-03-05 hoặc 05/03/2024)", crate::text::ngan(&value)),
            format!("“{}” is not a date (write 2024-03-05 or 05/03/2024)", crate::text::ngan(&value)),
        )
    })?;
    match dang.as_deref() {
        None => Ok(format!(
            "ngày {} tháng {} năm {}",
            d.ngay_in().unwrap_or_default(),
            d.thang_in().unwrap_or_default(),
            d.nam()
        )),
        Some("iso") => {
            Ok(format!("{:04}-{:02}-{:02}", d.nam(), d.thang().unwrap_or(1), d.ngay().unwrap_or(1)))
        }
        Some(other) => Err(sai(
            format!("ngay không có dạng “{}”: chỉ có ngay hoặc ngay(\"iso\")", crate::text::ngan(other)),
            format!("ngay has no form “{}”: only ngay or ngay(\"iso\")", crate::text::ngan(other)),
        )),
    }
}

/// A full date from ISO (a time part allowed) or day/month/year.
fn doc_ngay(s: &str) -> Option<Ngay> {
    let iso = s.split(['T', ' ']).next().unwrap_or(s);
    if let Ok(d) = Ngay::parse(iso) {
        return d.ngay().is_some().then_some(d);
    }
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    if y.len() != 4 {
        return None;
    }
    Ngay::new(num(y)? as i32, Some(num(m)?), Some(num(d)?)).ok()
}

/// A whole amount with `.` between thousands, as Vietnamese writes it (`9337000` →
/// `9.337.000`).
fn tien(value: Value) -> Result<String, Error> {
    let so = so_tien(&value)?;
    let digits = so.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if so < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    Ok(out)
}

/// A number with `chu_so` decimals (default 2) and a decimal comma, as Vietnamese writes it
/// (`3.66` → `3,66`, `4.4` → `4,40`, `3` → `3,00`); from a number or its text (`3.66`,
/// `3,66`).
fn thap_phan(value: Value, chu_so: Option<u8>) -> Result<String, Error> {
    let so = f64::try_from(value.clone())
        .ok()
        .or_else(|| value.as_str().and_then(|s| s.trim().replace(',', ".").parse().ok()));
    let so = so.filter(|f: &f64| f.is_finite() && f.abs() < 1e15).ok_or_else(|| {
        let shown = crate::text::ngan(&value.to_string());
        sai(format!("“{shown}” không phải số"), format!("“{shown}” is not a number"))
    })?;
    let chu_so = usize::from(chu_so.unwrap_or(2).min(6));
    Ok(format!("{so:.chu_so$}").replace('.', ","))
}

/// An amount of money in words (`1250000` → `Một triệu hai trăm năm mươi nghìn đồng`), from
/// a number or from text with `.`, `,` or spaces between thousands (`1.250.000`).
fn bang_chu(value: Value) -> Result<String, Error> {
    Ok(crate::bang_chu(so_tien(&value)?))
}

/// A whole amount from a number, or from text with `.`, `,` or spaces between thousands.
fn so_tien(value: &Value) -> Result<i64, Error> {
    let so = match i64::try_from(value.clone()) {
        Ok(n) => Some(n),
        Err(_) => match value.as_str() {
            Some(s) => {
                let digits: String =
                    s.trim().chars().filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}')).collect();
                digits.parse::<i64>().ok()
            }
            None => f64::try_from(value.clone())
                .ok()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                .map(|f| f as i64),
        },
    };
    so.ok_or_else(|| {
        let shown = crate::text::ngan(&value.to_string());
        sai(
            format!("“{shown}” không phải số tiền nguyên (đồng)"),
            format!("“{shown}” is not a whole amount (in đồng)"),
        )
    })
}

/// Upper case, Vietnamese letters included (`Phong Thổ` → `PHONG THỔ`).
fn hoa(value: String) -> String {
    crate::in_hoa(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_offices_type() {
        let words = |s: &str| ngay(s.to_owned(), None).unwrap();
        assert_eq!(words("2024-03-05"), "ngày 05 tháng 3 năm 2024");
        assert_eq!(words("2024-01-15T08:30:00"), "ngày 15 tháng 01 năm 2024");
        assert_eq!(words("5/2/2026"), "ngày 05 tháng 02 năm 2026");
        assert_eq!(words("15.12.2025"), "ngày 15 tháng 12 năm 2025");
        assert_eq!(ngay("05/03/2024".into(), Some("iso".into())).unwrap(), "2024-03-05");
        for bad in ["2024-02-30", "2024-03", "03/2024", "hôm nay", "", "99999999999/1/2024"] {
            assert!(ngay(bad.to_owned(), None).is_err(), "{bad}");
        }
        assert!(ngay("2024-03-05".into(), Some("dài".into())).is_err());
    }

    #[test]
    fn amounts_from_numbers_and_text() {
        assert_eq!(bang_chu(Value::from(1_250_000)).unwrap(), "Một triệu hai trăm năm mươi nghìn đồng");
        assert_eq!(bang_chu(Value::from("1.250.000")).unwrap(), "Một triệu hai trăm năm mươi nghìn đồng");
        assert_eq!(bang_chu(Value::from(9_337_000.0)).unwrap(), crate::bang_chu(9_337_000));
        assert!(bang_chu(Value::from("một triệu")).is_err());
        assert!(bang_chu(Value::from(1.5)).is_err());
        assert_eq!(tien(Value::from(9_337_000)).unwrap(), "9.337.000");
        assert_eq!(tien(Value::from("950")).unwrap(), "950");
        assert_eq!(tien(Value::from(-1000)).unwrap(), "-1.000");
        assert_eq!(thap_phan(Value::from(4.4), None).unwrap(), "4,40");
        assert_eq!(thap_phan(Value::from(3), Some(2)).unwrap(), "3,00");
        assert_eq!(thap_phan(Value::from("3,66"), Some(1)).unwrap(), "3,7");
        assert!(thap_phan(Value::from("ba"), None).is_err());
    }

    #[test]
    fn upper_case_keeps_vietnamese_letters() {
        assert_eq!(hoa("Ủy ban nhân dân xã Phong Thổ".into()), "ỦY BAN NHÂN DÂN XÃ PHONG THỔ");
    }
}
