//! `render schema`: the JSON Schema of the document file, for editors (taplo / Even Better
//! TOML) to complete keys, show what each means and flag mistakes while typing.
//!
//! Generated from the key definitions of `vanban-core` ([`vanban_core::khoa`]): each key's
//! type, limits, meaning, sample value and the types that require or refuse it. The reader
//! stays the authority: a few checks (a date that does not exist, the limits of the body's
//! Markdown) only it makes. Draft-07, the newest dialect taplo's validator recognises from
//! `$schema`; keywords newer than draft-04 are only used where ignoring them makes the schema
//! more lenient, never wrong (`if`/`then`).

use std::io::Write;

use serde_json::{Map, Value, json};
use vanban_core::khoa::{self, BAN_SAO, CoMat, DON_VI_SOAN_THAO, DU_THAO, Dang, KY_HIEU, KY_SO, Khoa, Kieu};
use vanban_core::{LoaiVanBan, TienTo, limits};

/// Prints the schema on standard output: of a document file, or of a shared file when
/// `dung_chung`. Returns whether it was written.
pub fn run(dung_chung: bool) -> bool {
    let schema = if dung_chung { schema_dung_chung() } else { schema() };
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => true,
        // The reader stopped reading (`render schema | head`): what it wanted it has.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let (vi, en) = vanban_core::ly_do_io(&e);
            let _ = writeln!(
                std::io::stderr(),
                "lỗi: không ghi được lược đồ ra đầu ra chuẩn ({vi}) / error: cannot write the schema to standard output ({en})"
            );
            false
        }
    }
}

/// One character of an abbreviation group: what `char::is_alphanumeric` accepts, `.` and `&`.
/// Without `\p{…}` (not in every editor's regex dialect): anything but white space and the
/// ASCII punctuation other than `.` and `&`.
const NHOM: &str = r"[^\s!-%'-,\-/:-@\[-`{-~]";

/// A ký hiệu or an abbreviation: groups joined by `-`, no spaces, no `/`.
fn ky_hieu_pattern() -> String {
    format!(r"^\s*{NHOM}+(-{NHOM}+)*\s*$")
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a year the reader accepts
/// ([`Ngay::NAM_NHO_NHAT`]–[`Ngay::NAM_LON_NHAT`], checked by the tests).
const NGAY_PATTERN: &str =
    r"^\s*(194[5-9]|19[5-9][0-9]|2[0-9]{3})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\s*$";

/// An authority line: one of the prefixes of [`TienTo`], then a name.
fn quyen_han_pattern() -> String {
    let prefixes: Vec<String> =
        TienTo::ALL.iter().map(|t| t.as_str().trim_end_matches('.').to_owned()).collect();
    format!(r"^\s*({})\.\s*\S", prefixes.join("|"))
}

/// An image path: ends in `.png` (any case).
const ANH_PATTERN: &str = r"\.[pP][nN][gG]\s*$";
/// What an image path must not be: absolute, on a drive, from `~`, or climbing out with `..`.
const ANH_CAM: &str = r"^\s*([/\\~]|[A-Za-z]:)|(^\s*|[/\\])\.\.([/\\]|\s*$)";

/// The schema of a text of shape `dang`, described as `description`.
fn text(dang: Dang, description: &str) -> Value {
    let pattern = match dang {
        Dang::Tu => r"\S".to_owned(),
        Dang::KyHieu => ky_hieu_pattern(),
        Dang::Ngay => NGAY_PATTERN.to_owned(),
        Dang::NgayDayDu => r"^\s*\d{4}-\d{2}-\d{2}\s*$".to_owned(),
        Dang::ThoiDiem => r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}".to_owned(),
        Dang::Anh => ANH_PATTERN.to_owned(),
        Dang::QuyenHan => quyen_han_pattern(),
        Dang::Khop(pattern, _) => pattern.to_owned(),
    };
    let mut v = json!({
        "type": "string",
        "minLength": 1,
        "maxLength": limits::FIELD_CHARS,
        "pattern": pattern,
        "description": description,
    });
    if dang == Dang::Anh {
        v["not"] = json!({ "pattern": ANH_CAM });
    }
    v
}

/// What a key means, which types have it, and its sample value, in Vietnamese.
fn description(k: &Khoa) -> String {
    let (co_mat, _) = k.co_mat_bang_chu();
    let mut d = k.mo_ta.to_owned();
    if !co_mat.is_empty() {
        d.push(' ');
        d.push_str(&co_mat);
    }
    d.push_str(&format!(" Ví dụ: {}.", k.vi_du));
    d
}

