//! `render schema`: the JSON Schema describes exactly the keys the reader takes, and judges
//! documents as the reader does.
//!
//! The schema is checked against the draft-07 meta-schema and against rules of its own (any
//! keyword draft 07 does not know fails the test, so a misspelt one cannot pass unnoticed),
//! then compiled by the `jsonschema` crate as draft 7 and run against the documents of the
//! repository read as taplo reads them.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Value, json};
use vanban_core::{DangTep, LoaiVanBan, khoa};

use common::{document, document_text, to_json};

fn render(args: &[&str]) -> Output {
    common::render().args(args).output().expect("render runs")
}

fn schema() -> Value {
    let out = render(&["schema"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_slice(&out.stdout).expect("render schema prints JSON")
}

fn root() -> PathBuf {
    common::repo("")
}

// ---------------------------------------------------------------------------------------
// The schema as a draft-07 validator.

/// The draft-07 keywords, and the editors' `markdownDescription`: any other name in a schema
/// is a misspelt keyword.
const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$comment",
    "title",
    "description",
    "markdownDescription",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "additionalItems",
    "items",
    "maxItems",
    "minItems",
    "uniqueItems",
    "contains",
    "maxProperties",
    "minProperties",
    "required",
    "additionalProperties",
    "definitions",
    "properties",
    "patternProperties",
    "dependencies",
    "propertyNames",
    "const",
    "enum",
    "type",
    "format",
    "contentMediaType",
    "contentEncoding",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
];

/// What the schema holds to beyond the draft-07 meta-schema, at every level: each subschema
/// is an object of known keywords, a description says something, and a table closes its keys
/// (`additionalProperties` is `false` wherever it is given).
fn house_rules() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {
            "list": { "type": "array", "items": { "$ref": "#" } },
            "map": { "type": "object", "additionalProperties": { "$ref": "#" } },
        },
        "type": "object",
        "propertyNames": { "enum": KEYWORDS },
        "properties": {
            "description": { "type": "string", "pattern": r"\S" },
            "additionalProperties": { "const": false },
            "properties": { "$ref": "#/definitions/map" },
            "patternProperties": { "$ref": "#/definitions/map" },
            "definitions": { "$ref": "#/definitions/map" },
            "dependencies": {
                "type": "object",
                "additionalProperties": { "anyOf": [{ "$ref": "#" }, { "type": "array" }] },
            },
            "items": { "anyOf": [{ "$ref": "#" }, { "$ref": "#/definitions/list" }] },
            "additionalItems": { "$ref": "#" },
            "contains": { "$ref": "#" },
            "propertyNames": { "$ref": "#" },
            "not": { "$ref": "#" },
            "if": { "$ref": "#" },
            "then": { "$ref": "#" },
            "else": { "$ref": "#" },
            "allOf": { "$ref": "#/definitions/list" },
            "anyOf": { "$ref": "#/definitions/list" },
            "oneOf": { "$ref": "#/definitions/list" },
        },
    })
}

/// The schema compiled as draft 7 whatever its `$schema` says (compiling checks its
/// patterns).
fn validator(schema: &Value) -> Validator {
    jsonschema::draft7::new(schema).unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// The errors of a validation, each with its instance path.
fn messages<'a>(errors: impl Iterator<Item = ValidationError<'a>>) -> Vec<String> {
    errors.map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// The problems of `doc` against the schema `s`, each with its path.
fn problems(s: &Validator, doc: &Value) -> Vec<String> {
    messages(s.iter_errors(doc))
}

/// The document files of the repository that must render: the examples and the test
/// documents; not the shared files (`examples/tron/chung/`: parts of documents, checked by
/// the schema of a shared file) nor the templates of `render merge` (`*.khuon.toml`).
fn repository_documents() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name == "chung" || name.contains(".khuon.") {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "md")) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("examples"), &mut out);
    walk(&root().join("tests/documents"), &mut out);
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------

