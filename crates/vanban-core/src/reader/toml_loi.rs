//! The toml crate's syntax errors as the reader reports them: in Vietnamese and in plain
//! English, each with a hint that reuses what was typed on the line where it can
//! (`so = 05` → `so = 5`), the line of the first definition of a key given twice, and the
//! place an unclosed list or string was opened rather than the end of the file.

use std::ops::Range;

/// One syntax error, ready to be placed: `at` is a byte offset in the TOML text.
#[derive(Debug)]
pub(super) struct LoiToml {
    pub(super) at: usize,
    pub(super) vi: String,
    pub(super) en: String,
    pub(super) goi_y_vi: String,
    pub(super) goi_y_en: String,
}

/// What the toml crate said: its description and what it expected (`unexpected leading
/// zero`, `nothing`), with the span it pointed at.
struct Bao<'e> {
    mo_ta: &'e str,
    mong_doi: Option<&'e str>,
    span: Range<usize>,
    /// The crate's whole message, quoted when nothing better can be said.
    nguyen_van: &'e str,
}

/// The errors of `toml` as the reader reports them. `line_of` gives the line in the file of
/// a byte offset in `toml`. Errors that only follow from an unclosed list, table or string
/// (the lines after it read as its items) are left out: the unclosed one is reported where
/// it opens.
pub(super) fn dien_giai(
    toml: &str,
    errors: &[toml::de::Error],
    line_of: &dyn Fn(usize) -> usize,
) -> Vec<LoiToml> {
    let khoa = cac_khoa(toml);
    let mut out: Vec<LoiToml> = Vec::new();
    let mut bao: Vec<Bao<'_>> = errors
        .iter()
        .map(|e| {
            let message = e.message();
            let (mo_ta, mong_doi) = match message.split_once(", expected ") {
                Some((d, x)) => (d, Some(x)),
                None => (message, None),
            };
            let span = e.span().unwrap_or(0..0);
            // On character boundaries, inside the text, whatever the crate says.
            let floor = |mut i: usize| {
                i = i.min(toml.len());
                while !toml.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let start = floor(span.start);
            let span = start..floor(span.end).max(start);
            Bao { mo_ta, mong_doi, span, nguyen_van: message }
        })
        .collect();
    bao.sort_by_key(|b| b.span.start);
    // An unclosed list or inline table: its opener, and the errors after it are dropped.
    let mut bo_qua: Vec<Range<usize>> = Vec::new();
    let unclosed = |b: &Bao<'_>| matches!(b.mo_ta, "unclosed array" | "unclosed inline table");
    for b in bao.iter().filter(|b| unclosed(b)).take(NHIEU_NHAT) {
        let open = if b.mo_ta == "unclosed array" { '[' } else { '{' };
        if let Some(mo) = mo_gan_nhat(&khoa, toml, b.span.start, open) {
            bo_qua.push(mo..b.span.start);
        }
    }
    let kept: Vec<&Bao<'_>> = bao
        .iter()
        .filter(|b| unclosed(b) || !bo_qua.iter().any(|r| r.start < b.span.start && b.span.start <= r.end))
        .collect();
    for b in kept.iter().take(NHIEU_NHAT) {
        out.push(mot(toml, b, &khoa, &bo_qua, line_of));
    }
    // A file that is not TOML at all gives an error on every line: the first ones say enough.
    if let Some(next) = kept.get(NHIEU_NHAT) {
        let rest = kept.len() - NHIEU_NHAT;
        out.push(LoiToml {
            at: next.span.start,
            vi: format!("lỗi cú pháp TOML: còn {rest} lỗi nữa từ đây trở đi"),
            en: format!("TOML syntax error: {rest} more errors from here on"),
            goi_y_vi: "sửa các lỗi trên rồi kiểm tra lại: nhiều lỗi liền nhau thường do một dấu ngoặc kép hay ngoặc vuông chưa đóng, hoặc tệp không phải TOML".to_owned(),
            goi_y_en: "fix the errors above and check again: many errors in a row usually come from an unclosed quotation mark or bracket, or a file that is not TOML".to_owned(),
        });
    }
    out
}

/// How many syntax errors of a file are worded one by one.
const NHIEU_NHAT: usize = 50;

/// A key or table header of the TOML text: its full dotted path, where its name is, and where
/// its value starts (for a key).
#[derive(Debug)]
struct Khoa {
    path: String,
    ten: Range<usize>,
    bang: bool,
    gia_tri: Option<usize>,
}

/// Every key and table header of `toml`, in order, found line by line outside strings (a
/// rough reading, enough to name where something was first defined).
fn cac_khoa(toml: &str) -> Vec<Khoa> {
    let mut out = Vec::new();
    let mut bang = String::new();
    let mut mang: Vec<(String, usize)> = Vec::new();
    let mut trong_chuoi: Option<&'static str> = None;
    let mut pos = 0;
    for line in toml.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if let Some(delim) = trong_chuoi {
            match dong_chuoi_dai(line, delim) {
                Some(end) => trong_chuoi = quet_chuoi(&line[end..]),
                None => continue,
            }
            continue;
        }
        let trimmed = line.trim_start();
        let indent = start + line.len() - trimmed.len();
        if let Some(inner) = trimmed.strip_prefix('[') {
            let (mang_bang, inner, skip) = match inner.strip_prefix('[') {
                Some(i) => (true, i, 2),
                None => (false, inner, 1),
            };
            let Some((segs, ten, _)) = doc_khoa(inner, indent + skip) else { continue };
            let path = segs.join(".");
            let mut full = path.clone();
            if mang_bang {
                let n = match mang.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        mang.push((path.clone(), 0));
                        0
                    }
                };
                full = format!("{path}[{n}]");
            }
            out.push(Khoa { path, ten, bang: true, gia_tri: None });
            bang = format!("{full}.");
            continue;
        }
        let Some((segs, ten, after)) = doc_khoa(trimmed, indent) else {
            trong_chuoi = quet_chuoi(line);
            continue;
        };
        let rest = &toml[after..start + line.len()];
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            trong_chuoi = quet_chuoi(line);
            continue;
        };
        let value_at = start + line.len() - value.trim_start().len();
        let value_at = value_at.min(start + line.len());
        out.push(Khoa {
            path: format!("{bang}{}", segs.join(".")),
            ten,
            bang: false,
            gia_tri: Some(value_at),
        });
        trong_chuoi = quet_chuoi(value);
    }
    out
}

