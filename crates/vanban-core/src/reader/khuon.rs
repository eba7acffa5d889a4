//! A template (khuôn): a document file whose string values and body hold placeholders in
//! Jinja syntax (`{{ ho_ten }}`, `{% if … %}`, `{% for … %}`), filled from one row of data
//! at a time.
//!
//! The file is parsed as a document file first; the placeholders are then filled into the
//! parsed values, so what a row holds (`"`, `'''`, `]]`, `+++`, `{{ 7*7 }}`) is text and can
//! neither change the file's structure nor be evaluated. In a Markdown body every value is
//! escaped, so it prints as typed. Evaluation runs on MiniJinja, sandboxed (no file access)
//! and bounded by [`TEMPLATE_FUEL`](crate::limits::TEMPLATE_FUEL).

mod loc;
mod mau_chuoi;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

use minijinja::value::Value as JValue;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use self::loc::TEN as BO_LOC;
pub use self::mau_chuoi::MauChuoi;
use super::DangTep;
use crate::VanBan;
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, ma};
use crate::khoa::{self, Kieu};

/// The name under which a template also sees the whole row, for columns whose names are not
/// identifiers: `{{ dong["Họ và tên"] }}`.
pub const DONG: &str = "dong";

/// The escape used in a Markdown body.
const MARKDOWN: &str = "markdown";

/// A template: parse it once with [`Khuon::doc`], check the data's columns with
/// [`Khuon::kiem_cot`], then [`Khuon::dien`] it from each row.
///
/// # Example
/// ```
/// # use vanban_core::{DangTep, Khuon};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cong-van.toml"))?;
/// let text = text.replace("\"Phong Thổ\"", "\"{{ noi }}\"");
/// let khuon = Khuon::doc(&text, DangTep::Toml)?;
/// khuon.kiem_cot(&["noi"])?;
/// let van_ban = khuon.dien(&serde_json::json!({ "noi": "Sìn Hồ" }))?;
/// assert_eq!(van_ban.dia_danh.as_deref(), Some("Sìn Hồ"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Khuon {
    /// The file's text, without its byte-order mark, and the shared files' it names.
    nguon: super::Nguon,
    /// The values that hold placeholders, in the order of the file.
    cho: Vec<Cho>,
    env: Environment<'static>,
    /// Where each key and value is written in the template.
    vi_tri: super::ViTri,
}

impl std::fmt::Debug for Khuon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Khuon").field("cot", &self.cot()).finish_non_exhaustive()
    }
}

/// A value that holds placeholders (chỗ: a place to fill).
#[derive(Debug)]
struct Cho {
    /// Where it is in the table; empty for a Markdown file's body.
    duong: Vec<Buoc>,
    /// Its key as diagnostics name it: `co_quan.ten`, `noi_nhan.gui[1]`, `noi_dung`.
    khoa: String,
    /// What its key holds, when it is a key of a document.
    kieu: Option<&'static Kieu>,
    /// Where the value is written in the file (bytes, the quotes included).
    span: Range<usize>,
    /// The names the value takes from the row.
    bien: BTreeSet<String>,
}

/// One step of a path into a table.
#[derive(Debug, Clone)]
enum Buoc {
    Khoa(String),
    Muc(usize),
}

impl Khuon {
    /// Parses a template from its text, a document file of form `dang`.
    ///
    /// # Errors
    /// The file's syntax errors, and each placeholder that is not valid Jinja, at its line
    /// and column.
    pub fn doc(source: &str, dang: DangTep) -> Result<Khuon, Diagnostics> {
        if source.len() > crate::limits::FILE_BYTES {
            return Err(Diagnostics(vec![super::tep_qua_lon(source.len() as u64)]));
        }
        Khuon::tu_nguon(super::Nguon::mot(source, dang))
    }

    /// Reads a template file and the shared files it names (`dung_chung`), which must be
    /// inside the directory tree `goc`, as [`doc_tep`](crate::doc_tep) reads a document.
    ///
    /// # Errors
    /// As [`Nguon::tai`](super::Nguon::tai), then as [`Khuon::doc`].
    pub fn doc_tep(path: &std::path::Path, goc: &std::path::Path) -> Result<Khuon, Diagnostics> {
        Khuon::tu_nguon(super::Nguon::tai(path, goc)?)
    }