/// The schema of key `k`'s value.
fn value(k: &Khoa) -> Value {
    let description = description(k);
    match k.kieu {
        Kieu::Chuoi(dang) => text(dang, &description),
        Kieu::DanhSach { dang, it_nhat, muc, bang } => {
            let item = match bang {
                Some(keys) => json!({ "anyOf": [text(dang, muc), table(keys, muc)] }),
                None => text(dang, muc),
            };
            json!({
                "description": description,
                "anyOf": [
                    item,
                    { "type": "array", "items": item, "minItems": it_nhat, "maxItems": limits::LIST_ITEMS },
                ],
            })
        }
        Kieu::SoNguyen { nho_nhat, lon_nhat } => {
            let mut v = json!({ "type": "integer", "minimum": nho_nhat, "description": description });
            if let Some(max) = lon_nhat {
                v["maximum"] = json!(max);
            }
            v
        }
        Kieu::SoThuc { nho_nhat, lon_nhat } => {
            json!({ "type": "number", "minimum": nho_nhat, "maximum": lon_nhat, "description": description })
        }
        Kieu::MotTrong(values) => json!({ "type": "string", "enum": values(), "description": description }),
        Kieu::SoMotTrong(values) => {
            json!({ "type": "integer", "enum": values(), "description": description })
        }
        Kieu::DungSai => json!({ "type": "boolean", "description": description }),
        Kieu::DungSaiHoacSo { lon_nhat } => json!({
            "description": description,
            "anyOf": [{ "type": "boolean" }, { "type": "integer", "minimum": 1, "maximum": lon_nhat }],
        }),
        Kieu::DungSaiHoacChuoi => json!({
            "description": description,
            "anyOf": [{ "type": "boolean" }, text(Dang::Tu, k.mo_ta)],
        }),
        Kieu::NoiDung { toi_da } => {
            let mut v = json!({ "type": "string", "pattern": r"\S", "description": description });
            if let Some(max) = toi_da {
                v["maxLength"] = json!(max);
            }
            v
        }
        Kieu::Bang(keys) => table(keys, &description),
        Kieu::CacBang(keys) => json!({
            "type": "array",
            "maxItems": limits::LIST_ITEMS,
            "description": description,
            "items": table(keys, k.mo_ta),
        }),
    }
}

