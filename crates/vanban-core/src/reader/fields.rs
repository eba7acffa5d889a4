//! The TOML fields of a document, checked key by key; every problem is collected.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::markdown;
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, ma};
use crate::khoa::{self, CoMat, Khoa};
use crate::{
    Anh, CanCu, CoChu, CoQuan, CongVan, Dau, DoKhan, DoMat, DuThao, KinhGui, KyHieu, KySo, LienHe,
    LoaiVanBan, Mau, Ngay, NguoiKy, NoiDung, NoiNhan, QuyenHan, QuyetDinh, So, SoHieu, TrichYeu, ValueError,
    VanBan, VanBanCoTenLoai, VietTat,
};

type Value<'i> = Spanned<DeValue<'i>>;

/// Collects diagnostics with positions in the whole file.
struct Ctx<'a> {
    index: &'a LineIndex<'a>,
    /// Where the TOML text starts in the file.
    offset: usize,
    diags: Vec<Diagnostic>,
    /// Keys offered as the likely meaning of a misspelt key: not reported missing as well.
    suggested: Vec<String>,
    /// The document's type, once read: which keys a table must have or must not.
    loai: Option<LoaiVanBan>,
}

/// A message or a hint in Vietnamese and in English.
struct Msg {
    vi: String,
    en: String,
}

/// A message or a hint: `vi` in Vietnamese, `en` in English.
fn vi_en(vi: impl Into<String>, en: impl Into<String>) -> Msg {
    Msg { vi: vi.into(), en: en.into() }
}

impl Msg {
    /// Text that reads the same in both languages, such as a line of TOML.
    fn both(text: impl Into<String>) -> Msg {
        let text = text.into();
        Msg { vi: text.clone(), en: text }
    }
}

impl From<&ValueError> for Msg {
    fn from(e: &ValueError) -> Msg {
        vi_en(e.to_string(), e.en())
    }
}

/// A diagnostic saying `message`, with `hint` if any, in both languages.
fn diagnostic(message: Msg, hint: Option<Msg>) -> Diagnostic {
    let d = Diagnostic::new(message.vi).en(message.en);
    match hint {
        Some(h) => d.with_hint(h.vi).hint_en(h.en),
        None => d,
    }
}

impl Ctx<'_> {
    fn at(&mut self, span: &Range<usize>, key: &str, message: Msg, hint: Option<Msg>) {
        let d = diagnostic(message, hint).with_key(key);
        self.diags.push(self.index.place(d, self.offset + span.start));
    }

    /// Where in the value at `span` the character `e` refuses is written, when it is typed
    /// as itself (not as an escape such as `\u200B`): a message about an invisible character
    /// points at it, not at the start of a long value. Otherwise `span`.
    fn ky_tu(&self, span: &Range<usize>, e: &ValueError) -> Range<usize> {
        let c = match e {
            ValueError::KyTuDieuKhien(c)
            | ValueError::KyTuDoiHuong(c)
            | ValueError::KyTuVoHinh(c)
            | ValueError::DauDungRieng(c) => char::from_u32(*c),
            _ => None,
        };
        let raw = self.index.text().get(self.offset + span.start..self.offset + span.end);
        match (c, raw) {
            (Some(c), Some(raw)) => match raw.find(c) {
                Some(i) => span.start + i..span.end,
                None => span.clone(),
            },
            _ => span.clone(),
        }
    }

    /// The entries of a list vanban punctuates itself (`- X;` … `- Y.`, or `X;` … `Y.` when
    /// `gach` is false) at `v` (`key`), each without the list marker typed at its start and
    /// the punctuation typed at its end, which vanban prints itself (lint rule
    /// `dau-cau-danh-sach` names what went). An entry of nothing but punctuation is refused.
    fn danh_sach(&mut self, v: &Value<'_>, key: &str, gach: bool) -> Option<Vec<(String, Range<usize>)>> {
        let items = self.texts(v, key)?;
        let list = matches!(v.get_ref(), DeValue::Array(_));
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, (t, span)) in items.into_iter().enumerate() {
            let muc = crate::kinh_gui::tach_muc(&t, gach);
            if muc.noi_dung.is_empty() {
                let k = if list { format!("{key}[{i}]") } else { key.to_owned() };
                let shown = crate::text::ngan(&t);
                self.at(
                    &span,
                    &k,
                    vi_en(
                        format!("mục “{shown}” chỉ có dấu câu, không có nội dung"),
                        format!("the entry “{shown}” is only punctuation, with no text"),
                    ),
                    Some(vi_en(
                        "xóa mục này: vanban tự in dấu gạch đầu dòng, dấu “;” và dấu “.” của danh sách",
                        "remove this entry: vanban prints the list's dashes, “;” and “.” itself",
                    )),
                );
                ok = false;
            } else {
                out.push((muc.noi_dung.to_owned(), span));
            }
        }
        ok.then_some(out)
    }

    /// `key`, given at `v`, belongs to other types than `loai`; `hint` says which.
    fn not_of_type(&mut self, v: &Value<'_>, key: &str, loai: LoaiVanBan, hint: Msg) {
        let message = vi_en(
            format!("{} không có khóa này", loai.ten_loai().to_lowercase()),
            format!("document type “{}” does not take this key", loai.slug()),
        );
        self.at(&v.span(), key, message, Some(hint));
        self.ma_cuoi(ma::KHONG_CUA_LOAI);
    }

    /// Gives the problem recorded last the stable id `ma`.
    fn ma_cuoi(&mut self, ma: &'static str) {
        if let Some(d) = self.diags.last_mut() {
            d.ma = Some(ma);
        }
    }

    /// Required `key` is missing, from `table` or (`None`) the top level; `example` shows a
    /// line that would give it.
    fn missing(&mut self, table: Option<&Range<usize>>, key: &str, example: Msg) {
        if self.suggested.iter().any(|k| k == key) {
            return;
        }
        let d = diagnostic(
            vi_en(format!("thiếu khóa bắt buộc “{key}”"), format!("missing required key “{key}”")),
            Some(vi_en(
                format!("thêm một dòng như: {}", example.vi),
                format!("add a line such as: {}", example.en),
            )),
        )
        .with_key(key)
        .ma(ma::THIEU_KHOA);
        let mut d = match table {
            Some(span) => self.index.place(d, self.offset + span.start),
            None => self.index.place(d, self.offset),
        };
        if table.is_none() {
            // Missing from the whole file: no line of the file is at fault.
            d.line = None;
            d.column = None;
            d.source_line = None;
        }
        self.diags.push(d);
    }

    /// A text value: NFC, trimmed, not empty, printable.
    fn text(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => match crate::text::van_ban(s) {
                Ok(t) => Some(t),
                Err(e) => {
                    let span = self.ky_tu(&v.span(), &e);
                    self.at(&span, key, Msg::from(&e), None);
                    self.ma_cuoi(ma::GIA_TRI);
                    None
                }
            },
            other => {
                self.at(
                    &v.span(),
                    key,
                    vi_en(
                        format!("phải là chuỗi văn bản trong dấu ngoặc kép, không phải {}", kind(other)),
                        format!("must be a string in double quotes, not {}", kind_en(other)),
                    ),
                    Some(Msg::both(format!("{} = \"…\"", leaf(key)))),
                );
                self.ma_cuoi(ma::SAI_KIEU);
                None
            }
        }
    }

    /// A text or a list of texts.
    fn texts(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        match v.get_ref() {
            DeValue::String(_) => self.text(v, key).map(|t| vec![(t, v.span())]),
            DeValue::Array(items) if items.len() > crate::limits::LIST_ITEMS => {
                self.at(
                    &v.span(),
                    key,
                    vi_en(
                        format!(
                            "danh sách có {} mục, quá giới hạn {} mục",
                            items.len(),
                            crate::limits::LIST_ITEMS
                        ),
                        format!(
                            "the list has {} items, over the limit of {} items",
                            items.len(),
                            crate::limits::LIST_ITEMS
                        ),
                    ),
                    Some(vi_en(
                        "gộp các mục cùng loại (ví dụ “Các xã, phường”) hoặc đưa danh sách vào phụ lục",
                        "merge items of the same kind (for example “Các xã, phường”) or move the list into an appendix",
                    )),
                );
                self.ma_cuoi(ma::QUA_GIOI_HAN);
                None
            }
            DeValue::Array(items) => {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.text(item, &format!("{key}[{i}]")) {
                        Some(t) => out.push((t, item.span())),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            other => {
                self.at(
                    &v.span(),
                    key,
                    vi_en(
                        format!("phải là chuỗi văn bản hoặc danh sách chuỗi, không phải {}", kind(other)),
                        format!("must be a string or a list of strings, not {}", kind_en(other)),
                    ),
                    Some(Msg::both(format!("{} = [\"…\", \"…\"]", leaf(key)))),
                );
                self.ma_cuoi(ma::SAI_KIEU);
                None
            }
        }
    }

    /// Reports every key of `table` (at `prefix`) that is not one of `defs`.
    fn unknown_keys(&mut self, table: &DeTable<'_>, defs: &[&Khoa], prefix: &str) {
        let known = khoa::ten_cac_khoa(defs);
        let known = known.as_slice();
        for (k, _) in table.iter() {
            let name = k.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let path = format!("{prefix}{}", crate::text::ngan(name));
            let hint = match closest(name, known) {
                Some(c) => {
                    self.suggested.push(format!("{prefix}{c}"));
                    did_you_mean(c)
                }
                None => vi_en(
                    format!("các khóa dùng được ở đây: {}", known.join(", ")),
                    format!("the keys allowed here: {}", known.join(", ")),
                ),
            };
            let shown = crate::text::ngan(name);
            self.at(
                &k.span(),
                &path,
                vi_en(
                    format!("khóa “{shown}” không có trong mẫu văn bản"),
                    format!("key “{shown}” is not part of the document template"),
                ),
                Some(hint),
            );
            self.ma_cuoi(ma::KHOA_LA);
        }
    }
}

impl Ctx<'_> {
    /// Checks which of `defs` the document's type requires or refuses in `table` (at
    /// `prefix`, spanning `span`; `None` for the top level): a required key missing and a
    /// refused key given are reported. Keys in `skip` are left to the caller. Returns the
    /// refused keys given, which the caller does not read.
    fn co_mat(
        &mut self,
        table: &DeTable<'_>,
        span: Option<&Range<usize>>,
        defs: &[&Khoa],
        prefix: &str,
        skip: &[&str],
    ) -> Vec<&'static str> {
        let mut refused = Vec::new();
        for k in defs.iter().filter(|k| !skip.contains(&k.ten)) {
            let path = format!("{prefix}{}", k.ten);
            let co_mat = match self.loai {
                Some(l) => (k.co_mat)(l),
                // Of an unknown type only what every type requires is known.
                None if LoaiVanBan::ALL.iter().all(|l| (k.co_mat)(*l) == CoMat::BatBuoc) => CoMat::BatBuoc,
                None => CoMat::TuyChon,
            };
            match (co_mat, get(table, k.ten), self.loai) {
                (CoMat::BatBuoc, None, _) => self.missing(span, &path, Msg::both(k.dong_vi_du())),
                (CoMat::Khong, Some(v), Some(l)) => {
                    let (vi, en) = k.co_o_bang_chu();
                    let hint = match k.thay_the {
                        ("", "") => vi_en(
                            format!("xóa khóa {} ({vi})", k.ten),
                            format!("remove the key {} ({en})", k.ten),
                        ),
                        (tvi, ten) => vi_en(
                            format!("xóa khóa {}; {tvi} ({vi})", k.ten),
                            format!("remove the key {}; {ten} ({en})", k.ten),
                        ),
                    };
                    self.not_of_type(v, &path, l, hint);
                    refused.push(k.ten);
                }
                _ => {}
            }
        }
        refused
    }
}