/// A dotted key at the start of `s` (which starts at byte `at`): its segments, the span of
/// the whole key, and where it ends.
fn doc_khoa(s: &str, at: usize) -> Option<(Vec<String>, Range<usize>, usize)> {
    let mut segs = Vec::new();
    let mut i = 0;
    let bytes = s.as_bytes();
    let mut first = None;
    loop {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let seg_start = i;
        match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let close = s[i + 1..].find(q as char)? + i + 1;
                segs.push(s[i + 1..close].to_owned());
                i = close + 1;
            }
            Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'-')
                {
                    i += 1;
                }
                segs.push(s[seg_start..i].to_owned());
            }
            _ => return None,
        }
        first.get_or_insert(seg_start);
        let mut j = i;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        if bytes.get(j) == Some(&b'.') {
            i = j + 1;
            continue;
        }
        return Some((segs, at + first.unwrap_or(0)..at + i, at + i));
    }
}

/// The end (byte after the closing delimiter) of a multi-line string closed on `line`.
fn dong_chuoi_dai(line: &str, delim: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = line[from..].find(delim) {
        let at = from + i;
        let escaped =
            delim == "\"\"\"" && line[..at].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
        if !escaped {
            // Up to two more quotes belong to the content.
            let extra = line[at + 3..].bytes().take_while(|&b| b == delim.as_bytes()[0]).count().min(2);
            return Some(at + 3 + extra);
        }
        from = at + 1;
    }
    None
}

/// Reads the strings of a line's rest: the delimiter of a multi-line string left open at its
/// end, if any.
fn quet_chuoi(s: &str) -> Option<&'static str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => return None,
            q @ (b'"' | b'\'') => {
                let delim: &'static str = if q == b'"' { "\"\"\"" } else { "'''" };
                if s[i..].starts_with(delim) {
                    match dong_chuoi_dai(&s[i + 3..], delim) {
                        Some(end) => i += 3 + end,
                        None => return Some(delim),
                    }
                    continue;
                }
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Where the list (`[`) or inline table (`{`) left open before `at` was opened: the value of
/// the last key before it that starts with `open` and is not closed before `at`.
fn mo_gan_nhat(khoa: &[Khoa], toml: &str, at: usize, open: char) -> Option<usize> {
    khoa.iter().rev().filter(|k| k.ten.start < at && !k.bang).find_map(|k| {
        let v = k.gia_tri?;
        let text = toml.get(v..at)?;
        (text.starts_with(open) && !dong_ngoac(text)).then_some(v)
    })
}