    fn tu_nguon(nguon: super::Nguon) -> Result<Khuon, Diagnostics> {
        let index = nguon.index();
        let cu_phap = nguon.cu_phap()?;
        let mut cho = Vec::new();
        tim_cho(cu_phap.bang.get_ref(), &mut Vec::new(), "", cu_phap.offset, &mut cho);
        if let Some((body, start)) = cu_phap.than.filter(|(body, _)| co_cho(body)) {
            let kieu = khoa::khoa(khoa::NOI_DUNG.ten).map(|k| &k.kieu);
            let khoa = khoa::NOI_DUNG.ten.to_owned();
            cho.push(Cho {
                duong: Vec::new(),
                khoa,
                kieu,
                span: start..start + body.len(),
                bien: BTreeSet::new(),
            });
        }
        let mut env = moi_truong();
        let mut diags = Vec::new();
        for (i, c) in cho.iter_mut().enumerate() {
            let (gia_tri, tho) = gia_tri_cua(&cu_phap, c);
            let ten = ten_mau(i, c);
            match env.add_template_owned(ten.clone(), gia_tri) {
                Ok(()) => {
                    if let Ok(t) = env.get_template(&ten) {
                        c.bien = t.undeclared_variables(false).into_iter().collect();
                    }
                }
                Err(e) => diags.push(loi_mau(&index, c, tho, &e)),
            }
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        let vi_tri = nguon.vi_tri(&cu_phap);
        drop((cu_phap, index));
        Ok(Khuon { nguon, cho, env, vi_tri })
    }

    /// The template's text (without a byte-order mark): what the places of
    /// [`Khuon::vi_tri`] and of every problem are in.
    pub fn nguon(&self) -> &str {
        self.nguon.text()
    }

    /// Where each key and value is written in the template, to place what is found in a
    /// filled document (lint) on the template's lines.
    pub fn vi_tri(&self) -> &super::ViTri {
        &self.vi_tri
    }

    /// The names the template takes from a row (its columns), sorted.
    pub fn cot(&self) -> BTreeSet<&str> {
        self.cho.iter().flat_map(|c| c.bien.iter().map(String::as_str)).filter(|b| *b != DONG).collect()
    }

    /// Checks that the data has every column the template names, before anything is filled.
    ///
    /// # Errors
    /// Each placeholder that names a column the data lacks, at its line and column in the
    /// template, with the data's columns and the nearest one.
    pub fn kiem_cot<S: AsRef<str>>(&self, cot: &[S]) -> Result<(), Diagnostics> {
        let co: Vec<&str> = cot.iter().map(AsRef::as_ref).collect();
        let index = self.nguon.index();
        let mut diags = Vec::new();
        for c in &self.cho {
            for bien in c.bien.iter().filter(|b| *b != DONG && !co.contains(&b.as_str())) {
                diags.push(thieu_cot(&index, self.nguon.text(), c, bien, &co));
            }
        }
        // In the order they are written, not of the names.
        diags.sort_by_key(|d| (d.line, d.column));
        if diags.is_empty() { Ok(()) } else { Err(Diagnostics(diags)) }
    }

    /// Fills the template from `dong` (a row: a map or struct whose fields are the columns)
    /// and reads the document it gives.
    ///
    /// A value that is empty once filled is as if its key were not written (an empty cell
    /// leaves an optional key out), and a value whose key holds a number or `true`/`false`
    /// takes the number or truth its text spells.
    ///
    /// # Errors
    /// A placeholder that fails (a missing field, a filter given a value it cannot read, the
    /// evaluation limit), and every problem of the document it gives, each with its key:
    /// [`Khuon::cot_cua`] names the columns a problem's value came from.
    pub fn dien<S: serde::Serialize + ?Sized>(&self, dong: &S) -> Result<VanBan, Diagnostics> {
        self.dien_voi(dong, None)
    }

    /// [`Khuon::dien`] with the document's number set to `so` (and the row's `so`, if the
    /// template names it), as `render merge --so-tu` numbers rows in order.
    ///
    /// # Errors
    /// As [`Khuon::dien`].
    pub fn dien_so<S: serde::Serialize + ?Sized>(&self, dong: &S, so: u32) -> Result<VanBan, Diagnostics> {
        self.dien_voi(dong, Some(so))
    }

    fn dien_voi<S: serde::Serialize + ?Sized>(
        &self,
        dong: &S,
        so: Option<u32>,
    ) -> Result<VanBan, Diagnostics> {
        let index = self.nguon.index();
        let ctx = boi_canh(dong, so).map_err(|d| Diagnostics(vec![index.place(*d, 0)]))?;
        let mut da_dien = Vec::with_capacity(self.cho.len());
        let mut diags = Vec::new();
        for (i, c) in self.cho.iter().enumerate() {
            let ket_qua = self.env.get_template(&ten_mau(i, c)).and_then(|t| t.render(&ctx));
            match ket_qua {
                Ok(s) => da_dien.push(s),
                Err(e) => {
                    let d = Diagnostic::new(format!("không điền được: {}", mo_ta(&e)))
                        .en(format!("cannot fill the value: {}", mo_ta(&e)))
                        .ma(ma::GIA_TRI)
                        .with_key(c.khoa.clone());
                    diags.push(index.place(d, c.span.start));
                    da_dien.push(String::new());
                }
            }
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        // The filled values, in the forms they take; the parsed table borrows them.
        let dien: Vec<Dien> = self.cho.iter().zip(&da_dien).map(|(c, s)| Dien::cua(s, c.kieu)).collect();
        let so = so.map(|n| Dien::So(n.to_string()));
        let mut cu_phap = self.nguon.cu_phap()?;
        let mut than = cu_phap.than;
        for ((c, s), d) in self.cho.iter().zip(&da_dien).zip(&dien).rev() {
            if c.duong.is_empty() {
                than = than.map(|(_, start)| (s.as_str(), start));
            } else {
                dat(cu_phap.bang.get_mut(), &c.duong, d.gia_tri());
            }
        }
        if let Some(so) = &so {
            let path = [Buoc::Khoa(crate::so_hieu::SO.ten.to_owned())];
            dat_hoac_them(cu_phap.bang.get_mut(), &path, so.gia_tri());
        }
        let top = cu_phap.bang.get_ref();
        super::fields::read_table(top, cu_phap.text, cu_phap.offset, than, &index)
            .map_err(|e| Diagnostics(e.0.into_iter().map(|d| self.dat_cho(&index, d, than)).collect()))
    }

    /// Places a problem of a filled document: one in a filled value at the value's start
    /// in the template (a place inside the filled text means nothing in the template), with
    /// the value's key.
    fn dat_cho(&self, index: &LineIndex<'_>, mut d: Diagnostic, than: Option<(&str, usize)>) -> Diagnostic {
        // A problem of the body (of the document's own text, not a shared file's) has no key.
        let trong_than =
            than.is_some_and(|(_, start)| d.tep.is_none() && d.line >= Some(index.position(start).0));
        if d.key.is_none() && trong_than {
            d.key = Some(khoa::NOI_DUNG.ten.to_owned());
        }
        match self.cho_cua(&d) {
            Some(c) => index.place(d, c.span.start),
            None => d,
        }
    }

    fn cho_cua(&self, d: &Diagnostic) -> Option<&Cho> {
        let key = d.key.as_deref()?;
        self.cho.iter().find(|c| {
            key.strip_prefix(c.khoa.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    /// The columns the value a problem of [`Khuon::dien`] is about was filled from: the
    /// spreadsheet columns to name when reporting it. Empty for a value the template writes
    /// itself.
    pub fn cot_cua(&self, d: &Diagnostic) -> Vec<&str> {
        self.cho_cua(d)
            .map(|c| c.bien.iter().map(String::as_str).filter(|b| *b != DONG).collect())
            .unwrap_or_default()
    }
}

/// Whether `s` holds template syntax.
fn co_cho(s: &str) -> bool {
    s.contains("{{") || s.contains("{%") || s.contains("{#")
}

/// The template's name for value `i`: `.md` for a Markdown value, whose output is escaped.
fn ten_mau(i: usize, c: &Cho) -> String {
    match c.kieu {
        Some(Kieu::NoiDung { .. }) => format!("{}#{i}.md", c.khoa),
        _ => format!("{}#{i}", c.khoa),
    }
}

/// The MiniJinja environment: strict about undefined names, bounded, with the filters,
/// escaping Markdown values.
fn moi_truong() -> Environment<'static> {
    let mut env = Environment::new();
    // Errors carry their place in the value either way; no execution state dumped.
    env.set_debug(false);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(crate::limits::TEMPLATE_FUEL));
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md") { AutoEscape::Custom(Cow::Borrowed(MARKDOWN)) } else { AutoEscape::None }
    });
    env.set_formatter(|out, state, value| {
        let text = if value.is_none() { String::new() } else { value.to_string() };
        match state.auto_escape() {
            AutoEscape::Custom(name) if name == MARKDOWN => out.write_str(&thoat_markdown(&text))?,
            _ => out.write_str(&text)?,
        }
        Ok(())
    });
    loc::dang_ky(&mut env);
    env
}

/// `s` as Markdown text that prints as itself: every ASCII punctuation mark escaped, line
/// breaks as spaces (a value cannot start a new paragraph, heading or list), white space
/// at its ends dropped (it cannot indent a line into something else).
fn thoat_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // After a line break, the white space that would indent the next line goes too.
    let mut trong = false;
    for c in s.trim().chars() {
        match c {
            '\r' | '\n' => {
                if !trong {
                    out.push(' ');
                }
                trong = true;
                continue;
            }
            ' ' | '\t' if trong => continue,
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        trong = false;
    }
    out
}

/// The context a row gives: its fields, and the whole row as [`DONG`]; `so` when given.
fn boi_canh<S: serde::Serialize + ?Sized>(dong: &S, so: Option<u32>) -> Result<JValue, Box<Diagnostic>> {
    let row = JValue::from(minijinja::value::Serde(dong));
    if row.kind() != minijinja::value::ValueKind::Map {
        return Err(Box::new(
            Diagnostic::new("một dòng dữ liệu phải là một bảng tên cột → giá trị")
                .en("a row of data must be a map of column names to values")
                .ma(ma::SAI_KIEU),
        ));
    }
    let mut map: std::collections::BTreeMap<String, JValue> = std::collections::BTreeMap::new();
    if let Ok(keys) = row.try_iter() {
        for k in keys {
            if let (Some(name), Ok(v)) = (k.as_str(), row.get_item(&k)) {
                map.insert(name.to_owned(), v);
            }
        }
    }
    if let Some(so) = so {
        map.insert(crate::so_hieu::SO.ten.to_owned(), JValue::from(so));
    }
    map.insert(DONG.to_owned(), row);
    Ok(JValue::from(map))
}

/// Collects the string values of `table` (at `path`, named `ten`) that hold placeholders.
fn tim_cho(table: &DeTable<'_>, path: &mut Vec<Buoc>, ten: &str, offset: usize, out: &mut Vec<Cho>) {
    for (k, v) in table {
        let key = if ten.is_empty() { k.get_ref().to_string() } else { format!("{ten}.{}", k.get_ref()) };
        path.push(Buoc::Khoa(k.get_ref().to_string()));
        let kieu = khoa::khoa(&key).map(|k| &k.kieu);
        tim_gia_tri(v, path, &key, kieu, offset, out);
        path.pop();
    }
}

fn tim_gia_tri(
    v: &Spanned<DeValue<'_>>,
    path: &mut Vec<Buoc>,
    key: &str,
    kieu: Option<&'static Kieu>,
    offset: usize,
    out: &mut Vec<Cho>,
) {
    match v.get_ref() {
        DeValue::String(s) if co_cho(s) => {
            let span = offset + v.span().start..offset + v.span().end;
            out.push(Cho { duong: path.clone(), khoa: key.to_owned(), kieu, span, bien: BTreeSet::new() });
        }
        DeValue::Table(t) => tim_cho(t, path, key, offset, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Buoc::Muc(i));
                match item.get_ref() {
                    // A list of tables (`[[phu_luc]]`): its keys are named without the index.
                    DeValue::Table(t) => tim_cho(t, path, key, offset, out),
                    _ => tim_gia_tri(item, path, &format!("{key}[{i}]"), kieu, offset, out),
                }
                path.pop();
            }
        }
        _ => {}
    }
}