impl Ctx<'_> {
    /// The list at `v` (`path`) with each entry written as a table of `defs` (a recipient
    /// `{ ten = "…", ma_dinh_danh = "…" }`) replaced by its `ten`, so that it reads as a list
    /// of texts; the identifiers those tables give, by entry; and whether they were all good.
    fn muc_bang<'i>(
        &mut self,
        v: &Value<'i>,
        path: &str,
        defs: &[&Khoa],
    ) -> (Value<'i>, Vec<(usize, String)>, bool) {
        let DeValue::Array(items) = v.get_ref() else { return (v.clone(), Vec::new(), true) };
        if !items.iter().any(|item| matches!(item.get_ref(), DeValue::Table(_))) {
            return (v.clone(), Vec::new(), true);
        }
        let (ten, ma) = (crate::noi_nhan::TEN_MUC.ten, crate::noi_nhan::MA_DINH_DANH_MUC.ten);
        let mut out = toml::de::DeArray::new();
        let mut dinh_danh = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let DeValue::Table(t) = item.get_ref() else {
                out.push(item.clone());
                continue;
            };
            let prefix = format!("{path}[{i}].");
            self.unknown_keys(t, defs, &prefix);
            self.co_mat(t, Some(&item.span()), defs, &prefix, &[]);
            match get(t, ten) {
                Some(name) => out.push(name.clone()),
                None => ok = false,
            }
            if let Some(mv) = get(t, ma) {
                let key = format!("{prefix}{ma}");
                match self.text(mv, &key).map(|typed| (CoQuan::ma_dinh_danh(&typed), typed)) {
                    Some((Some(m), _)) => dinh_danh.push((i, m)),
                    Some((None, typed)) => {
                        let shown = crate::text::ngan(&typed);
                        self.at(
                            &mv.span(),
                            &key,
                            vi_en(
                                format!("“{shown}” không phải mã định danh điện tử"),
                                format!("“{shown}” is not an electronic identifier"),
                            ),
                            Some(Msg::both(crate::noi_nhan::MA_DINH_DANH_MUC.dong_vi_du())),
                        );
                        ok = false;
                    }
                    None => ok = false,
                }
            }
        }
        (Spanned::new(v.span(), DeValue::Array(out)), dinh_danh, ok)
    }
}

fn leaf(key: &str) -> &str {
    let key = key.rsplit('.').next().unwrap_or(key);
    key.split('[').next().unwrap_or(key)
}

fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "chuỗi văn bản",
        DeValue::Integer(_) => "số nguyên",
        DeValue::Float(_) => "số thập phân",
        DeValue::Boolean(_) => "giá trị đúng/sai",
        DeValue::Datetime(_) => "ngày giờ",
        DeValue::Array(_) => "danh sách",
        DeValue::Table(_) => "bảng",
    }
}