/// The schema of a table of `keys`: those every type requires are required, nothing else is
/// allowed. What depends on the type is in the rules of [`by_type`].
fn table(keys: &[&Khoa], description: &str) -> Value {
    let properties: Map<String, Value> = keys.iter().map(|k| (k.ten.to_owned(), value(k))).collect();
    let required: Vec<&str> =
        keys.iter().filter(|k| k.cac_loai().1.len() == LoaiVanBan::ALL.len()).map(|k| k.ten).collect();
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// `{ "properties": { a: { "properties": { b: inner } } } }` for the path `[a, b]`: `inner`
/// applied to the table at `path` under the top level.
fn under(path: &[&str], inner: Value) -> Value {
    path.iter().rev().fold(inner, |v, t| json!({ "properties": { *t: v } }))
}

/// The rules that depend on `loai`: for every key, at any depth, that some types require and
/// others do not, or that some types refuse.
fn by_type() -> Vec<Value> {
    let loai_la = |ls: &[LoaiVanBan]| {
        let slugs: Vec<&str> = ls.iter().map(|l| l.slug()).collect();
        json!({ "properties": { khoa::LOAI.ten: { "enum": slugs } }, "required": [khoa::LOAI.ten] })
    };
    let mut rules = Vec::new();
    for (path, k) in khoa::tat_ca() {
        let parts: Vec<&str> = path.split('.').collect();
        let (tables, _) = parts.split_at(parts.len() - 1);
        let (co, bat_buoc) = k.cac_loai();
        let all = LoaiVanBan::ALL.len();
        if !bat_buoc.is_empty() && bat_buoc.len() < all {
            rules.push(
                json!({ "if": loai_la(&bat_buoc), "then": under(tables, json!({ "required": [k.ten] })) }),
            );
        }
        if co.len() < all {
            let khong: Vec<LoaiVanBan> =
                LoaiVanBan::ALL.iter().copied().filter(|l| (k.co_mat)(*l) == CoMat::Khong).collect();
            let not = json!({ "not": { "required": [k.ten] } });
            rules.push(json!({ "if": loai_la(&khong), "then": under(tables, not) }));
        }
    }
    // A type without an abbreviation (công văn, thư công) takes <agency>-<drafting unit>.
    let khong_viet_tat: Vec<LoaiVanBan> =
        LoaiVanBan::ALL.iter().copied().filter(|l| l.viet_tat().is_none()).collect();
    rules.push(json!({
        "if": loai_la(&khong_viet_tat),
        "then": { "anyOf": [{ "required": [DON_VI_SOAN_THAO.ten] }, { "required": [KY_HIEU.ten] }] },
    }));
    // A copy is not made of a draft.
    rules.push(json!({
        "if": { "required": [BAN_SAO.ten] },
        "then": { "not": { "required": [DU_THAO.ten] } },
    }));
    rules
}

/// The rules inside tables that tie one key to another.
fn between_keys() -> Value {
    use khoa::trong::{ban_sao, ky_so};
    // A paper copy has its own number line, signer and recipients; an electronic copy only the
    // time of its signature.
    let giay_can =
        [&ban_sao::VIET_TAT, &ban_sao::DIA_DANH, &ban_sao::NGAY, &ban_sao::NGUOI_KY, &ban_sao::NOI_NHAN];
    let mot_trong: Vec<Value> =
        giay_can.iter().chain([&&ban_sao::SO]).map(|k| json!({ "required": [k.ten] })).collect();
    let giay_can: Vec<&str> = giay_can.iter().map(|k| k.ten).collect();
    json!({
        KY_SO.ten: { "dependencies": { ky_so::DAU_MM.ten: [ky_so::DAU.ten] } },
        BAN_SAO.ten: {
            "anyOf": [
                { "required": [ban_sao::THOI_GIAN.ten], "not": { "anyOf": mot_trong } },
                { "required": giay_can, "not": { "required": [ban_sao::THOI_GIAN.ten] } },
            ],
        },
    })
}

/// The schema of a document file, TOML form (JSON has the same shape).
pub fn schema() -> Value {
    let mut top = table(khoa::VAN_BAN, "");
    let between = between_keys();
    if let (Some(props), Some(extra)) = (top["properties"].as_object_mut(), between.as_object()) {
        for (key, rules) in extra {
            if let (Some(p), Some(r)) = (props.get_mut(key).and_then(Value::as_object_mut), rules.as_object())
            {
                p.extend(r.clone());
            }
        }
    }
    let mut out = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Văn bản hành chính (vanban, Nghị định 30/2020/NĐ-CP)",
        "description": format!(
            "Tệp văn bản hành chính mà lệnh render chuyển thành PDF theo Nghị định 30/2020/NĐ-CP. Lược đồ này mô tả dạng TOML (.toml) và JSON (.json); với tệp Markdown (.md), phần thông tin giữa hai dòng +++ có cùng các khóa, trừ noi_dung: nội dung viết sau dòng +++ thứ hai.\nCách dùng: render schema > vanban.schema.json, rồi ghi dòng đầu tiên của tệp .toml là:\n#:schema ./vanban.schema.json\n(taplo / Even Better TOML), hoặc trong .taplo.toml: [schema] path = \"./vanban.schema.json\"; tệp .json: \"$schema\": \"./vanban.schema.json\". Lược đồ của phiên bản {}; lệnh render check vẫn là phép kiểm tra đầy đủ.",
            env!("CARGO_PKG_VERSION")
        ),
    });
    if let (Some(o), Some(t)) = (out.as_object_mut(), top.as_object_mut()) {
        t.remove("description");
        o.extend(std::mem::take(t));
    }
    // A JSON document may name its schema, for the editor.
    out["properties"]["$schema"] = json!({ "type": "string", "description": "Lược đồ mà trình soạn thảo dùng để kiểm tra tệp .json (không in ra). Ví dụ: \"./vanban.schema.json\"." });
    out["allOf"] = json!(by_type());
    out
}

/// The schema of a shared file (`dung_chung`): a part of a document, with the keys and
/// tables of a document file, none of them required (the document, or another shared file,
/// gives the rest) and no rule that depends on the type. A list of tables (`[[phu_luc]]`)
/// and the tables of a list's entries are taken whole, so they keep what they require.
pub fn schema_dung_chung() -> Value {
    let mut out = schema();
    let Some(o) = out.as_object_mut() else { return out };
    o.remove("allOf");
    o.insert("title".into(), json!("Tệp dùng chung của văn bản hành chính (vanban, dung_chung)"));
    o.insert(
        "description".into(),
        json!(format!(
            "Tệp dùng chung (hồ sơ của cơ quan) mà văn bản ghi trong khóa {}: các khóa và bảng của tệp văn bản, không khóa nào bắt buộc; khóa văn bản tự ghi được giữ, các bảng được gộp từng khóa một. Cách dùng: render schema --dung-chung > vanban-dung-chung.schema.json, rồi ghi dòng đầu tiên của tệp dùng chung là:\n#:schema ./vanban-dung-chung.schema.json\nLược đồ của phiên bản {}; lệnh render check trên văn bản vẫn là phép kiểm tra đầy đủ.",
            khoa::DUNG_CHUNG.ten,
            env!("CARGO_PKG_VERSION")
        )),
    );
    khong_bat_buoc(&mut out);
    out
}