/// The text of a placeholder value, and where its text (after the opening quotes) starts
/// in the file with the raw text when it has escapes.
fn gia_tri_cua<'s>(cu_phap: &super::CuPhap<'s>, c: &Cho) -> (String, (usize, Option<&'s str>)) {
    if c.duong.is_empty() {
        let body = cu_phap.than.map(|(b, _)| b).unwrap_or_default();
        return (body.to_owned(), (c.span.start, None));
    }
    let local = c.span.start - cu_phap.offset..c.span.end - cu_phap.offset;
    let (start, raw) = super::fields::string_start(cu_phap.text, &local);
    let value = lay(cu_phap.bang.get_ref(), &c.duong).unwrap_or_default();
    (value, (cu_phap.offset + start, raw))
}

/// The string at `path` in `table`.
fn lay(table: &DeTable<'_>, path: &[Buoc]) -> Option<String> {
    let (Buoc::Khoa(first), rest) = path.split_first()? else { return None };
    let mut v = table.iter().find(|(k, _)| k.get_ref() == first)?.1.get_ref();
    for step in rest {
        v = match (step, v) {
            (Buoc::Khoa(k), DeValue::Table(t)) => t.iter().find(|(key, _)| key.get_ref() == k)?.1.get_ref(),
            (Buoc::Muc(i), DeValue::Array(a)) => a.get(*i)?.get_ref(),
            _ => return None,
        };
    }
    match v {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}

/// Puts `gia_tri` (a filled value, `None` when empty) at `path`: the key or list entry is
/// removed when it is `None`.
fn dat<'i>(table: &mut DeTable<'i>, path: &[Buoc], gia_tri: Option<DeValue<'i>>) {
    match path {
        [Buoc::Khoa(k)] => dat_khoa(table, k, gia_tri),
        [Buoc::Khoa(k), rest @ ..] => {
            if let Some((_, v)) = table.iter_mut().find(|(key, _)| key.get_ref() == k) {
                dat_trong(v.get_mut(), rest, gia_tri);
            }
        }
        _ => {}
    }
}

fn dat_trong<'i>(v: &mut DeValue<'i>, path: &[Buoc], gia_tri: Option<DeValue<'i>>) {
    match (path, v) {
        ([Buoc::Muc(i)], DeValue::Array(a)) => match gia_tri {
            Some(g) => {
                if let Some(x) = a.get_mut(*i) {
                    *x.get_mut() = g;
                }
            }
            None if *i < a.len() => {
                let old = std::mem::replace(a, toml::de::DeArray::new());
                *a = old.into_iter().enumerate().filter(|(j, _)| j != i).map(|(_, x)| x).collect();
            }
            None => {}
        },
        ([Buoc::Muc(i), rest @ ..], DeValue::Array(a)) => {
            if let Some(x) = a.get_mut(*i) {
                dat_trong(x.get_mut(), rest, gia_tri);
            }
        }
        (_, DeValue::Table(t)) => dat(t, path, gia_tri),
        _ => {}
    }
}