/// [`kind`] in English.
fn kind_en(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean (true/false)",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The hint offering `c` for a misspelt name.
fn did_you_mean(c: &str) -> Msg {
    vi_en(format!("có phải ý bạn là “{c}”?"), format!("did you mean “{c}”?"))
}

/// The hint listing the types this version lays out.
fn supported_hint() -> Msg {
    let list = supported().join(", ");
    vi_en(format!("các loại được hỗ trợ: {list}"), format!("the supported types: {list}"))
}

/// `s` as a slug is written: without Vietnamese diacritics (`đ` → `d`), in lower case, with
/// white space and `_` as `-` (`Tờ trình` → `to-trinh`).
pub(super) fn khong_dau(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in s.trim().nfd() {
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if crate::text::dau_ket_hop(c) => {}
            c if c.is_whitespace() || c == '_' || c == '-' => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The type slug `typed` most likely means: the same words without diacritics, capitals or
/// spaces (`tờ trình`, `TO_TRINH` → `to-trinh`), else the closest by spelling.
pub(crate) fn loai_gan_dung(typed: &str) -> Option<&'static str> {
    let slugs: Vec<&'static str> = LoaiVanBan::ALL.iter().map(|l| l.slug()).collect();
    let norm = khong_dau(typed);
    slugs.iter().copied().find(|s| *s == norm).or_else(|| closest(&norm, &slugs))
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub(crate) fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Value<'i>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

fn integer(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

/// A sub-table such as `[co_quan]`: its entries and span, with its unknown keys and the keys
/// the document's type requires or refuses in it reported (but those in `skip`); `None` when
/// it is missing (reported where its table's keys are checked) or holds something else.
fn sub_table<'t, 'i>(
    ctx: &mut Ctx<'_>,
    top: &'t DeTable<'i>,
    key: &str,
    known: &[&Khoa],
    skip: &[&str],
) -> Option<(&'t DeTable<'i>, Range<usize>)> {
    let v = get(top, leaf(key))?;
    match v.get_ref() {
        DeValue::Table(t) => {
            ctx.unknown_keys(t, known, &format!("{key}."));
            ctx.co_mat(t, Some(&v.span()), known, &format!("{key}."), skip);
            Some((t, v.span()))
        }
        other => {
            ctx.at(
                &v.span(),
                key,
                vi_en(
                    format!("phải là một bảng [{key}], không phải {}", kind(other)),
                    format!("must be a table [{key}], not {}", kind_en(other)),
                ),
                Some(vi_en(
                    format!("viết thành một phần riêng bắt đầu bằng dòng [{key}]"),
                    format!("write it as a section of its own, starting with the line [{key}]"),
                )),
            );
            ctx.ma_cuoi(ma::SAI_KIEU);
            None
        }
    }
}

/// Parses `toml_text` (which starts at byte `offset` of the file) into its spanned table, for
/// [`read_table`] and the [`ViTri`](super::ViTri); or every syntax error, placed with `index`.
pub(super) fn bang<'i>(
    toml_text: &'i str,
    offset: usize,
    index: &LineIndex<'_>,
) -> Result<Spanned<DeTable<'i>>, Diagnostics> {
    let (table, errors) = DeTable::parse_recoverable(toml_text);
    if errors.is_empty() {
        return Ok(table);
    }
    let line_of = |at: usize| index.position(offset + at).0;
    let diags = super::toml_loi::dien_giai(toml_text, &errors, &line_of)
        .into_iter()
        .map(|e| {
            let d = diagnostic(vi_en(e.vi, e.en), Some(vi_en(e.goi_y_vi, e.goi_y_en))).ma(ma::CU_PHAP);
            index.place(d, offset + e.at)
        })
        .collect();
    Err(Diagnostics(diags))
}

/// Reads the document from its parsed top-level table `top`, whose spans are byte offsets
/// in `text` (the TOML or JSON text, which starts at byte `offset` of the file), and the body:
/// the `.md` body given, or the `noi_dung` key.
pub(super) fn read_table(
    top: &DeTable<'_>,
    toml_text: &str,
    offset: usize,
    md_body: Option<(&str, usize)>,
    index: &LineIndex<'_>,
) -> Result<VanBan, Diagnostics> {
    let mut ctx = Ctx { index, offset, diags: Vec::new(), suggested: Vec::new(), loai: None };
    ctx.unknown_keys(top, khoa::VAN_BAN, "");

    // loai
    let loai = loai_cua(&mut ctx, top);

    // Which keys the type requires and refuses; a refused key is not read further.
    ctx.loai = loai;
    let refused = ctx.co_mat(top, None, khoa::VAN_BAN, "", &[khoa::NOI_DUNG.ten]);
    let got = |key: &str| get(top, key).filter(|_| !refused.contains(&key));

    // so, ky_hieu, don_vi_soan_thao
    let so = so_cua(&mut ctx, top);
    let ma_dang_ky = ma_dang_ky_cua(&mut ctx, top);
    let ky_hieu = get(top, khoa::KY_HIEU.ten).and_then(|v| {
        let t = ctx.text(v, khoa::KY_HIEU.ten)?;
        KyHieu::new(&t).map_err(|e| ctx.at(&v.span(), khoa::KY_HIEU.ten, Msg::from(&e), None)).ok()
    });
    let don_vi = get(top, khoa::DON_VI_SOAN_THAO.ten).and_then(|v| {
        let t = ctx.text(v, khoa::DON_VI_SOAN_THAO.ten)?;
        VietTat::new(&t).map_err(|e| ctx.at(&v.span(), khoa::DON_VI_SOAN_THAO.ten, Msg::from(&e), None)).ok()
    });

    // dia_danh, ngay
    let bien_ban = loai == Some(LoaiVanBan::BienBan);
    let dia_danh = got(khoa::DIA_DANH.ten).and_then(|v| ctx.text(v, khoa::DIA_DANH.ten));
    let ngay = ngay_cua(&mut ctx, top);
    let phan = phan_mau(&mut ctx, &got);
    let DauChi { do_mat, do_khan, pham_vi_luu_hanh, du_thao, co_chu } = dau_chi(&mut ctx, top);
    let co_quan = co_quan(&mut ctx, top);
    // [nguoi_ky], [noi_nhan]
    let nguoi_ky = nguoi_ky(&mut ctx, top, (khoa::NGUOI_KY.ten, crate::nguoi_ky::KHOA), bien_ban);
    let noi_nhan = noi_nhan(&mut ctx, top, khoa::NOI_NHAN.ten);

    let (mut noi_dung, body_at) = than(&mut ctx, top, md_body, (toml_text, offset));
    let ky_so = ky_so(&mut ctx, top);
    let ban_sao = get(top, khoa::BAN_SAO.ten).and_then(|_| ban_sao(&mut ctx, top));
    let phu_luc =
        get(top, khoa::PHU_LUC.ten).map(|v| phu_luc(&mut ctx, top, v, toml_text, offset)).unwrap_or_default();
    let kem_theo = got(khoa::KEM_THEO.ten).and_then(|_| kem_theo(&mut ctx, top, toml_text, offset));
    if let (Some(_), Some(v)) = (get(top, khoa::BAN_SAO.ten), du_thao_key(top)) {
        ctx.at(
            &v.span(),
            khoa::DU_THAO.ten,
            vi_en("bản sao không sao từ một dự thảo", "a copy is not made of a draft"),
            Some(vi_en(
                "xóa khóa du_thao hoặc bảng [ban_sao]",
                "remove the key du_thao or the table [ban_sao]",
            )),
        );
    }
    // The tables of one form each: [gioi_thieu], [bien_ban], [nghi_phep].
    let mut gioi_thieu = None;
    let mut bien_ban_t = None;
    let mut nghi_phep = None;
    if let Some(l) = loai {
        match l {
            LoaiVanBan::GiayGioiThieu => gioi_thieu = self::gioi_thieu(&mut ctx, top),
            LoaiVanBan::BienBan => bien_ban_t = self::bien_ban(&mut ctx, top),
            LoaiVanBan::GiayNghiPhep => nghi_phep = self::nghi_phep(&mut ctx, top),
            _ => {}
        }
    }

    // A type without an abbreviation (công văn, thư công) takes <agency>-<drafting unit>.
    if loai.is_some_and(|l| l.viet_tat().is_none())
        && ky_hieu.is_none()
        && don_vi.is_none()
        && get(top, khoa::KY_HIEU.ten).is_none()
        && get(top, khoa::DON_VI_SOAN_THAO.ten).is_none()
    {
        ctx.missing(
            None,
            khoa::DON_VI_SOAN_THAO.ten,
            vi_en(
                "don_vi_soan_thao = \"NV\" (ký hiệu của công văn, thư công là <cơ quan>-<đơn vị soạn thảo>)",
                "don_vi_soan_thao = \"NV\" (the ký hiệu of a cong-van or thu-cong is <agency>-<drafting unit>)",
            ),
        );
    }

    if let Some(l) = loai.filter(|l| l.co_dieu()) {
        co_dieu(&mut ctx, l, noi_dung.as_mut(), body_at);
    }

    if !ctx.diags.is_empty() {
        return Err(Diagnostics(ctx.diags));
    }
    // Every required part was read above; a `None` here means a diagnostic was recorded.
    let (Some(loai), Some(co_quan), dia_danh, Some(ngay), Some(noi_dung), Some(nguoi_ky), Some(noi_nhan)) =
        (loai, co_quan, dia_danh, ngay, noi_dung, nguoi_ky, noi_nhan)
    else {
        let d = diagnostic(
            vi_en("văn bản thiếu thành phần bắt buộc", "the document lacks a required part"),
            None,
        );
        return Err(Diagnostics(vec![d]));
    };
    // Only a biên bản goes without a place name (it was refused on one above).
    if dia_danh.is_none() && !bien_ban {
        return thieu("văn bản thiếu địa danh", "the document lacks its place name (dia_danh)");
    }
    let ky_hieu = match ky_hieu.or_else(|| KyHieu::derive(loai, &co_quan, don_vi.as_ref())) {
        Some(k) => k,
        None => {
            let d = diagnostic(
                vi_en(
                    "không xác định được ký hiệu văn bản",
                    "the ký hiệu of the document cannot be determined",
                ),
                None,
            );
            return Err(Diagnostics(vec![d.with_key(khoa::KY_HIEU.ten)]));
        }
    };
    let mau = lap_mau(loai, phan, (gioi_thieu, bien_ban_t, nghi_phep))?;
    Ok(VanBan {
        mau,
        co_quan,
        so_hieu: SoHieu { so, ky_hieu },
        ma_dang_ky,
        dia_danh,
        ngay,
        noi_dung,
        nguoi_ky,
        noi_nhan,
        du_thao,
        do_mat,
        do_khan,
        pham_vi_luu_hanh,
        co_chu,
        ky_so,
        ban_sao,
        phu_luc,
        kem_theo,
    })
}

/// The document's type (`loai`), when it names one; an unknown name is reported with the
/// type it most likely means.
fn loai_cua(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<LoaiVanBan> {
    match get(top, khoa::LOAI.ten) {
        None => None,
        Some(v) => ctx.text(v, khoa::LOAI.ten).and_then(|slug| match LoaiVanBan::from_slug(&slug) {
            Some(l) => Some(l),
            None => {
                let hint = match loai_gan_dung(&slug) {
                    Some(c) => did_you_mean(c),
                    None => supported_hint(),
                };
                let shown = crate::text::ngan(&slug);
                ctx.at(
                    &v.span(),
                    khoa::LOAI.ten,
                    vi_en(
                        format!("không có loại văn bản “{shown}”"),
                        format!("unknown document type “{shown}”"),
                    ),
                    Some(hint),
                );
                None
            }
        }),
    }
}

/// The document's number (`so`), an integer in range; a number typed in quotes gets a hint.
fn so_cua(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<So> {
    get(top, khoa::SO.ten).and_then(|v| match v.get_ref() {
        DeValue::Integer(_) => match integer(v.get_ref()).map(So::new) {
            Some(Ok(so)) => Some(so),
            Some(Err(e)) => {
                ctx.at(
                    &v.span(),
                    khoa::SO.ten,
                    Msg::from(&e),
                    Some(vi_en(
                        "bỏ khóa so để văn thư điền số khi đăng ký",
                        "remove the key so and let the records office fill in the number at registration",
                    )),
                );
                None
            }
            None => {
                ctx.at(
                    &v.span(),
                    khoa::SO.ten,
                    vi_en("số văn bản quá lớn", "the document number is too large"),
                    None,
                );
                None
            }
        },
        other => {
            // A number typed in quotes, or with the leading zero vanban prints itself: the
            // hint gives it back as a number.
            let typed = match other {
                DeValue::String(t) => {
                    let t = t.trim();
                    (!t.is_empty() && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| t.trim_start_matches('0').parse::<u32>().ok())
                        .flatten()
                        .filter(|n| *n >= 1)
                }
                _ => None,
            };
            let hint = match typed {
                Some(n) => vi_en(
                    format!("viết so = {n}, không có dấu ngoặc kép: vanban tự in số có hai chữ số (“05”)"),
                    format!("write so = {n}, without quotation marks: vanban prints the number with two digits itself (“05”)"),
                ),
                None => vi_en(
                    "so = 5 (không có dấu ngoặc kép; bỏ khóa này nếu chưa có số)",
                    "so = 5 (without quotation marks; remove this key if there is no number yet)",
                ),
            };
            ctx.at(
                &v.span(),
                khoa::SO.ten,
                vi_en(
                    format!("số văn bản phải là số nguyên, không phải {}", kind(other)),
                    format!("the document number must be an integer, not {}", kind_en(other)),
                ),
                Some(hint),
            );
            None
        }
    })
}

/// Checks the register id (`ma_dang_ky`), when given: a text of the shape
/// [`crate::MaDangKy`] takes.
fn ma_dang_ky_cua(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<crate::MaDangKy> {
    let v = get(top, khoa::MA_DANG_KY.ten)?;
    let typed = ctx.text(v, khoa::MA_DANG_KY.ten)?;
    let ma = crate::MaDangKy::new(&typed);
    if ma.is_none() {
        let shown = crate::text::ngan(&typed);
        ctx.at(
            &v.span(),
            khoa::MA_DANG_KY.ten,
            vi_en(
                format!(
                    "mã đăng ký “{shown}” không hợp lệ: 1–64 ký tự chữ Latinh không dấu, chữ số, - _ . :"
                ),
                format!("the register id “{shown}” is invalid: 1–64 of the characters A–Z a–z 0–9 - _ . :"),
            ),
            Some(vi_en(
                "mã này do render cap-so ghi: xóa cả so và ma_dang_ky rồi chạy lại render cap-so",
                "render cap-so writes this id: remove both so and ma_dang_ky and run render cap-so again",
            )),
        );
        ctx.ma_cuoi(ma::GIA_TRI);
    }
    ma
}

/// The date of issue (`ngay`): a TOML date, or `"YYYY"`, `"YYYY-MM"`, `"YYYY-MM-DD"`.
fn ngay_cua(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<Ngay> {
    match get(top, khoa::NGAY.ten) {
        None => None,
        Some(v) => {
            let r = match v.get_ref() {
                DeValue::String(s) => Ngay::parse(s).map_err(|e| Msg::from(&e)),
                DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                    (Some(d), None, None) => {
                        Ngay::new(i32::from(d.year), Some(u32::from(d.month)), Some(u32::from(d.day)))
                            .map_err(|e| Msg::from(&e))
                    }
                    _ => Err(vi_en(
                        "ngày ban hành chỉ ghi ngày, không ghi giờ",
                        "the date of issue is a date only, without a time",
                    )),
                },
                other => Err(vi_en(
                    format!(
                        "ngày phải là chuỗi \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\", không phải {}",
                        kind(other)
                    ),
                    format!(
                        "the date must be a string \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\", not {}",
                        kind_en(other)
                    ),
                )),
            };
            let hint = goi_y_ngay(
                v,
                khoa::NGAY.ten,
                vi_en(
                    "ngay = \"2024-03-05\"; chưa có ngày thì ghi \"2024-03\" hoặc \"2024\"",
                    "ngay = \"2024-03-05\"; if the day is not known yet, write \"2024-03\" or \"2024\"",
                ),
                false,
            );
            r.map_err(|m| ctx.at(&v.span(), khoa::NGAY.ten, m, Some(hint))).ok()
        }
    }
}

/// The parts of the top level that make up the form (`Mau`) of the document: the summary,
/// Kính gửi, the authority and legal bases, the bodies telegraphed, a giấy mời's particulars.
/// `got` gives a key's value unless the type refuses it.
struct PhanMau {
    trich_yeu: Option<TrichYeu>,
    kinh_gui: Option<KinhGui>,
    tham_quyen: Option<Vec<String>>,
    can_cu: Option<Vec<String>>,
    theo_de_nghi: Option<String>,
    dien: Option<Vec<String>>,
    kinh_moi: Option<Vec<String>>,
    toi_du: Option<String>,
    chu_tri: Option<String>,
    thoi_gian: Option<String>,
    dia_diem: Option<String>,
}

/// Reads the [`PhanMau`] of a document; `got` gives a key's value unless the type refuses it.
fn phan_mau<'t, 'i>(ctx: &mut Ctx<'_>, got: &dyn Fn(&str) -> Option<&'t Value<'i>>) -> PhanMau
where
    'i: 't,
{
    let trich_yeu = got(khoa::TRICH_YEU.ten).and_then(|v| ctx.text(v, khoa::TRICH_YEU.ten)).map(TrichYeu);
    let kinh_gui_v = got(khoa::KINH_GUI.ten);
    let kinh_gui = kinh_gui_v
        .and_then(|v| ctx.danh_sach(v, khoa::KINH_GUI.ten, true))
        .map(|ts| KinhGui(ts.into_iter().map(|(t, _)| t).collect()));
    // tham_quyen, can_cu, theo_de_nghi: the parts of a nghị quyết and a quyết định.
    let tham_quyen_v = got(khoa::THAM_QUYEN.ten);
    let tham_quyen: Option<Vec<String>> = tham_quyen_v
        .and_then(|v| ctx.texts(v, khoa::THAM_QUYEN.ten))
        .map(|ts| ts.into_iter().map(|(t, _)| t).collect());
    if let (Some(v), Some(t)) = (tham_quyen_v, &tham_quyen)
        && t.is_empty()
    {
        ctx.at(
            &v.span(),
            khoa::THAM_QUYEN.ten,
            vi_en("thẩm quyền ban hành không được để trống", "the issuing authority must not be empty"),
            Some(Msg::both("tham_quyen = \"Chủ tịch Ủy ban nhân dân huyện Phong Thổ\"")),
        );
    }
    let can_cu_v = got(khoa::CAN_CU.ten);
    let can_cu: Option<Vec<String>> = can_cu_v
        .and_then(|v| ctx.danh_sach(v, khoa::CAN_CU.ten, false))
        .map(|ts| ts.into_iter().map(|(t, _)| t).collect());
    let theo_de_nghi = got(khoa::THEO_DE_NGHI.ten).and_then(|v| ctx.text(v, khoa::THEO_DE_NGHI.ten));
    let dien_v = got(khoa::DIEN.ten);
    let dien: Option<Vec<String>> = dien_v
        .and_then(|v| ctx.danh_sach(v, khoa::DIEN.ten, true))
        .map(|ts| ts.into_iter().map(|(t, _)| t).collect());
    if let (Some(v), Some(d)) = (dien_v, &dien)
        && d.is_empty()
    {
        ctx.at(
            &v.span(),
            khoa::DIEN.ten,
            vi_en(
                "danh sách nơi nhận công điện không được để trống",
                "the list of bodies telegraphed must not be empty",
            ),
            Some(Msg::both("dien = [\"Ủy ban nhân dân các xã, thị trấn\"]")),
        );
    }
    if let (Some(v), Some(c)) = (can_cu_v, &can_cu)
        && c.is_empty()
    {
        ctx.at(
            &v.span(),
            khoa::CAN_CU.ten,
            vi_en("danh sách căn cứ không được để trống", "the list of legal bases must not be empty"),
            Some(Msg::both(
                "can_cu = [\"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015\"]",
            )),
        );
    }

    // kinh_moi, toi_du, chu_tri, thoi_gian, dia_diem: the particulars of a giấy mời.
    let kinh_moi_v = got(khoa::KINH_MOI.ten);
    let kinh_moi: Option<Vec<String>> = kinh_moi_v
        .and_then(|v| ctx.danh_sach(v, khoa::KINH_MOI.ten, true))
        .map(|ts| ts.into_iter().map(|(t, _)| t).collect());
    let mut giay_moi_text = |key: &str| got(key).and_then(|v| ctx.text(v, key));
    let (toi_du, chu_tri, thoi_gian, dia_diem) = (
        giay_moi_text(khoa::TOI_DU.ten),
        giay_moi_text(khoa::CHU_TRI.ten),
        giay_moi_text(khoa::THOI_GIAN.ten),
        giay_moi_text(khoa::DIA_DIEM.ten),
    );
    if let (Some(v), Some(k)) = (kinh_moi_v, &kinh_moi)
        && k.is_empty()
    {
        ctx.at(
            &v.span(),
            khoa::KINH_MOI.ten,
            vi_en("danh sách người được mời không được để trống", "the list of invitees must not be empty"),
            Some(Msg::both("kinh_moi = [\"Thủ trưởng các cơ quan, đơn vị\"]")),
        );
    }
    if let (Some(v), Some(k)) = (kinh_gui_v, &kinh_gui)
        && k.0.is_empty()
    {
        ctx.at(
            &v.span(),
            khoa::KINH_GUI.ten,
            vi_en("danh sách Kính gửi không được để trống", "the Kính gửi list must not be empty"),
            None,
        );
    }
    PhanMau {
        trich_yeu,
        kinh_gui,
        tham_quyen,
        can_cu,
        theo_de_nghi,
        dien,
        kinh_moi,
        toi_du,
        chu_tri,
        thoi_gian,
        dia_diem,
    }
}

/// The marks around the heading: secrecy and urgency stamps, the circulation note, the draft
/// mark and the size step of the national heading.
struct DauChi {
    do_mat: Option<DoMat>,
    do_khan: Option<DoKhan>,
    pham_vi_luu_hanh: Option<String>,
    du_thao: Option<DuThao>,
    co_chu: CoChu,
}

/// Reads the [`DauChi`] of a document.
fn dau_chi(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> DauChi {
    // do_mat, do_khan, pham_vi_luu_hanh: stamps.
    let do_mat = get(top, khoa::DO_MAT.ten).and_then(|v| {
        let t = ctx.text(v, khoa::DO_MAT.ten)?;
        let slugs: Vec<&str> = DoMat::ALL.iter().map(|d| d.slug()).collect();
        muc_dau(ctx, v, khoa::DO_MAT.ten, &t, DoMat::ALL, |d| (d.slug(), d.chu()), &slugs)
    });
    let do_khan = get(top, khoa::DO_KHAN.ten).and_then(|v| {
        let t = ctx.text(v, khoa::DO_KHAN.ten)?;
        let slugs: Vec<&str> = DoKhan::ALL.iter().map(|d| d.slug()).collect();
        muc_dau(ctx, v, khoa::DO_KHAN.ten, &t, DoKhan::ALL, |d| (d.slug(), d.chu()), &slugs)
    });
    let pham_vi_luu_hanh =
        get(top, khoa::PHAM_VI_LUU_HANH.ten).and_then(|v| ctx.text(v, khoa::PHAM_VI_LUU_HANH.ten));

    let du_thao = get(top, khoa::DU_THAO.ten).and_then(|v| match v.get_ref() {
        DeValue::Boolean(b) => b.then_some(DuThao { lan: None }),
        DeValue::Integer(_) => match integer(v.get_ref()) {
            Some(n) if (1..=i64::from(DuThao::LAN_MAX)).contains(&n) => Some(DuThao { lan: Some(n as u32) }),
            _ => {
                ctx.at(
                    &v.span(),
                    khoa::DU_THAO.ten,
                    vi_en(
                        format!("lần dự thảo phải từ 1 đến {}", DuThao::LAN_MAX),
                        format!("the draft number must be from 1 to {}", DuThao::LAN_MAX),
                    ),
                    None,
                );
                None
            }
        },
        other => {
            ctx.at(
                &v.span(),
                khoa::DU_THAO.ten,
                vi_en(
                    format!("phải là true/false hoặc số lần dự thảo, không phải {}", kind(other)),
                    format!("must be true/false or the number of the draft, not {}", kind_en(other)),
                ),
                Some(vi_en("du_thao = true, hoặc du_thao = 2", "du_thao = true, or du_thao = 2")),
            );
            None
        }
    });

    let co_chu = match get(top, khoa::CO_CHU_QUOC_HIEU.ten) {
        None => CoChu::default(),
        Some(v) => match integer(v.get_ref()).and_then(CoChu::from_quoc_hieu) {
            Some(c) => c,
            None => {
                ctx.at(
                    &v.span(),
                    khoa::CO_CHU_QUOC_HIEU.ten,
                    vi_en(
                        "cỡ chữ Quốc hiệu chỉ là 12 hoặc 13",
                        "the font size of the national heading (Quốc hiệu) can only be 12 or 13",
                    ),
                    Some(vi_en(
                        "co_chu_quoc_hieu = 12 (Tiêu ngữ và ngày tháng 13) hoặc 13 (Tiêu ngữ và ngày tháng 14)",
                        "co_chu_quoc_hieu = 12 (motto and date at 13) or 13 (motto and date at 14)",
                    )),
                );
                CoChu::default()
            }
        },
    };

    DauChi { do_mat, do_khan, pham_vi_luu_hanh, du_thao, co_chu }
}

/// The issuing agency, `[co_quan]`.
fn co_quan(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<CoQuan> {
    match sub_table(ctx, top, khoa::CO_QUAN.ten, crate::co_quan::KHOA, &[]) {
        None => None,
        Some((t, _)) => {
            let chu_quan = get(t, crate::co_quan::CHU_QUAN.ten)
                .and_then(|v| ctx.texts(v, &khoa::duong(&[&khoa::CO_QUAN, &crate::co_quan::CHU_QUAN])))
                .unwrap_or_default();
            let ten = match get(t, crate::co_quan::TEN.ten) {
                Some(v) => match ctx.texts(v, &khoa::duong(&[&khoa::CO_QUAN, &crate::co_quan::TEN])) {
                    Some(l) if l.is_empty() => {
                        ctx.at(
                            &v.span(),
                            &khoa::duong(&[&khoa::CO_QUAN, &crate::co_quan::TEN]),
                            vi_en("tên cơ quan không được để trống", "the agency's name must not be empty"),
                            Some(Msg::both("ten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]")),
                        );
                        None
                    }
                    other => other,
                },
                None => None,
            };
            let viet_tat = match get(t, crate::co_quan::VIET_TAT.ten) {
                Some(v) => {
                    ctx.text(v, &khoa::duong(&[&khoa::CO_QUAN, &crate::co_quan::VIET_TAT])).and_then(|s| {
                        VietTat::new(&s)
                            .map_err(|e| {
                                ctx.at(
                                    &v.span(),
                                    &khoa::duong(&[&khoa::CO_QUAN, &crate::co_quan::VIET_TAT]),
                                    Msg::from(&e),
                                    None,
                                )
                            })
                            .ok()
                    })
                }
                None => None,
            };
            let mut lien_he = |key: &str| get(t, key).and_then(|v| ctx.text(v, &format!("co_quan.{key}")));
            let lien_he = LienHe {
                dia_chi: lien_he(crate::co_quan::DIA_CHI.ten),
                dien_thoai: lien_he(crate::co_quan::DIEN_THOAI.ten),
                fax: lien_he(crate::co_quan::FAX.ten),
                email: lien_he(crate::co_quan::EMAIL.ten),
                website: lien_he(crate::co_quan::WEBSITE.ten),
            };
            let ma_dinh_danh = get(t, crate::co_quan::MA_DINH_DANH.ten).and_then(|v| {
                let path = format!("{}.{}", crate::co_quan::CO_QUAN.ten, crate::co_quan::MA_DINH_DANH.ten);
                let typed = ctx.text(v, &path)?;
                let ma = CoQuan::ma_dinh_danh(&typed);
                if ma.is_none() {
                    let shown = crate::text::ngan(&typed);
                    ctx.at(
                        &v.span(),
                        &path,
                        vi_en(
                            format!("“{shown}” không phải mã định danh điện tử của cơ quan"),
                            format!("“{shown}” is not an agency's electronic identifier"),
                        ),
                        Some(Msg::both(crate::co_quan::MA_DINH_DANH.dong_vi_du())),
                    );
                }
                ma
            });
            match (ten, viet_tat) {
                (Some(ten), Some(viet_tat)) => Some(CoQuan {
                    chu_quan: chu_quan.into_iter().map(|(t, _)| t).collect(),
                    lien_he,
                    ma_dinh_danh,
                    ..CoQuan::new(ten.into_iter().map(|(t, _)| t).collect(), viet_tat)
                }),
                _ => None,
            }
        }
    }
}

/// The body: the `.md` body given, or the `noi_dung` key; with where it starts in the file and
/// what to call it in a message.
fn than<'a>(
    ctx: &mut Ctx<'_>,
    top: &DeTable<'_>,
    md_body: Option<(&str, usize)>,
    (toml_text, offset): (&str, usize),
) -> (Option<NoiDung>, (usize, &'a str)) {
    let noi_dung_v = get(top, khoa::NOI_DUNG.ten);
    // Where the body starts in the file, and what to call it in a message.
    let mut body_at = (offset, khoa::NOI_DUNG.ten);
    let noi_dung: Option<NoiDung> = match (md_body, noi_dung_v) {
        (Some(_), Some(v)) => {
            ctx.at(
                &v.span(),
                khoa::NOI_DUNG.ten,
                vi_en(
                    "tệp Markdown đã có nội dung sau phần thông tin, không ghi thêm khóa noi_dung",
                    "a Markdown file has its body after the front matter: do not also give the key noi_dung",
                ),
                Some(vi_en(
                    "xóa khóa noi_dung, hoặc viết nội dung vào tệp .toml",
                    "remove the key noi_dung, or write the body in a .toml file",
                )),
            );
            None
        }
        (Some((body, start)), None) => {
            body_at = (start, "nội dung");
            body_of(ctx, body, (start, None), "nội dung")
        }
        (None, Some(v)) => match v.get_ref() {
            DeValue::String(s) => {
                let (start, raw) = string_start(toml_text, &v.span());
                body_at = (offset + start, khoa::NOI_DUNG.ten);
                body_of(ctx, s, (offset + start, raw), khoa::NOI_DUNG.ten)
            }
            other => {
                ctx.at(
                    &v.span(),
                    khoa::NOI_DUNG.ten,
                    vi_en(
                        format!("nội dung phải là chuỗi văn bản (Markdown), không phải {}", kind(other)),
                        format!("the body must be a string (Markdown), not {}", kind_en(other)),
                    ),
                    Some(Msg::both("noi_dung = \"\"\"\n…\n\"\"\"")),
                );
                None
            }
        },
        (None, None) => {
            ctx.missing(
                None,
                khoa::NOI_DUNG.ten,
                vi_en(
                    "noi_dung = \"\"\"…\"\"\" (hoặc viết nội dung vào tệp .md)",
                    "noi_dung = \"\"\"…\"\"\" (or write the body in a .md file)",
                ),
            );
            None
        }
    };

    (noi_dung, body_at)
}

/// The form of a document of type `loai` from its parts, all read without a problem.
fn lap_mau(
    loai: LoaiVanBan,
    p: PhanMau,
    (gioi_thieu, bien_ban_t, nghi_phep): (
        Option<crate::GiayGioiThieu>,
        Option<crate::BienBan>,
        Option<crate::GiayNghiPhep>,
    ),
) -> Result<Mau, Diagnostics> {
    let PhanMau {
        trich_yeu,
        kinh_gui,
        tham_quyen,
        can_cu,
        theo_de_nghi,
        dien,
        kinh_moi,
        toi_du,
        chu_tri,
        thoi_gian,
        dia_diem,
    } = p;
    Ok(match loai {
        LoaiVanBan::CongVan => match (trich_yeu, kinh_gui) {
            (Some(trich_yeu), Some(kinh_gui)) => Mau::CongVan(CongVan { trich_yeu, kinh_gui }),
            _ => {
                return thieu(
                    "công văn thiếu trích yếu hoặc Kính gửi",
                    "the công văn lacks its trích yếu (trich_yeu) or Kính gửi (kinh_gui)",
                );
            }
        },
        LoaiVanBan::CongDien => match (trich_yeu, tham_quyen, dien) {
            (Some(trich_yeu), Some(tham_quyen), Some(dien)) => {
                // The sender is one line: lines given as a list are joined.
                Mau::CongDien(crate::CongDien { trich_yeu, tham_quyen: tham_quyen.join(" "), dien })
            }
            _ => {
                return thieu(
                    "công điện thiếu trích yếu, thẩm quyền hoặc danh sách điện",
                    "the cong-dien lacks its trích yếu, sender (tham_quyen) or recipients (dien)",
                );
            }
        },
        LoaiVanBan::BienBan => match bien_ban_t {
            Some(mut b) => {
                b.trich_yeu = trich_yeu;
                Mau::BienBan(b)
            }
            None => {
                return thieu("biên bản thiếu phần [bien_ban]", "the bien-ban lacks its [bien_ban] table");
            }
        },
        LoaiVanBan::GiayNghiPhep => match nghi_phep {
            Some(g) => Mau::GiayNghiPhep(g),
            None => {
                return thieu(
                    "giấy nghỉ phép thiếu phần [nghi_phep]",
                    "the giay-nghi-phep lacks its [nghi_phep] table",
                );
            }
        },
        LoaiVanBan::GiayGioiThieu => match gioi_thieu {
            Some(g) => Mau::GiayGioiThieu(g),
            None => {
                return thieu(
                    "giấy giới thiệu thiếu phần [gioi_thieu]",
                    "the giay-gioi-thieu lacks its [gioi_thieu] table",
                );
            }
        },
        LoaiVanBan::GiayMoi => match (kinh_moi, toi_du, thoi_gian, dia_diem) {
            (Some(kinh_moi), Some(toi_du), Some(thoi_gian), Some(dia_diem)) => {
                Mau::GiayMoi(crate::GiayMoi { trich_yeu, kinh_moi, toi_du, chu_tri, thoi_gian, dia_diem })
            }
            _ => {
                return thieu(
                    "giấy mời thiếu người được mời, nội dung, thời gian hoặc địa điểm",
                    "the giay-moi lacks its invitees (kinh_moi), event (toi_du), time (thoi_gian) or place (dia_diem)",
                );
            }
        },
        loai if loai.co_dieu() => match (trich_yeu, tham_quyen, can_cu) {
            (Some(trich_yeu), Some(tham_quyen), Some(dong)) => Mau::QuyetDinh(QuyetDinh {
                loai,
                trich_yeu,
                tham_quyen,
                can_cu: CanCu { dong, theo_de_nghi },
            }),
            _ => {
                return thieu(
                    "văn bản thiếu trích yếu, thẩm quyền ban hành hoặc căn cứ",
                    "the document lacks its trích yếu, authority (tham_quyen) or legal bases (can_cu)",
                );
            }
        },
        loai => Mau::CoTenLoai(VanBanCoTenLoai { loai, trich_yeu, kinh_gui }),
    })
}

/// The signer's table at `path` (`nguoi_ky`, `ban_sao.nguoi_ky`) of `top`; `chu_toa`: the
/// chair of a biên bản, whose title is `Chủ tọa` unless given.
fn nguoi_ky(
    ctx: &mut Ctx<'_>,
    top: &DeTable<'_>,
    (path, defs): (&str, &[&Khoa]),
    chu_toa: bool,
) -> Option<NguoiKy> {
    let f = |key: &str| format!("{path}.{key}");
    match sub_table(ctx, top, path, defs, &[]) {
        None => None,
        Some((t, _)) => {
            let mut quyen_han = Some(Vec::new());
            if let Some(v) = get(t, crate::nguoi_ky::QUYEN_HAN.ten) {
                match ctx.texts(v, &f(crate::nguoi_ky::QUYEN_HAN.ten)) {
                    Some(lines) => {
                        for (i, (line, span)) in lines.into_iter().enumerate() {
                            match line.parse::<QuyenHan>() {
                                Ok(q) => {
                                    if let Some(list) = quyen_han.as_mut() {
                                        list.push(q);
                                    }
                                }
                                Err(e) => {
                                    ctx.at(
                                        &span,
                                        &format!("{path}.quyen_han[{i}]"),
                                        Msg::from(&e),
                                        Some(vi_en(
                                            "viết tiền tố bằng chữ in hoa, có dấu chấm: TM., KT., TL., TUQ., Q. (ví dụ \"TM. Ủy ban nhân dân\")",
                                            "write the prefix in capitals, with a full stop: TM., KT., TL., TUQ., Q. (for example \"TM. Ủy ban nhân dân\")",
                                        )),
                                    );
                                    quyen_han = None;
                                }
                            }
                        }
                    }
                    None => quyen_han = None,
                }
            }
            let chuc_vu = match get(t, crate::nguoi_ky::CHUC_VU.ten) {
                Some(v) => ctx.text(v, &f(crate::nguoi_ky::CHUC_VU.ten)),
                // The chair of a meeting signs the minutes as CHỦ TỌA.
                None if chu_toa => Some(crate::BienBan::CHU_TOA.to_owned()),
                None => None,
            };
            let ho_ten = match get(t, crate::nguoi_ky::HO_TEN.ten) {
                Some(v) => ctx.text(v, &f(crate::nguoi_ky::HO_TEN.ten)),
                None => None,
            };
            match (quyen_han, chuc_vu, ho_ten) {
                (Some(quyen_han), Some(chuc_vu), Some(ho_ten)) => {
                    Some(NguoiKy { quyen_han, chuc_vu, ho_ten })
                }
                _ => None,
            }
        }
    }
}

/// The recipients' table at `path` (`noi_nhan`, `ban_sao.noi_nhan`) of `top`.
fn noi_nhan(ctx: &mut Ctx<'_>, top: &DeTable<'_>, path: &str) -> Option<NoiNhan> {
    let f = |key: &str| format!("{path}.{key}");
    match sub_table(
        ctx,
        top,
        path,
        crate::noi_nhan::KHOA,
        // Not required when a `Lưu:` entry is typed among the recipients: below.
        &[crate::noi_nhan::LUU.ten],
    ) {
        None => None,
        Some((t, span)) => {
            // A Lưu line typed among the recipients (`Lưu: VT, VP.`) is the luu list: its
            // places join those given in luu.
            let mut gui = Vec::new();
            let mut ma_dinh_danh = Vec::new();
            let mut luu_go: Vec<String> = Vec::new();
            let mut gui_ok = true;
            // Recipients written as tables give their identifier; the list is read as texts.
            let (gui_v, ma_cua) = match get(t, crate::noi_nhan::GUI.ten) {
                Some(v) => {
                    let (v, ma, ok) =
                        ctx.muc_bang(v, &f(crate::noi_nhan::GUI.ten), crate::noi_nhan::KHOA_MUC);
                    gui_ok &= ok;
                    (Some(v), ma)
                }
                None => (None, Vec::new()),
            };
            if let Some(v) = gui_v.as_ref() {
                let list = matches!(v.get_ref(), DeValue::Array(_));
                match ctx.danh_sach(v, &f(crate::noi_nhan::GUI.ten), true) {
                    Some(entries) => {
                        for (i, (entry, span)) in entries.into_iter().enumerate() {
                            match crate::kinh_gui::muc_luu(&entry) {
                                Some(places) if places.is_empty() => {
                                    let k = if list {
                                        format!("{}[{i}]", f(crate::noi_nhan::GUI.ten))
                                    } else {
                                        f(crate::noi_nhan::GUI.ten)
                                    };
                                    ctx.at(
                                        &span,
                                        &k,
                                        vi_en(
                                            "mục “Lưu:” không ghi nơi lưu",
                                            "the entry “Lưu:” names no place of archiving",
                                        ),
                                        Some(vi_en(
                                            "xóa mục này và ghi nơi lưu vào luu = [\"VT\", \"NV\"]: vanban tự in dòng “- Lưu: VT, NV.”",
                                            "remove this entry and list the places in luu = [\"VT\", \"NV\"]: vanban prints the line “- Lưu: VT, NV.” itself",
                                        )),
                                    );
                                    gui_ok = false;
                                }
                                Some(places) => luu_go.extend(places.into_iter().map(str::to_owned)),
                                None => {
                                    if let Some((_, ma)) = ma_cua.iter().find(|(j, _)| *j == i) {
                                        ma_dinh_danh.push((entry.clone(), ma.clone()));
                                    }
                                    gui.push(entry)
                                }
                            }
                        }
                    }
                    None => gui_ok = false,
                }
            }
            let luu_v = get(t, crate::noi_nhan::LUU.ten);
            let luu: Option<Vec<String>> = match luu_v {
                Some(v) => ctx.danh_sach(v, &f(crate::noi_nhan::LUU.ten), true).map(|l| {
                    l.into_iter()
                        .flat_map(|(t, _)| match crate::kinh_gui::muc_luu(&t) {
                            // `luu = ["Lưu: VT", "NV"]`: the label is vanban's.
                            Some(places) => places.into_iter().map(str::to_owned).collect(),
                            None => vec![t],
                        })
                        .collect()
                }),
                None if !luu_go.is_empty() => Some(Vec::new()),
                None => {
                    ctx.missing(
                        Some(&span),
                        &f(crate::noi_nhan::LUU.ten),
                        Msg::both(crate::noi_nhan::LUU.dong_vi_du()),
                    );
                    None
                }
            };
            let luu = luu.map(|mut luu| {
                for place in luu_go {
                    if !luu.iter().any(|l| l.to_lowercase() == place.to_lowercase()) {
                        luu.push(place);
                    }
                }
                luu
            });
            let luu = match (luu, luu_v) {
                (Some(l), Some(v)) if l.is_empty() => {
                    ctx.at(
                        &v.span(),
                        &f(crate::noi_nhan::LUU.ten),
                        vi_en("danh sách lưu không được để trống", "the luu list must not be empty"),
                        Some(Msg::both("luu = [\"VT\", \"NV\"]")),
                    );
                    None
                }
                (l, _) => l,
            };
            let nguoi_soan_thao = get(t, crate::noi_nhan::NGUOI_SOAN_THAO.ten)
                .and_then(|v| ctx.text(v, &f(crate::noi_nhan::NGUOI_SOAN_THAO.ten)));
            let so_ban = get(t, crate::noi_nhan::SO_BAN.ten).and_then(|v| match integer(v.get_ref()) {
                Some(n) if (1..=i64::from(NoiNhan::SO_BAN_MAX)).contains(&n) => Some(n as u32),
                _ => {
                    ctx.at(
                        &v.span(),
                        &f(crate::noi_nhan::SO_BAN.ten),
                        vi_en(
                            format!(
                                "số lượng bản phát hành phải là số nguyên từ 1 đến {}",
                                NoiNhan::SO_BAN_MAX
                            ),
                            format!(
                                "the number of copies issued must be an integer from 1 to {}",
                                NoiNhan::SO_BAN_MAX
                            ),
                        ),
                        Some(Msg::both("so_ban = 300")),
                    );
                    None
                }
            });
            let luu = luu.filter(|_| gui_ok)?;
            Some(NoiNhan { gui, luu, nguoi_soan_thao, so_ban, ma_dinh_danh })
        }
    }
}

/// The level of a stamp written `t` at `key`: one of `all`, by the slug `names` gives it
/// (`hoa-toc`). Its words typed instead (`Hỏa tốc`) get a hint naming the slug.
fn muc_dau<T: Copy>(
    ctx: &mut Ctx<'_>,
    v: &Value<'_>,
    key: &str,
    t: &str,
    all: &[T],
    names: impl Fn(T) -> (&'static str, &'static str),
    slugs: &[&str],
) -> Option<T> {
    if let Some(d) = all.iter().copied().find(|&d| names(d).0 == t) {
        return Some(d);
    }
    let typed = t.trim().to_lowercase();
    let words = all.iter().map(|&d| names(d)).find(|(_, chu)| chu.to_lowercase() == typed);
    let hint = match words.map(|(slug, _)| slug).or_else(|| closest(&typed, slugs)) {
        Some(c) => did_you_mean(c),
        None => vi_en(
            format!("ghi một trong các giá trị: {}", slugs.join(", ")),
            format!("write one of: {}", slugs.join(", ")),
        ),
    };
    let shown = crate::text::ngan(t);
    ctx.at(
        &v.span(),
        key,
        vi_en(format!("không có mức “{shown}”"), format!("unknown level “{shown}”")),
        Some(hint),
    );
    None
}

/// A document whose form-specific parts are missing. Each missing part has been reported
/// with its key already; this is the message when that somehow did not happen.
fn thieu<T>(vi: &str, en: &str) -> Result<T, Diagnostics> {
    Err(Diagnostics(vec![diagnostic(vi_en(vi, en), None)]))
}

/// The body a nghị quyết or quyết định (`loai`) must have: articles (`Điều 1.` …), whose
/// `Điều N.` prefixes are set in bold here. `body_at` is where the body starts in the file and
/// its name. (Its trích yếu, authority and legal bases are required by their definitions.)
fn co_dieu(ctx: &mut Ctx<'_>, loai: LoaiVanBan, noi_dung: Option<&mut NoiDung>, body_at: (usize, &str)) {
    let ten = loai.ten_loai().to_lowercase();
    if let Some(body) = noi_dung
        && crate::quyet_dinh::danh_dau_dieu(body).is_empty()
    {
        let d = diagnostic(
            vi_en(
                format!("{ten} phải có các Điều: không có đoạn nào bắt đầu bằng “Điều 1.”"),
                format!("a {} must consist of articles: no paragraph begins with “Điều 1.”", loai.slug()),
            ),
            Some(vi_en(
                "viết mỗi Điều thành một đoạn bắt đầu bằng “Điều 1.”, “Điều 2.”, …",
                "write each article as a paragraph beginning with “Điều 1.”, “Điều 2.”, …",
            )),
        )
        .with_key(body_at.1);
        ctx.diags.push(ctx.index.place(d, body_at.0));
    }
}

/// The hint for a date at `v` (`key`) that could not be read: the date as vanban reads it
/// when the value typed is one in another form (`"15/07/2024"` → `ngay = "2024-07-15"`),
/// else `default`.
fn goi_y_ngay(v: &Value<'_>, key: &str, default: Msg, full: bool) -> Msg {
    let DeValue::String(s) = v.get_ref() else { return default };
    match crate::ngay::goi_y(s).filter(|iso| !full || iso.len() == "2024-12-31".len()) {
        Some(iso) => vi_en(
            format!("viết {} = \"{iso}\" (năm-tháng-ngày)", leaf(key)),
            format!("write {} = \"{iso}\" (year-month-day)", leaf(key)),
        ),
        None => default,
    }
}

/// A full date (`"2024-12-31"`) at `v`, the value of `key`: day, month and year; `what`
/// names it in the message.
fn ngay_day_du(ctx: &mut Ctx<'_>, v: &Value<'_>, key: &str, what: (&str, &str)) -> Option<Ngay> {
    let example = goi_y_ngay(v, key, Msg::both(format!("{} = \"2024-12-31\"", leaf(key))), true);
    let s = ctx.text(v, key)?;
    match Ngay::parse(&s) {
        Ok(n) if n.ngay().is_some() => Some(n),
        Ok(_) => {
            ctx.at(
                &v.span(),
                key,
                vi_en(
                    format!("{} phải là một ngày đủ ngày, tháng, năm", what.0),
                    format!("{} must be a full date, with day, month and year", what.1),
                ),
                Some(example),
            );
            None
        }
        Err(e) => {
            ctx.at(&v.span(), key, Msg::from(&e), Some(example));
            None
        }
    }
}

/// Reads the texts of a form's own table `table` (already found as `t` at `span`): each
/// `(key, example)` with an example is required.
fn van_ban_bang(ctx: &mut Ctx<'_>, t: &DeTable<'_>, table: &str, keys: &[&str]) -> Vec<Option<String>> {
    keys.iter().map(|key| get(t, key).and_then(|v| ctx.text(v, &format!("{table}.{key}")))).collect()
}

/// The `[gioi_thieu]` table of a giấy giới thiệu: who, their post, where, what for, until when.
fn gioi_thieu(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<crate::GiayGioiThieu> {
    let (t, _) = sub_table(ctx, top, khoa::GIOI_THIEU.ten, crate::giay_gioi_thieu::KHOA, &[])?;
    let [ho_ten, chuc_vu, duoc_cu_den, ve_viec]: [Option<String>; 4] = van_ban_bang(
        ctx,
        t,
        khoa::GIOI_THIEU.ten,
        &[
            crate::giay_gioi_thieu::HO_TEN.ten,
            crate::giay_gioi_thieu::CHUC_VU.ten,
            crate::giay_gioi_thieu::DUOC_CU_DEN.ten,
            crate::giay_gioi_thieu::VE_VIEC.ten,
        ],
    )
    .try_into()
    .ok()?;
    let co_gia_tri_den = match get(t, crate::giay_gioi_thieu::CO_GIA_TRI_DEN.ten) {
        Some(v) => ngay_day_du(
            ctx,
            v,
            &khoa::duong(&[&khoa::GIOI_THIEU, &crate::giay_gioi_thieu::CO_GIA_TRI_DEN]),
            ("hạn của giấy giới thiệu", "the last day of validity"),
        ),
        None => None,
    };
    Some(crate::GiayGioiThieu {
        ho_ten: ho_ten?,
        chuc_vu,
        duoc_cu_den: duoc_cu_den?,
        ve_viec: ve_viec?,
        co_gia_tri_den: co_gia_tri_den?,
    })
}

/// The `[bien_ban]` table of a biên bản: when and where, who attended, chaired and kept the
/// minutes, when it closed. Its trích yếu is set by the caller.
fn bien_ban(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<crate::BienBan> {
    let (t, _) = sub_table(ctx, top, khoa::BIEN_BAN.ten, crate::bien_ban::KHOA, &[])?;
    let [bat_dau, dia_diem, chu_tri, thu_ky, ho_ten_thu_ky, ket_thuc, su_kien]: [Option<String>; 7] =
        van_ban_bang(
            ctx,
            t,
            khoa::BIEN_BAN.ten,
            &[
                crate::bien_ban::BAT_DAU.ten,
                crate::bien_ban::DIA_DIEM.ten,
                crate::bien_ban::CHU_TRI.ten,
                crate::bien_ban::THU_KY.ten,
                crate::bien_ban::HO_TEN_THU_KY.ten,
                crate::bien_ban::KET_THUC.ten,
                crate::bien_ban::SU_KIEN.ten,
            ],
        )
        .try_into()
        .ok()?;
    let thanh_phan_example =
        "thanh_phan = [\"Lãnh đạo Ủy ban nhân dân huyện\", \"Trưởng các phòng chuyên môn\"]";
    let thanh_phan = match get(t, crate::bien_ban::THANH_PHAN.ten) {
        Some(v) => {
            match ctx.danh_sach(v, &khoa::duong(&[&khoa::BIEN_BAN, &crate::bien_ban::THANH_PHAN]), true) {
                Some(l) if l.is_empty() => {
                    ctx.at(
                        &v.span(),
                        &khoa::duong(&[&khoa::BIEN_BAN, &crate::bien_ban::THANH_PHAN]),
                        vi_en(
                            "danh sách thành phần tham dự không được để trống",
                            "the list of attendees must not be empty",
                        ),
                        Some(Msg::both(thanh_phan_example)),
                    );
                    None
                }
                other => other.map(|l| l.into_iter().map(|(t, _)| t).collect()),
            }
        }
        None => None,
    };
    Some(crate::BienBan {
        trich_yeu: None,
        bat_dau: bat_dau?,
        dia_diem: dia_diem?,
        thanh_phan: thanh_phan?,
        chu_tri: chu_tri?,
        thu_ky: thu_ky?,
        ho_ten_thu_ky: ho_ten_thu_ky?,
        ket_thuc: ket_thuc?,
        su_kien: su_kien.unwrap_or_else(|| "Cuộc họp".to_owned()),
    })
}

/// The `[nghi_phep]` table of a giấy nghỉ phép: to whom, from when to when, where; the
/// request's date, the leave year, the number of days and the confirmation block if given.
fn nghi_phep(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<crate::GiayNghiPhep> {
    let (t, _) = sub_table(ctx, top, khoa::NGHI_PHEP.ten, crate::giay_nghi_phep::KHOA, &[])?;
    let [ho_ten, chuc_vu, noi_nghi]: [Option<String>; 3] = van_ban_bang(
        ctx,
        t,
        khoa::NGHI_PHEP.ten,
        &[
            crate::giay_nghi_phep::HO_TEN.ten,
            crate::giay_nghi_phep::CHUC_VU.ten,
            crate::giay_nghi_phep::NOI_NGHI.ten,
        ],
    )
    .try_into()
    .ok()?;
    let mut date = |key: &str, what: (&str, &str)| {
        let v = get(t, key)?;
        ngay_day_du(ctx, v, &format!("nghi_phep.{key}"), what).map(|n| (n, v.span()))
    };
    let ngay_don =
        date(crate::giay_nghi_phep::NGAY_DON.ten, ("ngày của đơn đề nghị", "the date of the request"));
    let tu_ngay = date(crate::giay_nghi_phep::TU_NGAY.ten, ("ngày bắt đầu nghỉ", "the first day of leave"));
    let den_ngay =
        date(crate::giay_nghi_phep::DEN_NGAY.ten, ("ngày nghỉ cuối cùng", "the last day of leave"));
    let span_days = match (&tu_ngay, &den_ngay) {
        (Some((tu, _)), Some((den, den_span))) => match (tu.to_naive_date(), den.to_naive_date()) {
            (Some(a), Some(b)) if b < a => {
                ctx.at(
                    den_span,
                    &khoa::duong(&[&khoa::NGHI_PHEP, &crate::giay_nghi_phep::DEN_NGAY]),
                    vi_en(
                        "ngày nghỉ cuối cùng ở trước ngày bắt đầu nghỉ",
                        "the last day of leave is before the first",
                    ),
                    Some(vi_en("kiểm tra tu_ngay và den_ngay", "check tu_ngay and den_ngay")),
                );
                None
            }
            (Some(a), Some(b)) => Some((b - a).num_days() + 1),
            _ => None,
        },
        _ => None,
    };
    let so_ngay = get(t, crate::giay_nghi_phep::SO_NGAY.ten).and_then(|v| match integer(v.get_ref()) {
        Some(n) if n >= 1 && span_days.is_none_or(|d| n <= d) => Some(n as u32),
        _ => {
            let (vi, en) = match span_days {
                Some(d) => (
                    format!("số ngày nghỉ phải là số nguyên từ 1 đến {d} (từ tu_ngay đến den_ngay)"),
                    format!("the number of days must be an integer from 1 to {d} (tu_ngay to den_ngay)"),
                ),
                None => (
                    "số ngày nghỉ phải là số nguyên dương".to_owned(),
                    "the number of days must be a positive integer".to_owned(),
                ),
            };
            ctx.at(
                &v.span(),
                &khoa::duong(&[&khoa::NGHI_PHEP, &crate::giay_nghi_phep::SO_NGAY]),
                vi_en(vi, en),
                Some(Msg::both("so_ngay = 5")),
            );
            None
        }
    });
    let nam = match get(t, crate::giay_nghi_phep::NAM.ten) {
        None => tu_ngay.as_ref().map(|(n, _)| n.nam()),
        Some(v) => match integer(v.get_ref()) {
            Some(n)
                if (i64::from(crate::GiayNghiPhep::NAM.0)..=i64::from(crate::GiayNghiPhep::NAM.1))
                    .contains(&n) =>
            {
                Some(n as i32)
            }
            _ => {
                ctx.at(
                    &v.span(),
                    &khoa::duong(&[&khoa::NGHI_PHEP, &crate::giay_nghi_phep::NAM]),
                    vi_en(
                        "năm nghỉ phép phải là một năm, như 2024",
                        "the leave year must be a year, such as 2024",
                    ),
                    Some(Msg::both("nam = 2024")),
                );
                None
            }
        },
    };
    let xac_nhan = match get(t, crate::giay_nghi_phep::XAC_NHAN.ten) {
        None => None,
        Some(v) => match v.get_ref() {
            DeValue::Boolean(b) => b.then_some(crate::XacNhan::ChungChung),
            DeValue::String(_) => ctx
                .text(v, &khoa::duong(&[&khoa::NGHI_PHEP, &crate::giay_nghi_phep::XAC_NHAN]))
                .map(crate::XacNhan::Noi),
            other => {
                ctx.at(
                    &v.span(),
                    &khoa::duong(&[&khoa::NGHI_PHEP, &crate::giay_nghi_phep::XAC_NHAN]),
                    vi_en(
                        format!("phải là true/false hoặc tên nơi xác nhận, không phải {}", kind(other)),
                        format!(
                            "must be true/false or the name of the confirming body, not {}",
                            kind_en(other)
                        ),
                    ),
                    Some(Msg::both("xac_nhan = true, xac_nhan = \"Ủy ban nhân dân xã Mường So\"")),
                );
                None
            }
        },
    };
    Some(crate::GiayNghiPhep {
        ho_ten: ho_ten?,
        chuc_vu,
        ngay_don: ngay_don.map(|(n, _)| n),
        nam: nam?,
        so_ngay,
        tu_ngay: tu_ngay?.0,
        den_ngay: den_ngay?.0,
        noi_nghi: noi_nghi?,
        xac_nhan,
    })
}

/// The optional `[ban_sao]` table: a copy of the document by an agency. With `thoi_gian` it
/// is an electronic copy (Mẫu 3.2) and has nothing else; without, a paper copy (Mẫu 3.1) with
/// its number, place and date, signer and recipients.
fn ban_sao(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<crate::BanSao> {
    let (t, span) = sub_table(ctx, top, khoa::BAN_SAO.ten, crate::ban_sao::KHOA, &[])?;
    let slugs: Vec<&str> = crate::HinhThucSao::ALL.iter().map(|h| h.slug()).collect();
    let hinh_thuc = match get(t, crate::ban_sao::HINH_THUC.ten) {
        Some(v) => ctx.text(v, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::HINH_THUC])).and_then(|h| {
            muc_dau(
                ctx,
                v,
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::HINH_THUC]),
                &h,
                &crate::HinhThucSao::ALL,
                |h| (h.slug(), h.chu()),
                &slugs,
            )
        }),
        None => None,
    };
    let co_quan = match get(t, crate::ban_sao::CO_QUAN.ten) {
        Some(v) => match ctx.texts(v, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::CO_QUAN])) {
            Some(l) if l.is_empty() => {
                ctx.at(
                    &v.span(),
                    &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::CO_QUAN]),
                    vi_en(
                        "tên cơ quan sao không được để trống",
                        "the copying agency's name must not be empty",
                    ),
                    None,
                );
                None
            }
            other => other.map(|l| l.into_iter().map(|(t, _)| t).collect::<Vec<_>>()),
        },
        None => None,
    };
    let dinh_dang = match get(t, crate::ban_sao::THOI_GIAN.ten) {
        Some(v) => {
            for key in [
                crate::ban_sao::VIET_TAT.ten,
                crate::ban_sao::SO.ten,
                crate::ban_sao::DIA_DANH.ten,
                crate::ban_sao::NGAY.ten,
                crate::ban_sao::NGUOI_KY.ten,
                crate::ban_sao::NOI_NHAN.ten,
            ] {
                if let Some(extra) = get(t, key) {
                    ctx.at(
                        &extra.span(),
                        &format!("ban_sao.{key}"),
                        vi_en(
                            format!("bản sao điện tử (có thoi_gian) không có khóa {key}"),
                            format!("an electronic copy (with thoi_gian) has no key {key}"),
                        ),
                        Some(vi_en(
                            "bản sao điện tử chỉ ghi hinh_thuc, co_quan và thoi_gian; bỏ thoi_gian để in bản sao giấy",
                            "an electronic copy gives only hinh_thuc, co_quan and thoi_gian; remove thoi_gian for a paper copy",
                        )),
                    );
                }
            }
            thoi_diem(ctx, v, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::THOI_GIAN]))
                .map(|thoi_gian| crate::DinhDangSao::DienTu { thoi_gian })
        }
        None => ban_sao_giay(ctx, t, &span),
    };
    Some(crate::BanSao { hinh_thuc: hinh_thuc?, co_quan: co_quan?, dinh_dang: dinh_dang? })
}

/// A paper copy (Mẫu 3.1), `[ban_sao]` without `thoi_gian` (`t`, at `span`): its number line,
/// place and date, signer and recipients.
fn ban_sao_giay(ctx: &mut Ctx<'_>, t: &DeTable<'_>, span: &Range<usize>) -> Option<crate::DinhDangSao> {
    let viet_tat = match get(t, crate::ban_sao::VIET_TAT.ten) {
        Some(v) => ctx.text(v, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::VIET_TAT])).and_then(|s| {
            VietTat::new(&s)
                .map(|v| v.as_str().to_owned())
                .map_err(|e| {
                    ctx.at(
                        &v.span(),
                        &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::VIET_TAT]),
                        Msg::from(&e),
                        None,
                    )
                })
                .ok()
        }),
        None => {
            ctx.missing(
                Some(span),
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::VIET_TAT]),
                Msg::both(crate::ban_sao::VIET_TAT.dong_vi_du()),
            );
            None
        }
    };
    let so = get(t, crate::ban_sao::SO.ten).and_then(|v| match integer(v.get_ref()).map(So::new) {
        Some(Ok(so)) => Some(so),
        Some(Err(e)) => {
            ctx.at(&v.span(), &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::SO]), Msg::from(&e), None);
            None
        }
        None => {
            ctx.at(
                &v.span(),
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::SO]),
                vi_en("số bản sao phải là số nguyên", "the copy's number must be an integer"),
                Some(Msg::both("so = 12")),
            );
            None
        }
    });
    let dia_danh = match get(t, crate::ban_sao::DIA_DANH.ten) {
        Some(v) => ctx.text(v, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::DIA_DANH])),
        None => {
            ctx.missing(
                Some(span),
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::DIA_DANH]),
                Msg::both(crate::ban_sao::DIA_DANH.dong_vi_du()),
            );
            None
        }
    };
    let ngay = match get(t, crate::ban_sao::NGAY.ten) {
        Some(v) => {
            let r = match v.get_ref() {
                DeValue::String(s) => Ngay::parse(s).map_err(|e| Msg::from(&e)),
                _ => Err(vi_en(
                    "ngày sao phải là chuỗi \"YYYY-MM-DD\"",
                    "the date of copying must be a string \"YYYY-MM-DD\"",
                )),
            };
            let hint = goi_y_ngay(
                v,
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::NGAY]),
                Msg::both("ngay = \"2024-03-10\""),
                false,
            );
            r.map_err(|m| {
                ctx.at(&v.span(), &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::NGAY]), m, Some(hint))
            })
            .ok()
        }
        None => {
            ctx.missing(
                Some(span),
                &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::NGAY]),
                Msg::both(crate::ban_sao::NGAY.dong_vi_du()),
            );
            None
        }
    };
    // A paper copy has its own signer and recipients.
    for k in [&crate::ban_sao::NGUOI_KY, &crate::ban_sao::NOI_NHAN] {
        if get(t, k.ten).is_none() {
            ctx.missing(Some(span), &format!("ban_sao.{}", k.ten), Msg::both(k.dong_vi_du()));
        }
    }
    let nguoi_ky = nguoi_ky(
        ctx,
        t,
        (&khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::NGUOI_KY]), crate::nguoi_ky::KHOA_BAN_SAO),
        false,
    );
    let noi_nhan = noi_nhan(ctx, t, &khoa::duong(&[&khoa::BAN_SAO, &crate::ban_sao::NOI_NHAN]));
    Some(crate::DinhDangSao::Giay {
        so,
        viet_tat: viet_tat?,
        dia_danh: dia_danh?,
        ngay: ngay?,
        nguoi_ky: nguoi_ky?,
        noi_nhan: noi_nhan?,
    })
}