#[test]
fn the_schema_is_draft_07_json_with_the_documents_shape() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(s["type"], "object");
    assert_eq!(s["additionalProperties"], false);
    let description = s["description"].as_str().unwrap();
    assert!(description.contains("#:schema ./vanban.schema.json"), "{description}");
    assert!(description.contains("render schema > vanban.schema.json"), "{description}");
    assert!(description.contains("noi_dung") && description.contains(".md"), "{description}");
    let required: BTreeSet<&str> =
        s["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert_eq!(
        required,
        // dia_danh too, but for a biên bản: required by a condition.
        BTreeSet::from(["loai", "ngay", "noi_dung", "co_quan", "nguoi_ky", "noi_nhan"])
    );
    for table in ["co_quan", "nguoi_ky", "noi_nhan", "ky_so"] {
        assert_eq!(s["properties"][table]["type"], "object", "{table}");
        assert_eq!(s["properties"][table]["additionalProperties"], false, "{table}");
    }
    // A draft-07 schema, of known keywords only.
    let meta = messages(jsonschema::draft7::meta::validator().iter_errors(&s));
    assert!(meta.is_empty(), "against the draft-07 meta-schema: {meta:#?}");
    let rules = validator(&house_rules());
    let house = problems(&rules, &s);
    assert!(house.is_empty(), "{house:#?}");
    for misfit in [
        json!({ "properties": { "a": { "items": { "mininum": 1 } } } }),
        json!({ "anyOf": [{ "additionalProperties": true }] }),
        json!({ "if": { "description": " " } }),
        json!({ "not": true }),
    ] {
        assert!(!rules.is_valid(&misfit), "{misfit}");
    }
    validator(&s);
    // Every key says what it is, in Vietnamese, with an example.
    fn described(props: &Map<String, Value>, at: &str) {
        for (k, v) in props {
            let d = v["description"].as_str().unwrap_or_else(|| panic!("{at}{k} has no description"));
            assert!(d.contains("Ví dụ") || d.contains("ví dụ"), "{at}{k}: {d}");
            if let Some(sub) = v.get("properties").and_then(Value::as_object) {
                described(sub, &format!("{at}{k}."));
            }
        }
    }
    described(s["properties"].as_object().unwrap(), "");
    // The pretty form, as written for a file.
    let out = render(&["schema"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("\n  \"properties\": {"));
}

/// The schema of a shared file (`render schema --dung-chung`): draft-07, of known keywords,
/// the document's keys with none required; it takes a profile and a partial table, refuses
/// an unknown key or a value of the wrong kind, and a list of tables keeps what it requires.
#[test]
fn the_schema_of_a_shared_file_takes_a_part_of_a_document() {
    let out = render(&["schema", "--dung-chung"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    let meta = messages(jsonschema::draft7::meta::validator().iter_errors(&s));
    assert!(meta.is_empty(), "against the draft-07 meta-schema: {meta:#?}");
    let house = problems(&validator(&house_rules()), &s);
    assert!(house.is_empty(), "{house:#?}");
    assert!(s["description"].as_str().unwrap().contains("render schema --dung-chung"));
    let document_schema = schema();
    let keys = |s: &Value| s["properties"].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&s), keys(&document_schema));
    assert!(keys(&s).contains(&khoa::DUNG_CHUNG.ten.to_owned()));
    let v = validator(&s);
    let toml = |text: &str| to_json(toml::from_str::<toml::Value>(text).unwrap());
    for ok in [
        "dia_danh = \"Phong Thổ\"\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"xã Phong Thổ\"]\nviet_tat = \"UBND\"\n\
         [nguoi_ky]\nchuc_vu = \"Chủ tịch\"\n[noi_nhan]\nluu = [\"VT\"]\n",
        "dung_chung = [\"../chung/tinh.toml\", \"huyen.json\"]\n[co_quan]\nchu_quan = \"Ủy ban nhân dân tỉnh\"\n",
        "[ky_so]\ndau_mm = 40\n",
        "",
    ] {
        assert!(problems(&v, &toml(ok)).is_empty(), "{ok}: {:?}", problems(&v, &toml(ok)));
    }
    for bad in [
        "dia_danh = 5\n",
        "[co_quan]\nten_sai = \"x\"\n",
        "khoa_la = 1\n",
        "dung_chung = \"/etc/chung.toml\"\n",
        "dung_chung = \"chung.md\"\n",
        "[[phu_luc]]\nngang = true\n",
    ] {
        assert!(!problems(&v, &toml(bad)).is_empty(), "{bad}");
    }
    // The repository's shared files are taken.
    let chung = root().join("examples/tron/chung");
    for e in std::fs::read_dir(&chung).into_iter().flatten() {
        let p = e.unwrap().path();
        let errors = problems(&v, &document(&p));
        assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
    }
}