fn dat_khoa<'i>(t: &mut DeTable<'i>, k: &str, gia_tri: Option<DeValue<'i>>) {
    let key = t.iter().find(|(key, _)| key.get_ref() == k).map(|(key, _)| key.clone());
    match (key, gia_tri) {
        (Some(key), Some(g)) => {
            if let Some(x) = t.get_mut(&key) {
                *x.get_mut() = g;
            }
        }
        (Some(key), None) => {
            t.remove(&key);
        }
        (None, _) => {}
    }
}

/// Sets the top-level key of `path` to `gia_tri`, written in the template or not.
fn dat_hoac_them<'i>(t: &mut DeTable<'i>, path: &[Buoc], gia_tri: Option<DeValue<'i>>) {
    let [Buoc::Khoa(k)] = path else { return };
    let Some(g) = gia_tri else { return };
    if t.iter().any(|(key, _)| key.get_ref() == k) {
        dat_khoa(t, k, Some(g));
    } else {
        t.insert(Spanned::new(0..0, Cow::Owned(k.clone())), Spanned::new(0..0, g));
    }
}

/// A filled value in the form its key takes.
enum Dien {
    /// Empty: the key or entry is left out.
    Bo,
    /// Text.
    Chuoi(String),
    /// A number, as TOML writes it.
    So(String),
    /// `true` or `false`.
    DungSai(bool),
}