/// Whether the bracket that opens `s` is closed in it (strings and comments skipped).
fn dong_ngoac(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return true;
                }
            }
            b'#' => {
                i = s[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            q @ (b'"' | b'\'') => {
                let delim = if q == b'"' { "\"\"\"" } else { "\'\'\'" };
                if s[i..].starts_with(delim) {
                    match dong_chuoi_dai(&s[i + 3..], delim) {
                        Some(end) => i += 3 + end,
                        None => return false,
                    }
                    continue;
                }
                i += 1;
                while i < bytes.len() && bytes[i] != q && bytes[i] != b'\n' {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// The line of `toml` around byte `at`: its text and where it starts.
fn dong(toml: &str, at: usize) -> (&str, usize) {
    let at = at.min(toml.len());
    let start = toml[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = toml[at..].find('\n').map_or(toml.len(), |i| at + i);
    (toml[start..end].trim_end_matches('\r'), start)
}

/// The key written at the start of a line (`so` in `so = 05`), when it is a plain key.
fn khoa_dong(line: &str) -> Option<&str> {
    let (k, _) = line.split_once('=')?;
    let k = k.trim();
    (!k.is_empty()
        && k.len() <= 60
        && k.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
    .then_some(k)
}

/// The last segment of a dotted key.
fn la(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// The value written after `=` on a line, without a comment after it (a rough reading, for
/// hints).
fn gia_tri_dong(line: &str) -> &str {
    let Some((_, v)) = line.split_once('=') else { return "" };
    let v = v.trim();
    if v.starts_with(['"', '\'']) { v } else { v.split(" #").next().unwrap_or(v).trim() }
}

fn ngan(s: &str) -> String {
    crate::text::ngan(s)
}

/// Vietnamese for what the date parser expected (`month between 01 and 12`); `None` for
/// words it does not know.
fn mong_doi_ngay(e: &str) -> Option<String> {
    const CAC: &[(&str, &str)] = &[
        ("a four-digit year (YYYY)", "năm có bốn chữ số (YYYY)"),
        ("a two-digit month (MM)", "tháng có hai chữ số (MM)"),
        ("a two-digit day (DD)", "ngày có hai chữ số (DD)"),
        ("a two-digit hour (HH)", "giờ có hai chữ số (HH)"),
        ("a two-digit minute (MM)", "phút có hai chữ số (MM)"),
        ("a two-digit second (SS)", "giây có hai chữ số (SS)"),
        ("month between 01 and 12", "tháng từ 01 đến 12"),
        ("hour between 00 and 23", "giờ từ 00 đến 23"),
        ("hours between 00 and 23", "giờ lệch từ 00 đến 23"),
        ("minute between 00 and 59", "phút từ 00 đến 59"),
        ("minutes between 00 and 59", "phút lệch từ 00 đến 59"),
        ("second between 00 and 60", "giây từ 00 đến 60"),
        ("`T` between date and time", "chữ “T” giữa ngày và giờ"),
    ];
    if let Some((_, vi)) = CAC.iter().find(|(en, _)| *en == e) {
        return Some((*vi).to_owned());
    }
    let n = e.strip_prefix("day between 01 and ")?;
    n.parse::<u32>().ok().map(|n| format!("ngày từ 01 đến {n}"))
}

/// One error, worded.
fn mot(
    toml: &str,
    b: &Bao<'_>,
    khoa: &[Khoa],
    bo_qua: &[Range<usize>],
    line_of: &dyn Fn(usize) -> usize,
) -> LoiToml {
    let at = b.span.start;
    let (line, line_start) = dong(toml, at);
    let key = khoa_dong(line);
    let gia_tri = gia_tri_dong(line);
    let tok = toml.get(b.span.clone()).unwrap_or("").trim();
    // The hint for a line `key = value` whose value is a date written another way
    // (`15/07/2024`): the same date in the form vanban reads, under the same key.
    let ngay_goi_y = key.and_then(|k| {
        let v = gia_tri.trim_matches(['"', '\'', '“', '”']);
        crate::ngay::goi_y(v).map(|iso| format!("{} = \"{iso}\"", la(k)))
    });
    let loi = |vi: String, en: String, gy_vi: String, gy_en: String| LoiToml {
        at,
        vi,
        en,
        goi_y_vi: gy_vi,
        goi_y_en: gy_en,
    };
    let chung = || {
        (
            "kiểm tra dấu ngoặc kép, dấu bằng và dấu ngoặc vuông trên dòng này".to_owned(),
            "check the quotation marks, equals signs and square brackets on this line".to_owned(),
        )
    };
    let c = Ngu { toml, b, khoa, bo_qua, line_of, at, line, line_start, key, gia_tri, tok, ngay_goi_y };
    let mut r = match so(&c).or_else(|| chuoi(&c)).or_else(|| khoa_va_bang(&c)).or_else(|| mang_va_ngay(&c)) {
        Some(r) => r,
        None => {
            // A kind this reader does not know: the crate's own words, quoted.
            let (gy_vi, gy_en) = chung();
            return loi(
                format!("lỗi cú pháp TOML (chi tiết từ bộ đọc TOML: “{}”)", ngan(b.nguyen_van)),
                format!("TOML syntax error: {}", ngan(b.nguyen_van)),
                gy_vi,
                gy_en,
            );
        }
    };
    r.vi = format!("lỗi cú pháp TOML: {}", r.vi);
    r.en = format!("TOML syntax error: {}", r.en);
    r
}

/// What every wording of one error may draw on.
struct Ngu<'a> {
    toml: &'a str,
    b: &'a Bao<'a>,
    khoa: &'a [Khoa],
    bo_qua: &'a [Range<usize>],
    line_of: &'a dyn Fn(usize) -> usize,
    at: usize,
    line: &'a str,
    line_start: usize,
    key: Option<&'a str>,
    gia_tri: &'a str,
    tok: &'a str,
    ngay_goi_y: Option<String>,
}

impl Ngu<'_> {
    /// The error worded, with its hint.
    fn loi(&self, vi: String, en: String, gy_vi: String, gy_en: String) -> LoiToml {
        LoiToml { at: self.at, vi, en, goi_y_vi: gy_vi, goi_y_en: gy_en }
    }
}

/// Numbers and the leading zero, duplicates, values. `None` for a kind another group words.
fn so(c: &Ngu<'_>) -> Option<LoiToml> {
    let line_start = c.line_start;
    let toml = c.toml;
    let b = c.b;
    let khoa = c.khoa;
    let line_of = c.line_of;
    let at = c.at;
    let key = c.key;
    let gia_tri = c.gia_tri;
    let tok = c.tok;
    let ngay_goi_y = c.ngay_goi_y.clone();
    let loi = |vi, en, gy_vi, gy_en| c.loi(vi, en, gy_vi, gy_en);
    Some(match (c.b.mo_ta, c.b.mong_doi) {
        ("unexpected leading zero", _) => {
            let digits: String = gia_tri
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '_')
                .filter(|c| *c != '_')
                .collect();
            let n = digits.trim_start_matches('0');
            let n = ngan(if n.is_empty() { "0" } else { n });
            let shown = ngan(if digits.is_empty() { tok } else { &digits });
            let (gy_vi, gy_en) = match key {
                Some(k) if la(k) == crate::khoa::SO.ten => (
                    format!("viết so = {n}: vanban tự in số có hai chữ số (“0{n}” khi số nhỏ hơn 10)"),
                    format!(
                        "write so = {n}: vanban prints the number with two digits itself (“0{n}” below 10)"
                    ),
                ),
                Some(k) => (format!("viết {} = {n}", la(k)), format!("write {} = {n}", la(k))),
                None => ("bỏ các chữ số 0 ở đầu số".to_owned(), "remove the leading zeros".to_owned()),
            };
            loi(
                format!("số “{shown}” không được viết có chữ số 0 ở đầu"),
                format!("the number “{shown}” must not be written with a leading zero"),
                gy_vi,
                gy_en,
            )
        }
        ("duplicate key", _) => trung_khoa(toml, at, khoa, line_of),
        (
            "invalid integer number"
            | "invalid fraction"
            | "invalid mantissa"
            | "invalid exponent"
            | "`_` may only go between digits"
            | "redundant numeric sign"
            | "unexpected sign"
            | "radix must be lowercase"
            | "integers with a radix cannot be signed"
            | "redundant integer number prefix"
            | "invalid hexadecimal number"
            | "invalid binary number"
            | "invalid octal number"
            | "invalid float",
            _,
        ) => {
            let (vi, en) = match b.mo_ta {
                "invalid fraction" => {
                    ("sau dấu chấm thập phân phải có chữ số", "a decimal point must be followed by digits")
                }
                "invalid mantissa" => {
                    ("trước dấu chấm thập phân phải có chữ số", "a decimal point must come after digits")
                }
                "invalid exponent" => ("sau chữ “e” phải có số mũ", "an “e” must be followed by an exponent"),
                "`_` may only go between digits" => {
                    ("dấu “_” chỉ được đứng giữa hai chữ số", "an “_” may only stand between two digits")
                }
                "redundant numeric sign" | "unexpected sign" | "integers with a radix cannot be signed" => {
                    ("dấu “+” hoặc “-” đặt sai chỗ", "a “+” or “-” sign is out of place")
                }
                _ => ("chỉ gồm chữ số", "it may hold only digits"),
            };
            let shown = if gia_tri.is_empty() { tok } else { gia_tri };
            let (gy_vi, gy_en) = match &ngay_goi_y {
                Some(h) => (format!("viết {h}"), format!("write {h}")),
                None => (
                    "số chỉ gồm chữ số, như so = 5 hoặc dau_mm = 36.5; chữ thì đặt trong dấu ngoặc kép \"…\"".to_owned(),
                    "a number has only digits, as in so = 5 or dau_mm = 36.5; text goes in double quotes \"…\"".to_owned(),
                ),
            };
            loi(
                format!("giá trị “{}” viết không đúng cách viết số: {vi}", ngan(shown)),
                format!("the value “{}” is not a valid number: {en}", ngan(shown)),
                gy_vi,
                gy_en,
            )
        }
        ("invalid boolean", _) => loi(
            format!("giá trị đúng/sai “{}” chỉ viết là true hoặc false (chữ thường)", ngan(tok)),
            format!("a true/false value “{}” is written true or false (lower case)", ngan(tok)),
            "ví dụ: du_thao = true; nếu là chữ thì đặt trong dấu ngoặc kép \"…\"".to_owned(),
            "for example: du_thao = true; if it is text, put it in double quotes \"…\"".to_owned(),
        ),
        ("string values must be quoted", _) if tok.is_empty() => {
            let k = key.map_or("khoa", la);
            let k_en = key.map_or("key", la);
            loi(
                "thiếu giá trị sau dấu “=”".to_owned(),
                "the value after “=” is missing".to_owned(),
                format!("ghi giá trị sau dấu bằng, như {k} = \"…\", hoặc xóa dòng này"),
                format!("write the value after the equals sign, as in {k_en} = \"…\", or remove this line"),
            )
        }
        ("string values must be quoted", _) => {
            let typographic = tok.starts_with(['“', '‘', '”']);
            let inner = tok.trim_matches(['“', '”', '‘', '’']);
            // After `key =`: the whole line can be shown as it should be.
            let after_key = toml[line_start..at].trim_end().ends_with('=');
            let fixed = match (&ngay_goi_y, key) {
                (Some(h), _) => h.clone(),
                (None, Some(k)) if after_key => format!("{} = \"{}\"", la(k), ngan(inner)),
                _ => format!("\"{}\"", ngan(inner)),
            };
            let (vi, en) = if typographic {
                (
                    format!(
                        "chuỗi phải đặt trong dấu ngoặc kép thẳng \"…\", không phải dấu ngoặc kép cong “…”: {}",
                        ngan(tok)
                    ),
                    format!(
                        "a string must be in straight double quotes \"…\", not curly quotes “…”: {}",
                        ngan(tok)
                    ),
                )
            } else {
                (
                    format!("chữ phải đặt trong dấu ngoặc kép: “{}”", ngan(tok)),
                    format!("text must be put in double quotes: “{}”", ngan(tok)),
                )
            };
            loi(vi, en, format!("viết {fixed}"), format!("write {fixed}"))
        }
        _ => return None,
    })
}

/// Strings and their escapes. `None` for a kind another group words.
fn chuoi(c: &Ngu<'_>) -> Option<LoiToml> {
    let toml = c.toml;
    let b = c.b;
    let at = c.at;
    let loi = |vi, en, gy_vi, gy_en| c.loi(vi, en, gy_vi, gy_en);
    Some(match (c.b.mo_ta, c.b.mong_doi) {
        ("invalid basic string" | "invalid literal string", Some("`\"`" | "`'`")) => {
            let q = if b.mo_ta == "invalid basic string" { "\"" } else { "'" };
            loi(
                format!("chuỗi mở bằng dấu {q} nhưng không có dấu {q} đóng trên cùng dòng"),
                format!("the string opens with {q} but has no closing {q} on the same line"),
                format!("thêm dấu {q} ở cuối giá trị; chuỗi nhiều dòng thì viết trong {q}{q}{q} … {q}{q}{q}"),
                format!(
                    "add a {q} at the end of the value; write a string of several lines between {q}{q}{q} … {q}{q}{q}"
                ),
            )
        }
        ("invalid multi-line basic string" | "invalid multi-line literal string", Some("`\"`" | "`'`")) => {
            let q = if b.mo_ta == "invalid multi-line basic string" { "\"\"\"" } else { "'''" };
            let mut r = loi(
                format!("chuỗi nhiều dòng mở bằng {q} nhưng không có {q} đóng lại"),
                format!("the string of several lines opens with {q} but is never closed with {q}"),
                format!("thêm một dòng {q} sau dòng cuối của chuỗi (ví dụ sau dòng cuối của noi_dung)"),
                format!(
                    "add a line {q} after the last line of the string (for example after the last line of noi_dung)"
                ),
            );
            // Reported where it opens: the last such delimiter before the end.
            if let Some(open) = toml[..at].rfind(q) {
                r.at = open;
            }
            r
        }
        (
            "invalid basic string"
            | "invalid literal string"
            | "invalid multi-line basic string"
            | "invalid multi-line literal string"
            | "invalid comment character",
            _,
        ) => {
            let c = toml.get(at..).and_then(|s| s.chars().next()).unwrap_or('\u{FFFD}');
            let code = format!("U+{:04X}", c as u32);
            let (vi, en) = if b.mo_ta == "invalid comment character" {
                (
                    format!("chú thích (sau dấu “#”) có ký tự điều khiển {code}"),
                    format!("the comment (after “#”) holds the control character {code}"),
                )
            } else {
                (
                    format!("chuỗi có ký tự điều khiển {code}, không được gõ trực tiếp trong chuỗi"),
                    format!(
                        "the string holds the control character {code}, which may not be typed inside a string"
                    ),
                )
            };
            loi(vi, en, "xóa ký tự này".to_owned(), "delete this character".to_owned())
        }
        ("missing escaped value", _) => {
            let c = toml.get(at..).and_then(|s| s.chars().next());
            let shown = c.map_or_else(|| "\\".to_owned(), |c| format!("\\{c}"));
            loi(
                format!("“{shown}” không phải mã thoát hợp lệ trong chuỗi \"…\""),
                format!("“{shown}” is not a valid escape in a \"…\" string"),
                "để in dấu \\ hãy viết \\\\ (như \"C:\\\\thu-muc\"), hoặc dùng chuỗi '…', trong đó \\ là chữ thường".to_owned(),
                "to print a \\ write \\\\ (as in \"C:\\\\thu-muc\"), or use a '…' string, where \\ is an ordinary character".to_owned(),
            )
        }
        ("too few unicode value digits" | "invalid value", Some("unicode hexadecimal value")) => loi(
            "mã \\u cần đúng 4 chữ số thập lục phân (\\U cần 8) và phải chỉ một ký tự có thật".to_owned(),
            "\\u takes exactly 4 hexadecimal digits (\\U takes 8) naming a real character".to_owned(),
            "ví dụ \\u00E0 là “à”; để in dấu \\ hãy viết \\\\".to_owned(),
            "for example \\u00E0 is “à”; to print a \\ write \\\\".to_owned(),
        ),
        _ => return None,
    })
}

/// Keys, assignments, tables and arrays. `None` for a kind another group words.
fn khoa_va_bang(c: &Ngu<'_>) -> Option<LoiToml> {
    let bo_qua = c.bo_qua;
    let b = c.b;
    let at = c.at;
    let line = c.line;
    let loi = |vi, en, gy_vi, gy_en| c.loi(vi, en, gy_vi, gy_en);
    Some(match (c.b.mo_ta, c.b.mong_doi) {
        ("key with no value" | "missing assignment between key-value pairs", _) => {
            let head = line.trim();
            let spaced = head.split_once(char::is_whitespace).map(|(a, _)| a).filter(|a| {
                a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
                    && head[a.len()..].trim_start().split_once('=').is_some()
            });
            let (gy_vi, gy_en) = if let (Some(_), Some((k, v))) = (spaced, head.split_once('=')) {
                let k = ngan(&k.trim().replace(char::is_whitespace, "_"));
                let v = ngan(v.trim());
                (format!("tên khóa không có dấu cách: {k} = {v}"), format!("a key has no spaces: {k} = {v}"))
            } else if !head.contains('=') {
                (
                    "mỗi dòng viết: khóa = giá trị, như dia_danh = \"Phong Thổ\"; nếu đây là nội dung văn bản, đặt nó trong noi_dung = \"\"\" … \"\"\"".to_owned(),
                    "each line reads key = value, as in dia_danh = \"Phong Thổ\"; if this is the text of the document, put it inside noi_dung = \"\"\" … \"\"\"".to_owned(),
                )
            } else {
                (
                    "mỗi dòng viết: khóa = giá trị, như dia_danh = \"Phong Thổ\"".to_owned(),
                    "each line reads key = value, as in dia_danh = \"Phong Thổ\"".to_owned(),
                )
            };
            loi(
                "thiếu dấu “=” giữa khóa và giá trị".to_owned(),
                "an “=” is missing between the key and its value".to_owned(),
                gy_vi,
                gy_en,
            )
        }
        ("extra `=`" | "extra assignment between key-value pairs", _) => loi(
            "thừa dấu “=”".to_owned(),
            "there is one “=” too many".to_owned(),
            "giữa khóa và giá trị chỉ có một dấu “=”, như so = 5".to_owned(),
            "a key and its value are separated by a single “=”, as in so = 5".to_owned(),
        ),
        ("unexpected `=` in array", _) => loi(
            "danh sách chứa dấu “=”: có thể danh sách ở dòng trên chưa được đóng bằng “]”".to_owned(),
            "a list holds an “=”: the list on a line above may not be closed with “]”".to_owned(),
            "đóng danh sách bằng “]” sau mục cuối cùng".to_owned(),
            "close the list with “]” after its last item".to_owned(),
        ),
        ("unquoted keys cannot be empty", _) => loi(
            "thiếu tên khóa".to_owned(),
            "a key name is missing".to_owned(),
            "viết tên khóa trước dấu “=”, như dia_danh = \"Phong Thổ\"; tên bảng trong [ ] cũng không được để trống".to_owned(),
            "write the key's name before the “=”, as in dia_danh = \"Phong Thổ\"; a table's name in [ ] may not be empty either".to_owned(),
        ),
        ("invalid unquoted key" | "invalid key", _) => {
            let written = line.split('=').next().unwrap_or(line).trim();
            let written = written.trim_start_matches('[').trim_end_matches(']');
            let ascii = ngan(&super::fields::khong_dau(written).replace(['-', ' '], "_"));
            let (gy_vi, gy_en) = if line.contains('=') && !ascii.is_empty() && ascii != written {
                (
                    format!("tên khóa viết không dấu, như {ascii}"),
                    format!("write key names without diacritics, as in {ascii}"),
                )
            } else {
                (
                    "mỗi dòng viết: khóa = giá trị; nếu đây là nội dung văn bản, đặt nó trong noi_dung = \"\"\" … \"\"\"".to_owned(),
                    "each line reads key = value; if this is the text of the document, put it inside noi_dung = \"\"\" … \"\"\"".to_owned(),
                )
            };
            loi(
                format!(
                    "tên khóa “{}” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, “_” và “-”",
                    ngan(written)
                ),
                format!(
                    "the key “{}” is not valid: it may hold only letters without diacritics, digits, “_” and “-”",
                    ngan(written)
                ),
                gy_vi,
                gy_en,
            )
        }
        ("unclosed table" | "unclosed array table", _) => {
            let name = ngan(line.trim().trim_start_matches('[').trim_end_matches(']').trim());
            let (o, c) = if b.mo_ta == "unclosed table" { ("[", "]") } else { ("[[", "]]") };
            loi(
                format!("tên bảng mở bằng “{o}” nhưng thiếu “{c}” đóng"),
                format!("the table name opens with “{o}” but has no closing “{c}”"),
                format!("viết {o}{name}{c}"),
                format!("write {o}{name}{c}"),
            )
        }
        ("unclosed array" | "unclosed inline table", _) => {
            let (o, c, vi, en) = if b.mo_ta == "unclosed array" {
                ("[", "]", "danh sách", "the list")
            } else {
                ("{", "}", "bảng viết trên một dòng", "the inline table")
            };
            let opened = bo_qua.iter().find(|r| r.end == at).map(|r| r.start);
            let mut r = loi(
                format!("{vi} mở bằng “{o}” nhưng không có “{c}” đóng lại"),
                format!("{en} opens with “{o}” but is never closed with “{c}”"),
                format!("thêm “{c}” sau mục cuối cùng, như luu = [\"VT\", \"NV\"]"),
                format!("add “{c}” after its last item, as in luu = [\"VT\", \"NV\"]"),
            );
            if let Some(o) = opened {
                r.at = o;
            }
            r
        }
        ("missing comma between array elements", _) => loi(
            "thiếu dấu phẩy giữa hai mục của danh sách".to_owned(),
            "a comma is missing between two items of the list".to_owned(),
            "ngăn các mục bằng dấu phẩy, như gui = [\"Như trên\", \"Lãnh đạo UBND huyện\"]".to_owned(),
            "separate the items with commas, as in gui = [\"Như trên\", \"Lãnh đạo UBND huyện\"]".to_owned(),
        ),
        ("extra comma in array" | "extra comma in inline table", _) => loi(
            "thừa dấu phẩy (hai dấu phẩy liền nhau, hoặc dấu phẩy không có mục nào trước)".to_owned(),
            "there is an extra comma (two commas in a row, or a comma with no item before it)".to_owned(),
            "xóa dấu phẩy thừa".to_owned(),
            "remove the extra comma".to_owned(),
        ),
        ("missing comma between key-value pairs", _) => loi(
            "thiếu dấu phẩy giữa hai khóa của bảng viết trên một dòng".to_owned(),
            "a comma is missing between two keys of the inline table".to_owned(),
            "viết { a = 1, b = 2 }, hoặc viết bảng thành một phần [ten_bang] riêng".to_owned(),
            "write { a = 1, b = 2 }, or write the table as a section [table_name] of its own".to_owned(),
        ),
        _ => return None,
    })
}

/// What is left: stray keys, line ends, depth, dates. `None` for a kind another group words.
fn mang_va_ngay(c: &Ngu<'_>) -> Option<LoiToml> {
    let b = c.b;
    let line = c.line;
    let key = c.key;
    let tok = c.tok;
    let ngay_goi_y = c.ngay_goi_y.clone();
    let loi = |vi, en, gy_vi, gy_en| c.loi(vi, en, gy_vi, gy_en);
    Some(match (c.b.mo_ta, c.b.mong_doi) {
        ("unexpected key or value", _) => {
            let quoted = line.matches('"').count() > 2;
            let (gy_vi, gy_en) = if quoted {
                (
                    "chuỗi có dấu ngoặc kép bên trong thì dùng dấu “ ” cong, hoặc viết \\\", hoặc đặt cả chuỗi trong '…'".to_owned(),
                    "for quotation marks inside a string use curly “ ”, or write \\\", or put the whole string in '…'".to_owned(),
                )
            } else {
                (
                    "mỗi khóa viết trên một dòng riêng; giá trị có nhiều chữ thì đặt trong dấu ngoặc kép \"…\"".to_owned(),
                    "write each key on a line of its own; a value of several words goes in double quotes \"…\"".to_owned(),
                )
            };
            loi(
                "sau giá trị còn chữ thừa trên cùng dòng".to_owned(),
                "there is more text after the value on this line".to_owned(),
                gy_vi,
                gy_en,
            )
        }
        ("carriage return must be followed by newline", _) => loi(
            "có ký tự CR (U+000D) đứng riêng, không đi cùng ký tự xuống dòng".to_owned(),
            "there is a lone carriage return (U+000D) not followed by a line break".to_owned(),
            "lưu lại tệp với kiểu xuống dòng LF hoặc CRLF".to_owned(),
            "save the file again with LF or CRLF line endings".to_owned(),
        ),
        ("cannot recurse further; max recursion depth met" | "recursion limit", _) => loi(
            "danh sách hoặc bảng lồng nhau quá nhiều tầng".to_owned(),
            "lists or tables are nested too deeply".to_owned(),
            "văn bản chỉ cần danh sách chuỗi và các bảng [ten_bang]; bỏ các tầng lồng thừa".to_owned(),
            "a document needs only lists of strings and [table] sections; remove the extra nesting"
                .to_owned(),
        ),
        (d, _) if d.starts_with("cannot extend value of type") => {
            let k = key.map_or(tok, |k| k.rsplit_once('.').map_or(k, |(a, _)| a));
            loi(
                format!("khóa “{}” đã có giá trị, không thêm khóa con vào nó được", ngan(k)),
                format!("the key “{}” already has a value and cannot take keys of its own", ngan(k)),
                "đổi tên một trong hai khóa, hoặc bỏ khóa thừa".to_owned(),
                "rename one of the two keys, or remove the extra one".to_owned(),
            )
        }
        (d, e)
            if d.starts_with("invalid date")
                || d.starts_with("invalid time")
                || d == "invalid offset"
                || d == "invalid datetime" =>
        {
            let detail_vi = e.and_then(mong_doi_ngay);
            let (vi, en) = match (detail_vi, e) {
                (Some(v), Some(e)) => (
                    format!("ngày giờ “{}” viết không đúng: cần {v}", ngan(tok)),
                    format!("the date or time “{}” is not valid: expected {e}", ngan(tok)),
                ),
                _ => (
                    format!("ngày giờ “{}” viết không đúng (chi tiết: “{}”)", ngan(tok), ngan(b.nguyen_van)),
                    format!("the date or time “{}” is not valid ({})", ngan(tok), ngan(b.nguyen_van)),
                ),
            };
            let (gy_vi, gy_en) = match &ngay_goi_y {
                Some(h) => (format!("viết {h}"), format!("write {h}")),
                None => (
                    "viết ngày dạng \"2024-03-05\", giờ dạng 2024-03-05T14:30:15+07:00".to_owned(),
                    "write a date as \"2024-03-05\" and a time as 2024-03-05T14:30:15+07:00".to_owned(),
                ),
            };
            loi(vi, en, gy_vi, gy_en)
        }
        _ => return None,
    })
}

/// A key or table given twice at `at`: which, and the line of its first definition.
fn trung_khoa(toml: &str, at: usize, khoa: &[Khoa], line_of: &dyn Fn(usize) -> usize) -> LoiToml {
    let here = khoa.iter().rev().find(|k| k.ten.start <= at && at <= k.ten.end);
    let first = here.and_then(|h| {
        khoa.iter().take_while(|k| k.ten.start < h.ten.start).find(|k| {
            k.path.strip_prefix(h.path.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    });
    let name = match here {
        Some(h) => h.path.clone(),
        None => toml
            .get(at..)
            .map_or("", |s| s.split(|c: char| c.is_whitespace() || c == '=' || c == ']').next().unwrap_or(""))
            .to_owned(),
    };
    let name = ngan(name.trim_matches('"'));
    let bang = here.is_some_and(|h| h.bang);
    let (what_vi, what_en) = if bang {
        (format!("bảng [{name}]"), format!("the table [{name}]"))
    } else {
        (format!("khóa “{name}”"), format!("the key “{name}”"))
    };
    let (vi, en) = match first {
        Some(f) => {
            let n = line_of(f.ten.start);
            (
                format!("{what_vi} được ghi hai lần; lần đầu ở dòng {n}"),
                format!("{what_en} is given twice; first on line {n}"),
            )
        }
        None => (format!("{what_vi} được ghi hai lần"), format!("{what_en} is given twice")),
    };
    let (gy_vi, gy_en) = if bang {
        (
            format!("gộp các khóa vào một bảng [{name}] duy nhất"),
            format!("put all its keys under a single [{name}]"),
        )
    } else {
        ("giữ một dòng, xóa dòng kia".to_owned(), "keep one of the two lines and delete the other".to_owned())
    };
    LoiToml { at, vi, en, goi_y_vi: gy_vi, goi_y_en: gy_en }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loi(toml: &str) -> Vec<LoiToml> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(toml);
        let index = crate::diagnostics::LineIndex::new(toml);
        dien_giai(toml, &errors, &|at| index.position(at).0)
    }

    #[test]
    fn keys_and_headers_are_found_outside_strings() {
        let k = cac_khoa(
            "a = 1\nnoi_dung = \"\"\"\nb = 2\n\"\"\"\n[co_quan]\nten = [\"x\"]\n[[phu_luc]]\nten = 'y'\n[[phu_luc]]\n\"ten\" = 'z' # c\n",
        );
        let paths: Vec<&str> = k.iter().map(|k| k.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "a",
                "noi_dung",
                "co_quan",
                "co_quan.ten",
                "phu_luc",
                "phu_luc[0].ten",
                "phu_luc",
                "phu_luc[1].ten"
            ]
        );
    }

    #[test]
    fn every_kind_is_worded_in_both_languages() {
        for toml in [
            "so = 05",
            "so = 1__0",
            "a = 1.",
            "a = TRUE",
            "a = ",
            "dia_danh = Phong Thổ",
            "a = “x”",
            "a = \"abc",
            "a = 'abc",
            "a = \"\"\"\nabc",
            "a = \"a\\qb\"",
            "a = \"\\u12\"",
            "a \"x\"",
            "a == 1",
            "= 1",
            "loại = 1",
            "[co_quan",
            "[[phu_luc]",
            "a = [1, 2\nb = 3",
            "a = {x = 1",
            "a = [\"x\" \"y\"]",
            "a = [\"x\",,]",
            "a = \"x\" \"y\"",
            "a = 1\r",
            "a = 1 # c\u{7}",
            "a = \"x\u{7}\"",
            "a = 1\na.b = 2",
            "ngay = 2024-13-01",
            "a = 1\na = 2",
        ] {
            let e = loi(toml);
            assert!(!e.is_empty(), "{toml:?}");
            for e in e {
                assert!(e.vi.starts_with("lỗi cú pháp TOML: "), "{toml:?}: {}", e.vi);
                assert!(!e.vi.contains("expected") && !e.vi.contains("chi tiết"), "{toml:?}: {}", e.vi);
                assert!(e.en.starts_with("TOML syntax error: "), "{toml:?}: {}", e.en);
                assert!(!e.goi_y_vi.is_empty() && !e.goi_y_en.is_empty(), "{toml:?}");
            }
        }
    }

    #[test]
    fn a_leading_zero_is_explained_with_the_number_to_write() {
        let e = &loi("so = 05")[0];
        assert_eq!(e.vi, "lỗi cú pháp TOML: số “05” không được viết có chữ số 0 ở đầu");
        assert!(e.goi_y_vi.starts_with("viết so = 5:"), "{}", e.goi_y_vi);
        assert!(e.goi_y_en.starts_with("write so = 5:"), "{}", e.goi_y_en);
        assert!(loi("so_ban = 0300")[0].goi_y_vi.starts_with("viết so_ban = 300"));
    }

    #[test]
    fn a_key_given_twice_names_the_line_of_the_first() {
        let e = &loi("a = 1\nngay = \"2024\"\nb = 2\nngay = \"2025\"\n")[0];
        assert_eq!(e.vi, "lỗi cú pháp TOML: khóa “ngay” được ghi hai lần; lần đầu ở dòng 2");
        assert_eq!(e.en, "TOML syntax error: the key “ngay” is given twice; first on line 2");
        let e = &loi("[co_quan]\nten = 'a'\n[nguoi_ky]\nho_ten = 'b'\n[co_quan]\nviet_tat = 'c'\n")[0];
        assert_eq!(e.vi, "lỗi cú pháp TOML: bảng [co_quan] được ghi hai lần; lần đầu ở dòng 1");
        // The same key in two tables is no duplicate; twice in one is.
        let e = &loi("[co_quan]\nten = 'a'\n[nguoi_ky]\nten = 'b'\nho_ten = 'x'\nten = 'c'\n")[0];
        assert!(e.vi.ends_with("khóa “nguoi_ky.ten” được ghi hai lần; lần đầu ở dòng 4"), "{}", e.vi);
        // A key inside a string is not a definition.
        let e = &loi("noi_dung = \"\"\"\nngay = 1\n\"\"\"\nngay = 1\nngay = 2\n")[0];
        assert!(e.vi.ends_with("lần đầu ở dòng 4"), "{}", e.vi);
    }

    #[test]
    fn an_unclosed_list_is_reported_once_where_it_opens() {
        let toml = "loai = \"cong-van\"\nkinh_gui = [\n  \"A\",\n  \"B\"\nngay = \"2024\"\n";
        let e = loi(toml);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].at, toml.find('[').unwrap());
        assert!(e[0].vi.contains("danh sách mở bằng “[”"), "{}", e[0].vi);
        let toml = "a = 1\nnoi_dung = \"\"\"\nĐoạn.\n";
        let e = loi(toml);
        assert_eq!(e[0].at, toml.find("\"\"\"").unwrap());
    }

    #[test]
    fn a_file_of_errors_is_worded_up_to_a_limit_and_quickly() {
        let toml = "a = 1\n".repeat(100_000);
        let start = std::time::Instant::now();
        let e = loi(&toml);
        assert_eq!(e.len(), NHIEU_NHAT + 1);
        let rest = format!("còn {} lỗi nữa", 100_000 - 1 - NHIEU_NHAT);
        assert!(e[NHIEU_NHAT].vi.contains(&rest), "{}", e[NHIEU_NHAT].vi);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
        // Words from a long line are cut.
        let e = loi(&format!("[{}", "x".repeat(10_000)));
        assert!(e[0].goi_y_vi.chars().count() < 200, "{}", e[0].goi_y_vi);
    }

    #[test]
    fn hints_reuse_what_was_typed() {
        assert_eq!(loi("ngay = 15/07/2024")[0].goi_y_vi, "viết ngay = \"2024-07-15\"");
        assert_eq!(loi("ngay = 15.07.2024")[0].goi_y_vi, "viết ngay = \"2024-07-15\"");
        assert_eq!(loi("tu_ngay = 2024-7-1")[0].goi_y_vi, "viết tu_ngay = \"2024-07-01\"");
        assert_eq!(loi("dia_danh = Phong Thổ")[0].goi_y_vi, "viết dia_danh = \"Phong Thổ\"");
        assert_eq!(loi("dia_danh = “Phong Thổ”")[0].goi_y_en, "write dia_danh = \"Phong Thổ\"");
        assert!(loi("trich yeu = \"x\"")[0].goi_y_vi.contains("trich_yeu = \"x\""));
        assert!(loi("loại = \"x\"")[0].goi_y_vi.contains("loai"));
        let e = &loi("ngay = 2024-02-30")[0];
        assert!(e.vi.contains("cần ngày từ 01 đến 29"), "{}", e.vi);
    }

    #[test]
    fn an_unknown_error_quotes_the_crate() {
        let b = Bao { mo_ta: "something new", mong_doi: None, span: 0..0, nguyen_van: "something new" };
        let r = mot("a = 1", &b, &[], &[], &|_| 1);
        assert_eq!(r.vi, "lỗi cú pháp TOML (chi tiết từ bộ đọc TOML: “something new”)");
        assert_eq!(r.en, "TOML syntax error: something new");
    }
}