/// The keys the reader takes at each level, as it lists them when a key is unknown.
/// The skeleton of `loai` (`render new`), as a TOML table.
fn skeleton(loai: LoaiVanBan) -> toml::Table {
    let out = render(&["new", loai.slug(), "-o", "-"]);
    assert!(out.status.success());
    toml::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap()
}

/// The keys the reader reports problems on when it reads `doc` as a document.
fn keys_refused(doc: &toml::Table) -> Vec<String> {
    let text = toml::to_string(doc).unwrap();
    match vanban_core::parse(&text, DangTep::Toml) {
        Ok(_) => Vec::new(),
        Err(d) => d.0.into_iter().map(|d| d.key.unwrap_or_default()).collect(),
    }
}

/// The table at `path` (`[]`, `["nguoi_ky"]`) of `doc`, when the skeleton has it.
fn table_at<'a>(doc: &'a mut toml::Table, path: &[&str]) -> Option<&'a mut toml::Table> {
    path.iter().try_fold(doc, |t, part| t.get_mut(*part)?.as_table_mut())
}

/// The reader follows the key definitions the schema is generated from, for every type: a
/// key a type must have is reported missing when taken out of that type's skeleton, a key a
/// type refuses is reported when added (with its sample value), and a key it may have is
/// taken with its sample value without a problem on that key.
#[test]
fn the_reader_requires_refuses_and_takes_each_key_as_defined() {
    let mut checked = 0;
    for &loai in LoaiVanBan::ALL {
        let base = skeleton(loai);
        assert_eq!(keys_refused(&base), Vec::<String>::new(), "{}", loai.slug());
        for (path, k) in khoa::tat_ca() {
            // Shared files need the document's path, which text read alone has not: the
            // reader's tests (tests_dung_chung.rs) and tests/dung_chung.rs take them.
            if path == khoa::DUNG_CHUNG.ten {
                continue;
            }
            let parts: Vec<&str> = path.split('.').collect();
            let (tables, _) = parts.split_at(parts.len() - 1);
            let mut doc = base.clone();
            let Some(table) = table_at(&mut doc, tables) else { continue };
            let sample: toml::Table =
                toml::from_str(&k.dong_vi_du()).unwrap_or_else(|e| panic!("{path}: {e}"));
            let what = format!("{} {path}", loai.slug());
            match (k.co_mat)(loai) {
                khoa::CoMat::BatBuoc => {
                    assert!(table.remove(k.ten).is_some(), "{what}: the skeleton lacks a required key");
                    assert!(keys_refused(&doc).contains(&path), "{what}: missing, not reported");
                }
                khoa::CoMat::Khong => {
                    table.extend(sample);
                    assert!(
                        keys_refused(&doc).contains(&path),
                        "{what}: refused by the definition, taken by the reader"
                    );
                }
                khoa::CoMat::TuyChon => {
                    table.extend(sample);
                    let refused = keys_refused(&doc);
                    let on_it = refused.iter().any(|r| r == &path || r.starts_with(&format!("{path}.")));
                    assert!(!on_it, "{what}: the sample value is refused: {refused:?}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn every_document_of_the_repository_satisfies_the_schema() {
    let s = validator(&schema());
    let files = repository_documents();
    assert!(files.len() >= 5, "{files:?}");
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for path in &files {
        // The reader takes it...
        let text = std::fs::read_to_string(path).unwrap();
        if let Err(d) = vanban_core::parse(&text, DangTep::from_path(path)) {
            panic!("{}: {:?}", path.display(), d.0);
        }
        // ...and so does the schema.
        let doc = document(path);
        let errors = problems(&s, &doc);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        for (k, v) in doc.as_object().unwrap() {
            seen.insert(k.clone());
            if let Some(t) = v.as_object() {
                seen.extend(t.keys().map(|sub| format!("{k}.{sub}")));
            }
        }
    }
    // The documents use the tables and the values of several kinds.
    for k in ["so", "ngay", "kinh_gui", "du_thao", "co_chu_quoc_hieu", "ky_so.chu_ky", "nguoi_ky.quyen_han"] {
        assert!(seen.contains(k), "no document uses {k}: {seen:?}");
    }
}

#[test]
fn every_skeleton_satisfies_the_schema() {
    let s = validator(&schema());
    for loai in LoaiVanBan::ALL {
        for markdown in [false, true] {
            let mut args = vec!["new", loai.slug(), "-o", "-"];
            if markdown {
                args.push("--markdown");
            }
            let out = render(&args);
            assert!(out.status.success(), "{}", common::stderr(&out));
            let text = String::from_utf8(out.stdout).unwrap();
            let dang = if markdown { DangTep::Markdown } else { DangTep::Toml };
            let errors = problems(&s, &document_text(&text, dang));
            assert!(errors.is_empty(), "{loai}: {errors:#?}");
        }
    }
}

/// A short valid công văn; the cases below change one line of it.
const CONG_VAN: &str = r#"loai = "cong-van"
don_vi_soan_thao = "NV"
dia_danh = "Phong Thổ"
ngay = "2024-03-05"
trich_yeu = "triển khai phong trào thi đua"
kinh_gui = ["Các cơ quan, đơn vị"]
noi_dung = """
Ủy ban nhân dân huyện đề nghị các cơ quan thực hiện./.
"""
[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"
[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"
[noi_nhan]
gui = ["Như trên", "Lãnh đạo UBND huyện"]
luu = ["VT", "NV"]
"#;

/// The body of `CONG_VAN`, key and all.
const BODY: &str = "noi_dung = \"\"\"\nỦy ban nhân dân huyện đề nghị các cơ quan thực hiện./.\n\"\"\"";

/// `CONG_VAN` with the line starting `from` replaced by `to` (`to` may hold several lines;
/// an empty `to` removes the line); `from` = "" adds `to` at the end; a `from` of several
/// lines is replaced where it is.
fn with(from: &str, to: &str) -> String {
    if from.contains('\n') {
        assert!(CONG_VAN.contains(from), "{from}");
        return CONG_VAN.replace(from, to);
    }
    if from.is_empty() {
        return format!("{CONG_VAN}{to}\n");
    }
    let mut found = false;
    let mut out = String::new();
    for line in CONG_VAN.lines() {
        if !found && line.starts_with(from) {
            found = true;
            if !to.is_empty() {
                out.push_str(to);
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(found, "no line starts with {from}");
    out
}

#[test]
fn the_schema_refuses_what_the_reader_refuses_and_takes_what_it_takes() {
    let s = validator(&schema());
    // (what, line replaced, replacement, accepted by the reader)
    let cases: &[(&str, &str, &str, bool)] = &[
        ("the example", "loai", "loai = \"cong-van\"", true),
        ("a misspelt key", "trich_yeu", "trich_yue = \"triển khai\"", false),
        ("an unknown key in a table", "viet_tat", "viet_tat = \"UBND\"\nten_tat = \"UB\"", false),
        ("a biên bản with a place name", "loai", "loai = \"bien-ban\"", false),
        ("a thư công without its drafting unit", "don_vi_soan_thao", "loai = \"thu-cong\"", false),
        ("a giấy nghỉ phép without its table", "loai", "loai = \"giay-nghi-phep\"", false),
        (
            "leave on a công văn",
            "",
            "[nghi_phep]\nho_ten = \"A\"\ntu_ngay = \"2024-03-04\"\nden_ngay = \"2024-03-05\"\nnoi_nghi = \"B\"",
            false,
        ),
        ("a giấy mời without its particulars", "loai", "loai = \"giay-moi\"", false),
        ("a time on a công văn", "loai", "loai = \"cong-van\"\nthoi_gian = \"8 giờ\"", false),
        ("a giấy giới thiệu without the person", "loai", "loai = \"giay-gioi-thieu\"", false),
        (
            "a person introduced on a công văn",
            "",
            "[gioi_thieu]\nho_ten = \"A\"\nduoc_cu_den = \"B\"\nve_viec = \"C\"\nco_gia_tri_den = \"2024-12-31\"",
            false,
        ),
        ("a công điện without its sender and recipients", "loai", "loai = \"cong-dien\"", false),
        (
            "recipients of a công điện on a công văn",
            "loai",
            "loai = \"cong-van\"\ndien = [\"Các xã\"]",
            false,
        ),
        ("a quyết định without its authority and bases", "loai", "loai = \"quyet-dinh\"", false),
        ("căn cứ on a công văn", "loai", "loai = \"cong-van\"\ncan_cu = [\"Căn cứ Luật A\"]", false),
        ("an authority on a công văn", "loai", "loai = \"cong-van\"\ntham_quyen = \"Chủ tịch\"", false),
        ("a proposer on a công văn", "loai", "loai = \"cong-van\"\ntheo_de_nghi = \"Trưởng phòng\"", false),
        ("an unknown type", "loai", "loai = \"cong_van\"", false),
        ("a number", "loai", "loai = \"cong-van\"\nso = 5", true),
        ("number 0", "loai", "loai = \"cong-van\"\nso = 0", false),
        ("a number too large", "loai", "loai = \"cong-van\"\nso = 1000000", false),
        ("a number in quotes", "loai", "loai = \"cong-van\"\nso = \"5\"", false),
        ("a TOML date", "ngay", "ngay = 2025-01-07", true),
        ("a month", "ngay", "ngay = \"2024-03\"", true),
        ("a year", "ngay", "ngay = \"2024\"", true),
        ("a one-digit month", "ngay", "ngay = \"2024-3\"", false),
        ("a slashed date", "ngay", "ngay = \"05/03/2024\"", false),
        ("a year before 1945", "ngay", "ngay = \"1900\"", false),
        ("a date with a time", "ngay", "ngay = 2024-03-05T10:00:00", false),
        ("no date", "ngay", "", false),
        ("an empty trích yếu", "trich_yeu", "trich_yeu = \"  \"", false),
        ("a công văn without trích yếu", "trich_yeu", "", false),
        ("a công văn without Kính gửi", "kinh_gui", "", false),
        ("one Kính gửi as a string", "kinh_gui", "kinh_gui = \"Các cơ quan, đơn vị\"", true),
        ("an empty Kính gửi", "kinh_gui", "kinh_gui = []", false),
        ("a kế hoạch with Kính gửi", "loai", "loai = \"ke-hoach\"", false),
        ("a tờ trình with Kính gửi", "loai", "loai = \"to-trinh\"", true),
        ("a công văn without drafting unit", "don_vi_soan_thao", "", false),
        ("a công văn with a ký hiệu instead", "don_vi_soan_thao", "ky_hieu = \"UBND-NV\"", true),
        ("a ký hiệu with spaces", "loai", "loai = \"cong-van\"\nky_hieu = \"UBND - NV\"", false),
        ("a ký hiệu with a slash", "loai", "loai = \"cong-van\"\nky_hieu = \"UBND/NV\"", false),
        ("a drafting unit with a space", "don_vi_soan_thao", "don_vi_soan_thao = \"N V\"", false),
        ("an agency abbreviation with a dash", "viet_tat", "viet_tat = \"UBND-PT\"", true),
        ("a Quốc hiệu of 13 pt", "loai", "loai = \"cong-van\"\nco_chu_quoc_hieu = 13", true),
        ("a Quốc hiệu of 14 pt", "loai", "loai = \"cong-van\"\nco_chu_quoc_hieu = 14", false),
        ("a draft", "loai", "loai = \"cong-van\"\ndu_thao = true", true),
        ("the second draft", "loai", "loai = \"cong-van\"\ndu_thao = 2", true),
        ("draft 0", "loai", "loai = \"cong-van\"\ndu_thao = 0", false),
        ("a draft in words", "loai", "loai = \"cong-van\"\ndu_thao = \"có\"", false),
        ("a body that is a number", BODY, "noi_dung = 5", false),
        ("a body of white space", BODY, "noi_dung = \"\"\"\n\n  \n\"\"\"", false),
        ("a body in literal quotes", BODY, "noi_dung = '''\nThực hiện./.\n'''", true),
        ("the agency on one line", "ten", "ten = \"Ủy ban nhân dân huyện Phong Thổ\"", true),
        ("no agency name", "ten", "ten = []", false),
        ("a superior body", "ten", "chu_quan = \"Ủy ban nhân dân tỉnh Lai Châu\"\nten = \"Sở Nội vụ\"", true),
        ("no authority", "quyen_han", "quyen_han = []", true),
        ("authority in words", "quyen_han", "quyen_han = [\"Thay mặt Ủy ban nhân dân\"]", false),
        ("a lower-case prefix", "quyen_han", "quyen_han = [\"tm. Ủy ban nhân dân\"]", false),
        ("a prefix alone", "quyen_han", "quyen_han = [\"KT.\"]", false),
        ("two authority lines", "quyen_han", "quyen_han = [\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"]", true),
        ("no signer's name", "ho_ten", "", false),
        ("no archive", "luu", "luu = []", false),
        ("no archive key", "luu", "", false),
        ("no recipients", "gui", "gui = []", true),
        (
            "signature images",
            "",
            "[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"anh/dau.png\"\ndau_mm = 36.5",
            true,
        ),
        ("a seal without a signature", "", "[ky_so]\ndau = \"dau.png\"", false),
        ("a diameter without a seal", "", "[ky_so]\nchu_ky = \"chu-ky.png\"\ndau_mm = 36", false),
        ("a seal too small", "", "[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"dau.png\"\ndau_mm = 10", false),
        ("a JPEG signature", "", "[ky_so]\nchu_ky = \"chu-ky.jpg\"", false),
        ("an absolute image path", "", "[ky_so]\nchu_ky = \"/etc/chu-ky.png\"", false),
        ("an image outside", "", "[ky_so]\nchu_ky = \"../chu-ky.png\"", false),
        ("an unknown key in ky_so", "", "[ky_so]\nchu_ky = \"chu-ky.png\"\nanh = \"x.png\"", false),
        ("ky_so not a table", "loai", "loai = \"cong-van\"\nky_so = \"chu-ky.png\"", false),
    ];
    for (what, from, to, accepted) in cases {
        agree(&s, what, &with(from, to), *accepted);
    }
}

/// The reader and the schema both take `text`, or both refuse it, as `accepted` says.
#[track_caller]
fn agree(s: &Validator, what: &str, text: &str, accepted: bool) {
    let reader = vanban_core::parse(text, DangTep::Toml);
    assert_eq!(reader.is_ok(), accepted, "{what}: the reader says {:?}", reader.err().map(|d| d.0));
    let Ok(json) = toml::from_str::<toml::Value>(text) else {
        assert!(!accepted, "{what}: not TOML");
        return;
    };
    let errors = problems(s, &to_json(json));
    assert_eq!(errors.is_empty(), accepted, "{what}: the schema says {errors:?}\n{text}");
}

/// The reference quyết định with the line starting `from` replaced by `to` (`""` drops it).
fn quyet_dinh_with(from: &str, to: &str) -> String {
    example_with("quyet-dinh.toml", from, to)
}

/// The example `file` with the line starting `from` replaced by `to` (`""` drops it).
fn example_with(file: &str, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(root().join("examples").join(file)).unwrap();
    let mut found = false;
    // The lines of a list that runs over several lines go with its first.
    let mut in_list = false;
    let mut out = String::new();
    for line in text.lines() {
        if in_list {
            in_list = line != "]";
        } else if !found && line.starts_with(from) {
            found = true;
            in_list = line.ends_with('[');
            out.push_str(to);
            out.push('\n');
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(found, "no line starts with {from}");
    out
}

#[test]
fn the_schema_and_the_reader_agree_on_a_bien_ban_and_a_giay_nghi_phep() {
    let s = validator(&schema());
    let bien_ban: &[(&str, &str, &str, bool)] = &[
        ("the example", "loai", "loai = \"bien-ban\"", true),
        ("with a place name", "loai", "loai = \"bien-ban\"\ndia_danh = \"Phong Thổ\"", false),
        ("without the secretary's name", "ho_ten_thu_ky", "", false),
        ("no attendees", "thanh_phan", "thanh_phan = []", false),
        ("one attendee as a string", "thanh_phan", "thanh_phan = \"Các đại biểu\"", true),
        (
            "the chair titled",
            "ho_ten = \"Nguyễn",
            "chuc_vu = \"Chủ trì\"\nho_ten = \"Nguyễn Văn Minh\"",
            true,
        ),
        ("as a thông báo", "loai", "loai = \"thong-bao\"", false),
    ];
    for (what, from, to, accepted) in bien_ban {
        agree(&s, &format!("biên bản: {what}"), &example_with("bien-ban.toml", from, to), *accepted);
    }
    let nghi_phep: &[(&str, &str, &str, bool)] = &[
        ("the example", "loai", "loai = \"giay-nghi-phep\"", true),
        ("with a trích yếu", "loai", "loai = \"giay-nghi-phep\"\ntrich_yeu = \"A\"", false),
        ("a month for a day", "tu_ngay", "tu_ngay = \"2024-03\"", false),
        ("the confirmation in the decree's words", "xac_nhan", "xac_nhan = true", true),
        ("no confirmation", "xac_nhan", "", true),
        ("a confirmation by number", "xac_nhan", "xac_nhan = 1", false),
        ("no days", "so_ngay", "so_ngay = 0", false),
        ("a leave year in words", "nam", "nam = \"2024\"", false),
        ("without a signer's title", "chuc_vu = \"Chánh", "", false),
        ("without where", "noi_nghi", "", false),
    ];
    for (what, from, to, accepted) in nghi_phep {
        agree(
            &s,
            &format!("giấy nghỉ phép: {what}"),
            &example_with("giay-nghi-phep.toml", from, to),
            *accepted,
        );
    }
}

#[test]
fn the_schema_and_the_reader_agree_on_a_copy() {
    let s = validator(&schema());
    let cases: &[(&str, &str, &str, bool)] = &[
        ("the example", "loai", "loai = \"thong-bao\"", true),
        ("a copy's form in words", "hinh_thuc", "hinh_thuc = \"sao y\"", false),
        ("trích sao", "hinh_thuc", "hinh_thuc = \"trich-sao\"", true),
        ("without the copying agency's abbreviation", "viet_tat = \"VP\"", "", false),
        (
            "a paper copy with a signing time",
            "hinh_thuc",
            "hinh_thuc = \"sao-y\"\nthoi_gian = 2024-03-07T09:15:40+07:00",
            false,
        ),
        ("without the date of copying", "ngay = \"2026-03-09\"", "", false),
        ("a copy of a draft", "loai", "loai = \"thong-bao\"\ndu_thao = true", false),
    ];
    for (what, from, to, accepted) in cases {
        agree(&s, &format!("bản sao: {what}"), &example_with("ban-sao.toml", from, to), *accepted);
    }
}

#[test]
fn the_schema_and_the_reader_agree_on_a_quyet_dinh() {
    let s = validator(&schema());
    let cases: &[(&str, &str, &str, bool)] = &[
        ("the example", "loai", "loai = \"quyet-dinh\"", true),
        ("as a nghị quyết", "loai", "loai = \"nghi-quyet\"", true),
        ("without an authority", "tham_quyen", "", false),
        ("an empty authority", "tham_quyen", "tham_quyen = \" \"", false),
        (
            "an authority on two lines",
            "tham_quyen",
            "tham_quyen = [\"Chủ tịch\", \"Ủy ban nhân dân huyện\"]",
            true,
        ),
        ("an empty authority list", "tham_quyen", "tham_quyen = []", false),
        ("one căn cứ as a string", "can_cu", "can_cu = \"Căn cứ Luật A\"", true),
        ("no căn cứ", "can_cu", "can_cu = []", false),
        ("without căn cứ", "can_cu", "", false),
        ("a căn cứ that is a number", "can_cu", "can_cu = [5]", false),
        ("without a proposer", "theo_de_nghi", "", true),
        ("a proposer as a number", "theo_de_nghi", "theo_de_nghi = 5", false),
        ("without a trích yếu", "trich_yeu", "", false),
        ("with a Kính gửi", "loai", "loai = \"quyet-dinh\"\nkinh_gui = \"UBND tỉnh\"", false),
        ("as a kế hoạch, keeping the bases", "loai", "loai = \"ke-hoach\"", false),
    ];
    for (what, from, to, accepted) in cases {
        agree(&s, what, &quyet_dinh_with(from, to), *accepted);
    }
}