/// The `[[phu_luc]]` tables at `v`: each appendix's title, body (Markdown, as the document's)
/// and whether its pages are landscape.
fn phu_luc(
    ctx: &mut Ctx<'_>,
    top: &DeTable<'_>,
    v: &Value<'_>,
    toml_text: &str,
    offset: usize,
) -> Vec<crate::PhuLuc> {
    let example = vi_en(
        "[[phu_luc]] với ten = \"Danh mục …\" và noi_dung = \"\"\"…\"\"\"",
        "[[phu_luc]] with ten = \"Danh mục …\" and noi_dung = \"\"\"…\"\"\"",
    );
    let DeValue::Array(items) = v.get_ref() else {
        ctx.at(
            &v.span(),
            khoa::PHU_LUC.ten,
            vi_en(
                format!("phụ lục phải là các bảng [[phu_luc]], không phải {}", kind(v.get_ref())),
                format!("appendices must be [[phu_luc]] tables, not {}", kind_en(v.get_ref())),
            ),
            Some(example),
        );
        return Vec::new();
    };
    if items.len() > crate::limits::LIST_ITEMS {
        let max = crate::limits::LIST_ITEMS;
        ctx.at(
            &v.span(),
            khoa::PHU_LUC.ten,
            vi_en(format!("quá {max} phụ lục"), format!("more than {max} appendices")),
            None,
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("phu_luc[{i}]");
        let DeValue::Table(t) = item.get_ref() else {
            ctx.at(
                &item.span(),
                &path,
                vi_en("mỗi phụ lục là một bảng [[phu_luc]]", "each appendix is a [[phu_luc]] table"),
                Some(vi_en(
                    "viết mỗi phụ lục thành một phần bắt đầu bằng dòng [[phu_luc]]",
                    "write each appendix as a section starting with the line [[phu_luc]]",
                )),
            );
            continue;
        };
        ctx.unknown_keys(t, crate::phu_luc::KHOA_PHU_LUC, &format!("{path}."));
        ctx.co_mat(t, Some(&item.span()), crate::phu_luc::KHOA_PHU_LUC, &format!("{path}."), &[]);
        let ten = match get(t, crate::phu_luc::TEN.ten) {
            Some(v) => ctx.text(v, &format!("{path}.ten")),
            None => None,
        };
        let noi_dung = match get(t, crate::phu_luc::NOI_DUNG_PHU_LUC.ten) {
            Some(b) => match b.get_ref() {
                DeValue::String(text) => {
                    let (start, raw) = string_start(toml_text, &b.span());
                    body_of(ctx, text, (offset + start, raw), &format!("{path}.noi_dung"))
                }
                other => {
                    ctx.at(
                        &b.span(),
                        &format!("{path}.noi_dung"),
                        vi_en(
                            format!(
                                "nội dung phụ lục phải là chuỗi văn bản (Markdown), không phải {}",
                                kind(other)
                            ),
                            format!("an appendix's body must be a string (Markdown), not {}", kind_en(other)),
                        ),
                        Some(Msg::both("noi_dung = \"\"\"\n…\n\"\"\"")),
                    );
                    None
                }
            },
            None => None,
        };
        let ngang = flag(
            ctx,
            t,
            crate::phu_luc::NGANG.ten,
            &path,
            vi_en("ngang = true (trang nằm ngang)", "ngang = true (landscape pages)"),
        );
        let tep_rieng = tep_rieng(ctx, t, top, &path);
        if let (Some(ten), Some(noi_dung), Some(ngang), Some(tep_rieng)) = (ten, noi_dung, ngang, tep_rieng) {
            out.push(crate::PhuLuc { ten, noi_dung, ngang, tep_rieng });
        }
    }
    out
}

/// The `[kem_theo]` table of a quyết định or nghị quyết (Mẫu 1.3): the type, summary and body
/// of the document it issues or approves.
fn kem_theo(
    ctx: &mut Ctx<'_>,
    top: &DeTable<'_>,
    toml_text: &str,
    offset: usize,
) -> Option<crate::VanBanKemTheo> {
    let (t, _) = sub_table(ctx, top, khoa::KEM_THEO.ten, crate::phu_luc::KHOA_KEM_THEO, &[])?;
    let loai = match get(t, crate::phu_luc::LOAI_KEM_THEO.ten) {
        Some(v) => ctx.text(v, &khoa::duong(&[&khoa::KEM_THEO, &crate::phu_luc::LOAI_KEM_THEO])).and_then(|slug| match LoaiVanBan::from_slug(&slug) {
            Some(l) if l.mau() == crate::MauVanBan::Mau1_4 => Some(l),
            found => {
                let shown = crate::text::ngan(&slug);
                let why = match found {
                    Some(_) => vi_en(
                        format!("“{shown}” không phải loại văn bản được ban hành kèm theo quyết định"),
                        format!("“{shown}” is not a type a decision issues with it"),
                    ),
                    None => vi_en(
                        format!("không có loại văn bản “{shown}”"),
                        format!("unknown document type “{shown}”"),
                    ),
                };
                let meant = loai_gan_dung(&slug).filter(|c| {
                    LoaiVanBan::from_slug(c).is_some_and(|l| l.mau() == crate::MauVanBan::Mau1_4)
                });
                let hint = match (found, meant) {
                    (None, Some(c)) => did_you_mean(c),
                    _ => vi_en(
                        "ví dụ: quy-che, quy-dinh, ke-hoach, chuong-trinh, de-an, phuong-an, huong-dan",
                        "for example: quy-che, quy-dinh, ke-hoach, chuong-trinh, de-an, phuong-an, huong-dan",
                    ),
                };
                ctx.at(&v.span(), &khoa::duong(&[&khoa::KEM_THEO, &crate::phu_luc::LOAI_KEM_THEO]), why, Some(hint));
                None
            }
        }),
        None => None,
    };
    let trich_yeu = match get(t, crate::phu_luc::TRICH_YEU_KEM_THEO.ten) {
        Some(v) => {
            ctx.text(v, &khoa::duong(&[&khoa::KEM_THEO, &crate::phu_luc::TRICH_YEU_KEM_THEO])).map(TrichYeu)
        }
        None => None,
    };
    let noi_dung = match get(t, crate::phu_luc::NOI_DUNG_KEM_THEO.ten) {
        Some(b) => match b.get_ref() {
            DeValue::String(text) => {
                let (start, raw) = string_start(toml_text, &b.span());
                body_of(
                    ctx,
                    text,
                    (offset + start, raw),
                    &khoa::duong(&[&khoa::KEM_THEO, &crate::phu_luc::NOI_DUNG_KEM_THEO]),
                )
            }
            other => {
                ctx.at(
                    &b.span(),
                    &khoa::duong(&[&khoa::KEM_THEO, &crate::phu_luc::NOI_DUNG_KEM_THEO]),
                    vi_en(
                        format!(
                            "nội dung văn bản kèm theo phải là chuỗi văn bản (Markdown), không phải {}",
                            kind(other)
                        ),
                        format!(
                            "the attached document's body must be a string (Markdown), not {}",
                            kind_en(other)
                        ),
                    ),
                    Some(Msg::both("noi_dung = \"\"\"\n…\n\"\"\"")),
                );
                None
            }
        },
        None => None,
    };
    let tep_rieng = tep_rieng(ctx, t, top, khoa::KEM_THEO.ten);
    let mut noi_dung = noi_dung?;
    crate::quyet_dinh::danh_dau_dieu(&mut noi_dung);
    Some(crate::VanBanKemTheo { loai: loai?, trich_yeu: trich_yeu?, noi_dung, tep_rieng: tep_rieng? })
}

/// The `du_thao` key when it marks the document as a draft (not `du_thao = false`).
fn du_thao_key<'t, 'i>(top: &'t DeTable<'i>) -> Option<&'t Value<'i>> {
    get(top, khoa::DU_THAO.ten).filter(|v| !matches!(v.get_ref(), DeValue::Boolean(false)))
}

/// A signing time at `key`: an ISO 8601 date and time (a TOML date-time or a string).
fn thoi_diem(ctx: &mut Ctx<'_>, v: &Value<'_>, key: &str) -> Option<crate::ThoiDiemKy> {
    let text = match v.get_ref() {
        DeValue::Datetime(dt) => Some(dt.to_string()),
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    };
    let t = text.as_deref().and_then(crate::ThoiDiemKy::parse);
    if t.is_none() {
        ctx.at(
            &v.span(),
            key,
            vi_en(
                "thời điểm ký phải có ngày và giờ theo ISO 8601, như 2024-03-05T14:30:15+07:00",
                "the signing time must be a date and time in ISO 8601, such as 2024-03-05T14:30:15+07:00",
            ),
            Some(Msg::both("thoi_gian = 2024-03-05T14:30:15+07:00")),
        );
    }
    t
}

/// The optional true-or-false `key` of table `t` (at `path`), false when absent.
fn flag(ctx: &mut Ctx<'_>, t: &DeTable<'_>, key: &str, path: &str, example: Msg) -> Option<bool> {
    let Some(b) = get(t, key) else { return Some(false) };
    match b.get_ref() {
        DeValue::Boolean(x) => Some(*x),
        other => {
            ctx.at(
                &b.span(),
                &format!("{path}.{key}"),
                vi_en(
                    format!("{key} phải là true hoặc false, không phải {}", kind(other)),
                    format!("{key} must be true or false, not {}", kind_en(other)),
                ),
                Some(example),
            );
            None
        }
    }
}

/// `tep_rieng` of the part at `path`: whether it is issued as a file of its own. Only a
/// numbered, signed electronic document has such parts: the file shows the document's
/// number and the agency's signing time (`[ky_so] thoi_gian`).
fn tep_rieng(ctx: &mut Ctx<'_>, t: &DeTable<'_>, top: &DeTable<'_>, path: &str) -> Option<bool> {
    let example = vi_en(
        "tep_rieng = true (tệp riêng của văn bản điện tử)",
        "tep_rieng = true (a separate file of an electronic document)",
    );
    let tep_rieng = flag(ctx, t, crate::phu_luc::TEP_RIENG_PHU_LUC.ten, path, example)?;
    let (Some(v), true) = (get(t, crate::phu_luc::TEP_RIENG_PHU_LUC.ten), tep_rieng) else {
        return Some(tep_rieng);
    };
    let key = format!("{path}.tep_rieng");
    let thoi_gian = match get(top, khoa::KY_SO.ten).map(|k| k.get_ref()) {
        Some(DeValue::Table(k)) => get(k, crate::ky_so::THOI_GIAN.ten).is_some(),
        // A [ky_so] that is not a table has its own error.
        Some(_) => true,
        None => false,
    };
    if !thoi_gian {
        ctx.at(
            &v.span(),
            &key,
            vi_en(
                "chỉ văn bản điện tử có phần là tệp riêng: tệp ghi số của văn bản và thời điểm cơ quan ký số",
                "only an electronic document has parts in separate files: the file shows the document's number and the time the agency signed it",
            ),
            Some(vi_en(
                "thêm thoi_gian = 2024-03-05T14:30:15+07:00 vào [ky_so], hoặc xóa tep_rieng để in trong cùng tệp",
                "add thoi_gian = 2024-03-05T14:30:15+07:00 to [ky_so], or remove tep_rieng to print it in the same file",
            )),
        );
        return None;
    }
    if get(top, khoa::SO.ten).is_none() || du_thao_key(top).is_some() {
        ctx.at(
            &v.span(),
            &key,
            vi_en(
                "tệp riêng ghi số của văn bản đã ban hành: văn bản chưa có số hoặc còn là dự thảo",
                "a separate file shows the number of an issued document: this one has no number or is a draft",
            ),
            Some(vi_en(
                "ghi so = … và bỏ du_thao, hoặc xóa tep_rieng",
                "give so = … and remove du_thao, or remove tep_rieng",
            )),
        );
        return None;
    }
    Some(true)
}

/// The optional `[ky_so]` table: image paths, checked for shape; the seal's diameter; the
/// agency's signing time.
fn ky_so(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<KySo> {
    let v = get(top, khoa::KY_SO.ten)?;
    let DeValue::Table(t) = v.get_ref() else {
        ctx.at(
            &v.span(),
            khoa::KY_SO.ten,
            vi_en(
                format!("phải là một bảng [ky_so], không phải {}", kind(v.get_ref())),
                format!("must be a table [ky_so], not {}", kind_en(v.get_ref())),
            ),
            Some(vi_en(
                "[ky_so] với chu_ky = \"chu-ky.png\" và dau = \"dau.png\"",
                "[ky_so] with chu_ky = \"chu-ky.png\" and dau = \"dau.png\"",
            )),
        );
        return None;
    };
    ctx.unknown_keys(t, crate::ky_so::KHOA, "ky_so.");
    ctx.co_mat(t, Some(&v.span()), crate::ky_so::KHOA, "ky_so.", &[]);
    let mut anh = |key: &str| {
        let v = get(t, key)?;
        let path = ctx.text(v, &format!("ky_so.{key}"))?;
        Anh::new(&path).map_err(|e| ctx.at(&v.span(), &format!("ky_so.{key}"), Msg::from(&e), None)).ok()
    };
    let chu_ky = anh(crate::ky_so::CHU_KY.ten);
    let dau = anh(crate::ky_so::DAU.ten);
    let (min, max) = Dau::DUONG_KINH_MM;
    let dau_mm = get(t, crate::ky_so::DAU_MM.ten).and_then(|v| {
        let mm = match v.get_ref() {
            DeValue::Integer(_) => integer(v.get_ref()).map(|i| i as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match mm {
            Some(mm) if (min..=max).contains(&mm) => Some(mm),
            _ => {
                let msg = vi_en(
                    format!("đường kính con dấu phải là một số milimét từ {min} đến {max}"),
                    format!("the diameter of the seal must be a number of millimetres from {min} to {max}"),
                );
                ctx.at(
                    &v.span(),
                    &khoa::duong(&[&khoa::KY_SO, &crate::ky_so::DAU_MM]),
                    msg,
                    Some(Msg::both("dau_mm = 36")),
                );
                None
            }
        }
    });
    if get(t, crate::ky_so::DAU_MM.ten).is_some() && get(t, crate::ky_so::DAU.ten).is_none() {
        ctx.missing(
            Some(&v.span()),
            &khoa::duong(&[&khoa::KY_SO, &crate::ky_so::DAU]),
            vi_en(
                "dau = \"dau.png\" (ảnh con dấu, PNG nền trong suốt)",
                "dau = \"dau.png\" (the seal image, a PNG with a transparent background)",
            ),
        );
    }
    let thoi_gian = match get(t, crate::ky_so::THOI_GIAN.ten) {
        Some(v) => Some(thoi_diem(ctx, v, &khoa::duong(&[&khoa::KY_SO, &crate::ky_so::THOI_GIAN]))?),
        None => None,
    };
    Some(KySo { chu_ky: chu_ky?, dau: dau.map(|anh| Dau { anh, duong_kinh_mm: dau_mm }), thoi_gian })
}

/// The slugs of the types this version lays out.
fn supported() -> Vec<&'static str> {
    LoaiVanBan::ALL.iter().copied().map(|l| l.slug()).collect()
}

/// Where the content of a string value (at `span` of `text`, TOML or JSON) starts, relative
/// to the text: after the opening quotes, and after the newline that may follow a `"""` or
/// `'''`; and the raw text from there when escapes in it are decoded in the value (basic
/// strings; `None` for literal strings, whose text is the value's).
pub(super) fn string_start<'t>(text: &'t str, span: &Range<usize>) -> (usize, Option<&'t str>) {
    let raw = text.get(span.clone()).unwrap_or("");
    let delim = if raw.starts_with("\"\"\"") || raw.starts_with("\'\'\'") { 3 } else { 1 };
    let after = &raw[delim.min(raw.len())..];
    let newline = if delim == 3 && after.starts_with("\r\n") {
        2
    } else if delim == 3 && after.starts_with('\n') {
        1
    } else {
        0
    };
    let start = span.start + delim + newline;
    let escapes = !raw.starts_with('\'');
    (start, escapes.then(|| text.get(start..span.end).unwrap_or("")))
}

/// The byte of `raw` (a basic string's text after its opening quotes) where the byte `at` of
/// the value it gives is written: escapes (`\n`, `\"`, `\u00E0`, a JSON surrogate pair, a
/// TOML line-ending backslash) take more bytes in the text than in the value.
pub(super) fn trong_chuoi(raw: &str, at: usize) -> usize {
    let b = raw.as_bytes();
    let (mut i, mut d) = (0, 0);
    while i < b.len() && d < at {
        if b[i] != b'\\' {
            let n = raw[i..].chars().next().map_or(1, char::len_utf8);
            i += n;
            d += n;
            continue;
        }
        let hex =
            |from: usize, n: usize| raw.get(from..from + n).and_then(|h| u32::from_str_radix(h, 16).ok());
        match b.get(i + 1) {
            Some(b'u') => match hex(i + 2, 4) {
                // A UTF-16 surrogate pair, as JSON writes a character beyond U+FFFF.
                Some(0xD800..=0xDBFF) if raw.get(i + 6..i + 8) == Some("\\u") => (i, d) = (i + 12, d + 4),
                Some(c) => (i, d) = (i + 6, d + char::from_u32(c).map_or(3, char::len_utf8)),
                None => (i, d) = (i + 2, d + 1),
            },
            Some(b'U') => {
                let n = hex(i + 2, 8).and_then(char::from_u32).map_or(4, char::len_utf8);
                (i, d) = (i + 10, d + n);
            }
            // A TOML line-ending backslash: it and the white space after it give nothing.
            Some(c) if c.is_ascii_whitespace() => {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
            }
            Some(_) => (i, d) = (i + 2, d + 1),
            None => break,
        }
    }
    i + at.saturating_sub(d)
}

/// Reads a Markdown body `body`, written in the file from `file_offset` (through `raw`, the
/// string's text, when it is a string value with escapes), and places its problems there.
fn body_of(
    ctx: &mut Ctx<'_>,
    body: &str,
    (file_offset, raw): (usize, Option<&str>),
    key: &str,
) -> Option<NoiDung> {
    let chars = body.chars().count();
    if chars > crate::limits::BODY_CHARS {
        let max = crate::limits::BODY_CHARS;
        let d = diagnostic(
            vi_en(
                format!("nội dung dài {chars} ký tự, quá giới hạn {max} ký tự"),
                format!("the body is {chars} characters long, over the limit of {max} characters"),
            ),
            Some(vi_en(
                "tách văn bản, hoặc đưa phần dài vào phụ lục thành tệp riêng",
                "split the document, or move long parts into an appendix in a file of its own",
            )),
        )
        .with_key(key)
        .ma(ma::QUA_GIOI_HAN);
        ctx.diags.push(ctx.index.place(d, file_offset));
        return None;
    }
    // A body of nothing but white space and invisible characters is an empty body, not one
    // with an invisible character in it.
    let parsed = if crate::text::trong(body) { Ok(NoiDung(Vec::new())) } else { markdown::noi_dung(body) };
    match parsed {
        Ok(n) if n.0.is_empty() => {
            let d = diagnostic(
                vi_en("văn bản chưa có nội dung", "the document has no body yet"),
                Some(vi_en(
                    "viết nội dung văn bản (các đoạn văn, đề mục) bằng Markdown",
                    "write the body of the document (paragraphs, headings) in Markdown",
                )),
            )
            .with_key(key);
            ctx.diags.push(ctx.index.place(d, file_offset));
            None
        }
        Ok(n) => Some(n),
        Err(problems) => {
            for (at, d) in problems {
                let at = raw.map_or(at, |raw| trong_chuoi(raw, at));
                let d = ctx.index.place(d.with_key(key), file_offset + at);
                ctx.diags.push(d);
            }
            None
        }
    }
}