impl Dien {
    /// The form filled text `s` takes for a key that holds `kieu`: the number or truth it
    /// spells where the key holds one, else the text; nothing when it is empty.
    fn cua(s: &str, kieu: Option<&Kieu>) -> Dien {
        let t = s.trim();
        if t.is_empty() {
            return Dien::Bo;
        }
        let so = || t.parse::<i64>().ok().map(|n| Dien::So(n.to_string()));
        let dung_sai = || match t {
            "true" => Some(Dien::DungSai(true)),
            "false" => Some(Dien::DungSai(false)),
            _ => None,
        };
        let khac = match kieu {
            Some(Kieu::SoNguyen { .. } | Kieu::SoMotTrong(_)) => so(),
            Some(Kieu::SoThuc { .. }) => {
                t.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| Dien::So(format!("{f:?}")))
            }
            Some(Kieu::DungSai | Kieu::DungSaiHoacChuoi) => dung_sai(),
            Some(Kieu::DungSaiHoacSo { .. }) => dung_sai().or_else(so),
            _ => None,
        };
        khac.unwrap_or_else(|| Dien::Chuoi(s.to_owned()))
    }

    /// The value for the parsed table, borrowing this.
    fn gia_tri(&self) -> Option<DeValue<'_>> {
        match self {
            Dien::Bo => None,
            Dien::Chuoi(s) => Some(DeValue::String(Cow::Borrowed(s))),
            Dien::So(t) => DeValue::parse(t).ok().map(Spanned::into_inner),
            Dien::DungSai(b) => Some(DeValue::Boolean(*b)),
        }
    }
}