/// Takes out what the object schema `v` and the tables under its properties require, and
/// the rules tying one key to another (`anyOf`, `dependencies`) there.
fn khong_bat_buoc(v: &mut Value) {
    let Some(o) = v.as_object_mut() else { return };
    for key in ["required", "anyOf", "dependencies"] {
        if o.get("type") == Some(&json!("object")) || o.contains_key("properties") {
            o.remove(key);
        }
    }
    if let Some(props) = o.get_mut("properties").and_then(Value::as_object_mut) {
        for p in props.values_mut().filter(|p| p.get("properties").is_some()) {
            khong_bat_buoc(p);
        }
    }
}

#[cfg(test)]
mod tests {
    //! The patterns against the reader's own checks.

    use regex::Regex;
    use vanban_core::{Anh, KyHieu, Ngay, QuyenHan, ValueError, VietTat};

    use super::*;

    #[test]
    fn ngay_pattern_accepts_the_years_and_shapes_the_reader_accepts() {
        let re = Regex::new(NGAY_PATTERN).unwrap();
        for year in 1000..=9999 {
            for s in
                [format!("{year}"), format!("{year}-03"), format!("{year}-12-31"), format!(" {year}-02-01 ")]
            {
                assert_eq!(re.is_match(&s), Ngay::parse(&s).is_ok(), "{s}");
            }
        }
        for s in [
            "2024-3",
            "2024-13",
            "2024-00",
            "2024-03-5",
            "2024-03-32",
            "2024/03/05",
            "24",
            "2024-03-05T10:00",
            "２０２４",
        ] {
            assert!(!re.is_match(s), "{s}");
            assert!(Ngay::parse(s).is_err(), "{s}");
        }
        // A day the calendar lacks has the right shape: only the reader refuses it.
        assert!(re.is_match("2023-02-30"));
        assert!(matches!(Ngay::parse("2023-02-30"), Err(ValueError::NgayKhongCo(_))));
    }

    #[test]
    fn ky_hieu_pattern_is_the_readers_rule() {
        let re = Regex::new(&ky_hieu_pattern()).unwrap();
        for s in [
            "KH-UBND",
            "UBND-NV",
            "QĐ-BNV",
            "QyĐ-UBND",
            "TC-KH",
            "TTr-SNV",
            "A&B",
            "BCĐ.389",
            " UBND ",
            "UB ND",
            "QĐ/BNV",
            "QĐ--BNV",
            "-UBND",
            "UBND-",
            "UB_ND",
            "UB,ND",
            "UB;ND",
            "UB(ND)",
            "UBND:",
            "UB+ND",
            "UB#ND",
            "UB\\ND",
            "UB'ND",
            "UB\"ND",
            "UB@ND",
            "UB|ND",
            "UB~ND",
            "UB`ND",
            "UB^ND",
            "UB[ND]",
            "UB{ND}",
            "UB=ND",
            "UB?ND",
        ] {
            let reader = KyHieu::new(s).is_ok();
            assert_eq!(re.is_match(s), reader, "{s}");
            assert_eq!(VietTat::new(s).is_ok(), reader, "{s}");
        }
    }

    #[test]
    fn quyen_han_pattern_is_the_readers_rule() {
        let re = Regex::new(&quyen_han_pattern()).unwrap();
        for s in [
            "TM. Ủy ban nhân dân",
            "KT. Chủ tịch",
            "KT.Chủ tịch",
            "TL. Bộ trưởng",
            "TUQ. Chủ tịch",
            "Q. Giám đốc",
            "  TM. Ủy ban",
            "TM Ủy ban",
            "tm. Ủy ban",
            "T.M. Ủy ban",
            "Thay mặt Ủy ban",
            "TM.",
            "KT.   ",
            "Giám đốc",
        ] {
            assert_eq!(re.is_match(s), s.parse::<QuyenHan>().is_ok(), "{s}");
        }
    }

    #[test]
    fn image_pattern_is_the_readers_rule() {
        let ok = Regex::new(ANH_PATTERN).unwrap();
        let cam = Regex::new(ANH_CAM).unwrap();
        for s in [
            "chu-ky.png",
            "anh/dau.PNG",
            "anh\\dau.png",
            "a..b.png",
            "/etc/dau.png",
            "\\\\server\\dau.png",
            "C:\\dau.png",
            "~/dau.png",
            "../dau.png",
            "anh/../../dau.png",
            "a\\..\\b.png",
            "dau.jpg",
            "dau",
        ] {
            assert_eq!(ok.is_match(s) && !cam.is_match(s), Anh::new(s).is_ok(), "{s}");
        }
    }
}