/// A placeholder that is not valid Jinja, at its place in the file.
fn loi_mau(
    index: &LineIndex<'_>,
    c: &Cho,
    (start, raw): (usize, Option<&str>),
    e: &minijinja::Error,
) -> Diagnostic {
    let at = e.range().map_or(0, |r| r.start);
    let at = match raw {
        Some(raw) => super::fields::trong_chuoi(raw, at),
        None => at,
    };
    let d = Diagnostic::new(format!("chỗ điền sai cú pháp Jinja: {}", mo_ta(e)))
        .en(format!("a placeholder is not valid Jinja: {}", mo_ta(e)))
        .with_hint(
            "viết {{ ten_cot }}, {{ ten_cot | ngay }}, {% if … %}…{% endif %}, {% for … %}…{% endfor %}",
        )
        .hint_en("write {{ column }}, {{ column | ngay }}, {% if … %}…{% endif %}, {% for … %}…{% endfor %}")
        .ma(ma::CU_PHAP)
        .with_key(c.khoa.clone());
    index.place(d, start + at)
}

/// MiniJinja's account of an error, without its template name.
fn mo_ta(e: &minijinja::Error) -> String {
    let mut s = e.detail().map_or_else(|| e.kind().to_string(), str::to_owned);
    if let Some(inner) = std::error::Error::source(e) {
        let _ = write!(s, ": {inner}");
    }
    s
}

/// A placeholder names `bien`, a column the data lacks.
fn thieu_cot(index: &LineIndex<'_>, source: &str, c: &Cho, bien: &str, co: &[&str]) -> Diagnostic {
    let raw = source.get(c.span.clone()).unwrap_or_default();
    let at = vi_tri_ten(raw, bien).map_or(c.span.start, |i| c.span.start + i);
    let gan = co
        .iter()
        .map(|k| (strsim::jaro_winkler(k, bien), *k))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let ds = if co.is_empty() { "(không có cột nào)".to_owned() } else { co.join(", ") };
    let ds_en = if co.is_empty() { "(no columns)".to_owned() } else { co.join(", ") };
    let (hint, hint_en) = match gan {
        Some((_, k)) => (
            format!("có phải “{k}”? Các cột của dữ liệu: {ds}"),
            format!("did you mean “{k}”? The data's columns: {ds_en}"),
        ),
        None => (format!("các cột của dữ liệu: {ds}"), format!("the data's columns: {ds_en}")),
    };
    let d = Diagnostic::new(format!("dữ liệu không có cột “{bien}”"))
        .en(format!("the data has no column “{bien}”"))
        .with_hint(hint)
        .hint_en(hint_en)
        .ma(ma::KHOA_LA)
        .with_key(c.khoa.clone());
    index.place(d, at)
}

/// Where `ten` is written as a whole name inside a `{{ }}` or `{% %}` of `raw`.
fn vi_tri_ten(raw: &str, ten: &str) -> Option<usize> {
    let is_id = |c: char| c.is_alphanumeric() || c == '_';
    raw.match_indices(ten).map(|(i, _)| i).find(|&i| {
        let before = &raw[..i];
        let whole = !before.chars().next_back().is_some_and(is_id)
            && !raw[i + ten.len()..].chars().next().is_some_and(is_id);
        // Inside a tag: the last opening before it comes after the last closing.
        let open = [before.rfind("{{"), before.rfind("{%")].into_iter().flatten().max();
        let close = [before.rfind("}}"), before.rfind("%}")].into_iter().flatten().max();
        whole && open.is_some_and(|o| close.is_none_or(|c| c < o))
    })
}

#[cfg(test)]
mod tests;
