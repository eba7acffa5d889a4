//! `render new LOAI`: a commented skeleton document file.
//!
//! The skeleton walks the key definitions (`vanban_core::khoa`): every key the type takes,
//! in definition order, with its meaning as a comment; required keys are written, optional
//! ones commented out unless the type's sample file gives them. The values come from the
//! sample files under `khung/` (`chung.toml` for every type, `<slug>.toml` for one), else
//! from the definitions' samples. They parse and render as they are, so the officer sees the
//! layout at once and edits from there.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use vanban_core::khoa::{self, CoMat, Khoa, Kieu};
use vanban_core::{LoaiVanBan, MauVanBan, NgonNgu};

use crate::report::say;

/// Writes the skeleton of type `loai` to `output` (default `LOAI.toml`/`LOAI.md`; `-` for
/// standard output). Returns whether it was written.
pub fn run(loai: &str, output: Option<&Path>, markdown: bool, lang: NgonNgu) -> bool {
    match write(loai, output, markdown, lang) {
        Ok(()) => true,
        Err(message) => {
            if !message.is_empty() {
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            false
        }
    }
}

fn write(slug: &str, output: Option<&Path>, markdown: bool, lang: NgonNgu) -> Result<(), String> {
    let loai = chon_loai(slug, lang)?;
    let to_stdout = output == Some(Path::new("-"));
    let ext = output.filter(|_| !to_stdout).and_then(|p| p.extension()).and_then(|e| e.to_str());
    let markdown = match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("md" | "markdown") => true,
        Some("toml") if markdown => {
            let path = output.map(Path::display).map(|d| d.to_string()).unwrap_or_default();
            return Err(loi(
                lang,
                &format!("--markdown ghi tệp Markdown, nhưng “{path}” có đuôi .toml"),
                &format!("--markdown writes Markdown, but “{path}” ends in .toml"),
                "đặt tên tệp đuôi .md, hoặc bỏ --markdown",
                "name the file .md, or leave --markdown out",
            ));
        }
        _ => markdown,
    };
    let default = PathBuf::from(format!("{}.{}", loai.slug(), if markdown { "md" } else { "toml" }));
    let path = output.map(Path::to_path_buf).unwrap_or(default);
    let shown = if to_stdout {
        format!("{}.{}", loai.slug(), if markdown { "md" } else { "toml" })
    } else {
        lenh(&path)
    };
    let text = khung(loai, markdown, lang, &shown, nam_nay());

    if to_stdout {
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            // The reader stopped reading (`render new … -o - | head`): what it wanted it has.
            Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
            Err(e) => {
                let (vi, en) = vanban_core::ly_do_io(&e);
                Err(loi(
                    lang,
                    &format!("không ghi được ra đầu ra chuẩn ({vi})"),
                    &format!("cannot write to standard output ({en})"),
                    "",
                    "",
                ))
            }
            Ok(()) => Ok(()),
        };
    }

    let name = path.display();
    // `create_new`: an existing file is never overwritten, even one created meanwhile.
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(loai.slug());
            let ext = if markdown { "md" } else { "toml" };
            let other = path.with_file_name(format!("{stem}-2.{ext}"));
            let hint_cmd = format!(
                "render new {}{} -o {}",
                loai.slug(),
                if markdown { " --markdown" } else { "" },
                lenh(&other)
            );
            return Err(loi(
                lang,
                &format!("tệp “{name}” đã có; render new không ghi đè lên tệp có sẵn"),
                &format!("“{name}” already exists; render new never overwrites a file"),
                &format!("chọn tên khác với -o, ví dụ: {hint_cmd}"),
                &format!("choose another name with -o, e.g. {hint_cmd}"),
            ));
        }
        Err(e) => {
            let (vi, en) = ly_do(&e);
            return Err(loi(
                lang,
                &format!("không ghi được tệp “{name}” ({vi})"),
                &format!("cannot write “{name}” ({en})"),
                "",
                "",
            ));
        }
    };
    if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.sync_all()) {
        drop(file);
        // The file was created just now, by this run: a half-written one goes.
        let _ = std::fs::remove_file(&path);
        let (vi, en) = ly_do(&e);
        return Err(loi(
            lang,
            &format!("không ghi được tệp “{name}” ({vi})"),
            &format!("cannot write “{name}” ({en})"),
            "",
            "",
        ));
    }
    let cmd = lenh(&path);
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        say(
            lang,
            &format!("đã ghi {name}\nbước tiếp theo: sửa các giá trị mẫu, rồi chạy: render {cmd}"),
            &format!("wrote {name}\nnext: edit the sample values, then run: render {cmd}"),
        )
    );
    Ok(())
}

/// An error message with an optional hint, in the language of the run.
fn loi(lang: NgonNgu, vi: &str, en: &str, hint_vi: &str, hint_en: &str) -> String {
    let mut s = say(lang, &format!("lỗi: {vi}"), &format!("error: {en}"));
    if !hint_vi.is_empty() {
        s.push('\n');
        s.push_str(&say(lang, &format!("gợi ý: {hint_vi}"), &format!("help: {hint_en}")));
    }
    s
}

fn ly_do(e: &std::io::Error) -> (String, String) {
    match e.kind() {
        // Creating a new file: what is missing is its directory.
        ErrorKind::NotFound => {
            ("thư mục chứa tệp không có".to_owned(), "the directory does not exist".to_owned())
        }
        _ => vanban_core::ly_do_io(e),
    }
}

/// A path as typed in a shell command: quoted when it holds spaces or shell characters.
fn lenh(path: &Path) -> String {
    let s = path.display().to_string();
    let plain = s.chars().all(|c| c.is_alphanumeric() || "-_./+,:@%".contains(c));
    if plain && !s.is_empty() { s } else { format!("'{}'", s.replace('\'', r"'\''")) }
}

/// The types this version lays out.
fn supported() -> Vec<&'static str> {
    LoaiVanBan::ALL.iter().copied().map(|l| l.slug()).collect()
}

/// The type named by `slug`, as the reader looks it up; an error naming the accepted slugs
/// (and the likely one meant) when it is unknown.
fn chon_loai(slug: &str, lang: NgonNgu) -> Result<LoaiVanBan, String> {
    let slug = slug.trim();
    let list = supported().join(", ");
    match LoaiVanBan::from_slug(slug) {
        Some(l) => Ok(l),
        None => {
            let shown: String = slug.chars().take(60).collect();
            let (hint_vi, hint_en) = match gan_nhat(slug) {
                Some(c) => (
                    format!("có phải ý bạn là “{c}”? Các loại được hỗ trợ: {list}"),
                    format!("did you mean “{c}”? Supported types: {list}"),
                ),
                None => (format!("các loại được hỗ trợ: {list}"), format!("supported types: {list}")),
            };
            Err(loi(
                lang,
                &format!("không có loại văn bản “{shown}”"),
                &format!("no document type “{shown}”"),
                &hint_vi,
                &hint_en,
            ))
        }
    }
}

/// The type `slug` most likely means, as the reader suggests it (`tờ trình`, `ke_hoach`,
/// `to-trnh`).
fn gan_nhat(slug: &str) -> Option<&'static str> {
    LoaiVanBan::gan_dung(slug).map(LoaiVanBan::slug)
}

/// The current year (UTC), to date the skeleton as a draft of this year.
fn nam_nay() -> i32 {
    nam_cua(SystemTime::now())
}

/// The year (UTC) of `t`; a clock that is plainly wrong (before 2020, or far ahead) does not
/// date the document: 2025 then.
fn nam_cua(t: SystemTime) -> i32 {
    use chrono::Datelike;
    let year = chrono::DateTime::<chrono::Utc>::from(t).year();
    if (2020..=2999).contains(&year) { year } else { 2025 }
}

// `fn tep_mau(slug) -> Option<&'static str>`: the sample file of each type,
// `khung/<slug>.toml`, found by the build script (a new type needs only its file).
include!(concat!(env!("OUT_DIR"), "/khung_mau.rs"));

/// The sample values every type shares, where they differ from the definitions' samples.
const CHUNG: &str = include_str!("../khung/chung.toml");

/// The table of a sample file holding, for a key path, a note added to the key's comment:
/// `["Vietnamese", "English"]`.
const CHU_THICH: &str = "_chu_thich";

/// The sample values of one type.
#[derive(Default)]
struct GiaTriMau {
    /// Values to write, by key path (`co_quan.ten`), as TOML text.
    gia_tri: HashMap<String, String>,
    /// Values to show commented out instead of the definition's sample, by key path.
    goi_y: HashMap<String, String>,
    /// Notes added to a key's comment, by key path: (Vietnamese, English).
    chu_thich: HashMap<String, (String, String)>,
}

impl GiaTriMau {
    /// The samples of `loai`: the shared file, then the type's own, `{nam}` being `nam`.
    fn cua(loai: LoaiVanBan, nam: i32) -> GiaTriMau {
        let mut mau = GiaTriMau::default();
        mau.doc(CHUNG, nam);
        mau.doc(tep_mau(loai.slug()).unwrap_or(""), nam);
        mau.gia_tri.insert(khoa::LOAI.ten.to_owned(), chuoi(loai.slug()));
        // The code the program derives: the one to write, if another is wanted.
        let chu = |path: &str| {
            let raw = mau.gia_tri.get(path).map(String::as_str);
            let raw = raw.or_else(|| khoa::khoa(path).map(|k| k.vi_du)).unwrap_or("");
            cac_chuoi(raw).into_iter().next().unwrap_or_default()
        };
        let ky_hieu = match loai.viet_tat() {
            Some(vt) => {
                format!("{vt}-{}", chu(&khoa::duong(&[&khoa::CO_QUAN, &khoa::trong::co_quan::VIET_TAT])))
            }
            None => format!(
                "{}-{}",
                chu(&khoa::duong(&[&khoa::CO_QUAN, &khoa::trong::co_quan::VIET_TAT])),
                chu(khoa::DON_VI_SOAN_THAO.ten)
            ),
        };
        mau.goi_y.insert(khoa::KY_HIEU.ten.to_owned(), chuoi(&ky_hieu));
        mau
    }

    /// Reads a sample file: `key = value` lines under `[table]` headers, each value kept
    /// as its TOML text (several lines for a `"""` string or an array); comments skipped.
    fn doc(&mut self, text: &str, nam: i32) {
        let mut bang = String::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                bang = name.trim().to_owned();
                continue;
            }
            let Some((key, value)) = t.split_once('=') else { continue };
            let key = key.trim().trim_matches('"');
            let mut raw = value.trim().to_owned();
            while !tron_ven(&raw) {
                let Some(more) = lines.next() else { break };
                raw.push('\n');
                raw.push_str(more);
            }
            let raw = raw.replace("{nam}", &nam.to_string());
            if bang == CHU_THICH {
                let mut notes = cac_chuoi(&raw).into_iter();
                let (vi, en) = (notes.next().unwrap_or_default(), notes.next().unwrap_or_default());
                self.chu_thich.insert(key.to_owned(), (vi, en));
            } else if bang.is_empty() {
                self.gia_tri.insert(key.to_owned(), raw);
            } else {
                self.gia_tri.insert(format!("{bang}.{key}"), raw);
            }
        }
    }

    /// Whether the samples give a value for a key of the table at `path`.
    fn co_bang(&self, path: &str) -> bool {
        let prefix = format!("{path}.");
        self.gia_tri.keys().any(|k| k.starts_with(&prefix))
    }
}

/// Whether the TOML value text `raw` is whole: a `"""` string closed, brackets balanced.
fn tron_ven(raw: &str) -> bool {
    if let Some(rest) = raw.strip_prefix("\"\"\"") {
        return rest.contains("\"\"\"");
    }
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    for c in raw.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => depth += 1,
            ']' | '}' if !in_string => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

/// The basic strings of a TOML value text (`"a"`, `["a", "b"]`), unescaped.
fn cac_chuoi(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match (&mut cur, c) {
            (None, '"') => cur = Some(String::new()),
            (None, _) => {}
            (Some(s), '\\') => match chars.next() {
                Some('n') => s.push('\n'),
                Some('t') => s.push('\t'),
                Some(e) => s.push(e),
                None => {}
            },
            (Some(_), '"') => out.extend(cur.take()),
            (Some(s), c) => s.push(c),
        }
    }
    out
}

/// Whether `k` is a table (`[co_quan]`) or a list of tables (`[[phu_luc]]`).
fn la_bang(k: &Khoa) -> bool {
    matches!(k.kieu, Kieu::Bang(_) | Kieu::CacBang(_))
}

/// Whether the type `loai` has the key `k` at all.
fn co(loai: LoaiVanBan) -> impl Fn(&&&Khoa) -> bool {
    move |k| (k.co_mat)(loai) != CoMat::Khong
}

/// The skeleton text. `ten_tep` is the file name shown in the “then run” line.
/// This year's skeleton công văn, as TOML: `render serve` lays it out once as it starts, so
/// that the first document it is handed finds the templates evaluated and the fonts read.
pub fn cong_van_mau() -> String {
    khung(LoaiVanBan::CongVan, false, NgonNgu::Vi, "cong-van.toml", nam_nay())
}

fn khung(loai: LoaiVanBan, markdown: bool, lang: NgonNgu, ten_tep: &str, nam: i32) -> String {
    let mau = GiaTriMau::cua(loai, nam);
    let mut k = Viet { lang, s: String::new(), loai, mau: &mau };
    if markdown {
        k.dong("+++");
    }
    k.dau_tep(markdown, ten_tep);
    // A skeleton is a document of its own: shared files (`dung_chung`) are set up apart, and
    // the register id is written by `render cap-so`, never by hand.
    let rieng = |k: &&&Khoa| k.ten != khoa::DUNG_CHUNG.ten && k.ten != khoa::MA_DANG_KY.ten;
    for khoa in khoa::VAN_BAN.iter().filter(co(loai)).filter(|k| !la_bang(k)).filter(rieng) {
        if !(markdown && matches!(khoa.kieu, Kieu::NoiDung { .. })) {
            k.khoa(khoa, khoa.ten, false);
            k.trong();
        }
    }
    // The tables the type needs or its samples give, then the others, commented out.
    let bangs: Vec<&&Khoa> = khoa::VAN_BAN.iter().filter(co(loai)).filter(|k| la_bang(k)).collect();
    let (viet, tat): (Vec<&&Khoa>, Vec<&&Khoa>) = bangs.into_iter().partition(|b| k.viet(b, b.ten));
    let mut khac = Vec::new();
    for khoa in viet.into_iter().chain(tat) {
        if !k.bang(khoa, khoa.ten) {
            khac.push(*khoa);
        }
    }
    k.bang_khac(&khac);
    while k.s.ends_with("\n\n") {
        k.s.pop();
    }
    if markdown {
        let noi_dung = khoa::NOI_DUNG;
        k.trong();
        k.chu_thich_khoa(&noi_dung, noi_dung.ten);
        k.dong("+++");
        k.trong();
        let raw = mau.gia_tri.get(noi_dung.ten).map_or(noi_dung.vi_du, String::as_str);
        let body = raw.trim_start_matches("\"\"\"").trim_end_matches("\"\"\"").trim_matches('\n');
        k.dong(body);
    }
    k.s
}

/// The name of the decree's form a type is laid out with.
fn mau_so(loai: LoaiVanBan) -> &'static str {
    match loai.mau() {
        MauVanBan::Mau1_1 => "Mẫu 1.1",
        MauVanBan::Mau1_2 => "Mẫu 1.2",
        MauVanBan::Mau1_5 => "Mẫu 1.5",
        MauVanBan::Mau1_6 => "Mẫu 1.6",
        MauVanBan::Mau1_7 => "Mẫu 1.7",
        MauVanBan::Mau1_8 => "Mẫu 1.8",
        MauVanBan::Mau1_9 => "Mẫu 1.9",
        MauVanBan::Mau1_10 => "Mẫu 1.10",
        _ => "Mẫu 1.4",
    }
}

/// `s` with its first letter in capitals.
fn viet_hoa_dau(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first clause of a description, up to its first `: ` or `. `, ending in a full stop.
fn cau_dau(s: &str) -> String {
    let end = [": ", ". "].iter().filter_map(|p| s.find(p)).min().unwrap_or(s.len());
    format!("{}.", s[..end].trim_end_matches('.'))
}

/// The skeleton being written.
struct Viet<'a> {
    lang: NgonNgu,
    s: String,
    loai: LoaiVanBan,
    mau: &'a GiaTriMau,
}

impl Viet<'_> {
    /// The widest comment line, in characters after the `#`.
    const RONG: usize = 96;

    /// A comment, in the language of the run, wrapped at [`Viet::RONG`] characters.
    fn chu_thich(&mut self, vi: &str, en: &str) {
        let text = match self.lang {
            NgonNgu::Vi => vi,
            NgonNgu::En => en,
        };
        for line in text.lines() {
            let mut width = 0;
            self.s.push('#');
            for word in words(line) {
                let n = word.chars().count();
                if width > 0 && width + 1 + n > Self::RONG {
                    self.s.push_str("\n#");
                    width = 0;
                }
                self.s.push(' ');
                self.s.push_str(&word);
                width += 1 + n;
            }
            self.s.push('\n');
        }
    }

    /// A line as it is.
    fn dong(&mut self, line: &str) {
        self.s.push_str(line);
        self.s.push('\n');
    }

    /// A key line (or several, for a value of several lines), commented out.
    fn tat(&mut self, line: &str) {
        for l in line.lines() {
            self.s.push_str("# ");
            self.dong(l);
        }
    }

    fn trong(&mut self) {
        self.s.push('\n');
    }

    /// The file's header: what it is, how to render it, and (TOML) how to get completion.
    fn dau_tep(&mut self, markdown: bool, ten_tep: &str) {
        let (loai, mau_so) = (self.loai, mau_so(self.loai));
        let ten_loai = viet_hoa_dau(&loai.ten_loai().to_lowercase());
        self.chu_thich(
            &format!(
                "{ten_loai} ({mau_so}, Phụ lục III Nghị định 30/2020/NĐ-CP): khung do “render new {}” tạo.",
                loai.slug()
            ),
            &format!(
                "{ten_loai} ({mau_so}, Annex III of Decree 30/2020/ND-CP): skeleton written by “render new {}”.",
                loai.slug()
            ),
        );
        self.chu_thich(
            &format!("Sửa các giá trị mẫu, rồi chạy: render {ten_tep}"),
            &format!("Edit the sample values, then run: render {ten_tep}"),
        );
        self.chu_thich(
            "Dòng bắt đầu bằng # là chú thích; xóa # ở đầu một dòng khóa để dùng khóa đó.",
            "Lines starting with # are comments; remove the # before a key line to use that key.",
        );
        if !markdown {
            self.chu_thich(
                "Để trình soạn thảo gợi ý khóa: render schema > vanban.schema.json, rồi thêm dòng #:schema ./vanban.schema.json ở đầu tệp.",
                "For key completion in the editor: render schema > vanban.schema.json, then add the line #:schema ./vanban.schema.json at the top.",
            );
        }
        self.trong();
    }

    /// The comment of the key `k` at `path`: its meaning, whether it is optional, and the
    /// type's note on it.
    fn chu_thich_khoa(&mut self, k: &Khoa, path: &str) {
        let (mut vi, mut en) = (k.mo_ta.to_owned(), k.mo_ta_en.to_owned());
        if (k.co_mat)(self.loai) == CoMat::TuyChon {
            vi.push_str(" Không bắt buộc.");
            en.push_str(" Optional.");
        }
        if let Some((note_vi, note_en)) = self.mau.chu_thich.get(path) {
            vi = format!("{vi} {note_vi}");
            en = format!("{en} {note_en}");
        }
        self.chu_thich(&vi, &en);
    }

    /// The key `k` at `path` with its comment: the sample's value written, else the
    /// definition's, written when the key is required, commented out when it is optional
    /// (or `tat`, in a table written commented out).
    fn khoa(&mut self, k: &Khoa, path: &str, tat: bool) {
        self.chu_thich_khoa(k, path);
        let mau = self.mau;
        match mau.gia_tri.get(path) {
            Some(raw) if !tat => self.dong(&format!("{} = {raw}", k.ten)),
            _ if !tat && (k.co_mat)(self.loai) == CoMat::BatBuoc => self.dong(&k.dong_vi_du()),
            given => {
                let raw = given.or_else(|| mau.goi_y.get(path)).map_or(k.vi_du, String::as_str);
                self.tat(&format!("{} = {raw}", k.ten));
            }
        }
    }

    /// The table `k` at `path` with its keys, when the type requires it or its samples give
    /// it; commented out when it is optional and holds keys of one line only. Whether it was
    /// written (else it is only named, by [`Viet::bang_khac`]).
    fn bang(&mut self, k: &Khoa, path: &str) -> bool {
        let (Kieu::Bang(keys) | Kieu::CacBang(keys)) = k.kieu else { return false };
        let header = match k.kieu {
            Kieu::CacBang(_) => format!("[[{path}]]"),
            _ => format!("[{path}]"),
        };
        let keys: Vec<&&Khoa> = keys.iter().filter(co(self.loai)).collect();
        let written = self.viet(k, path);
        if written {
            self.chu_thich_khoa(k, path);
            self.dong(&header);
        } else {
            let one_line = keys.iter().all(|k| !la_bang(k) && !k.vi_du.contains('\n'));
            if !one_line || matches!(k.kieu, Kieu::CacBang(_)) {
                return false;
            }
            self.chu_thich(
                &format!("{} Không bắt buộc: xóa # ở các dòng khóa dưới đây để dùng.", k.mo_ta),
                &format!("{} Optional: remove the # before the key lines below to use them.", k.mo_ta_en),
            );
            self.tat(&header);
        }
        for sub in keys.iter().filter(|k| !la_bang(k)) {
            self.khoa(sub, &format!("{path}.{}", sub.ten), !written);
        }
        self.trong();
        for sub in keys.iter().filter(|k| la_bang(k)) {
            let sub_path = format!("{path}.{}", sub.ten);
            if self.viet(sub, &sub_path) {
                self.bang(sub, &sub_path);
            }
        }
        true
    }

    /// Whether the table `k` at `path` is written: the type requires it or its samples
    /// give it.
    fn viet(&self, k: &Khoa, path: &str) -> bool {
        (k.co_mat)(self.loai) == CoMat::BatBuoc || self.mau.co_bang(path)
    }

    /// The optional tables not written, each named with the first clause of its meaning.
    fn bang_khac(&mut self, khac: &[&Khoa]) {
        if khac.is_empty() {
            return;
        }
        let (mut vi, mut en) = (
            "Các bảng không bắt buộc khác (các khóa của chúng: xem render schema):".to_owned(),
            "Other optional tables (their keys: see render schema):".to_owned(),
        );
        for k in khac {
            let name = match k.kieu {
                Kieu::CacBang(_) => format!("[[{}]]", k.ten),
                _ => format!("[{}]", k.ten),
            };
            vi.push_str(&format!("\n{name} {}", cau_dau(k.mo_ta)));
            en.push_str(&format!("\n{name} {}", cau_dau(k.mo_ta_en)));
        }
        self.chu_thich(&vi, &en);
    }
}

/// The words of a line, split at single spaces: a run of spaces (`Số:      /KH-UBND`) is kept
/// inside one word, never broken.
fn words(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut spaces = 0;
    for w in line.split(' ') {
        match out.last_mut() {
            _ if w.is_empty() => spaces += 1,
            Some(last) if spaces > 0 => {
                last.push_str(&" ".repeat(spaces + 1));
                last.push_str(w);
                spaces = 0;
            }
            _ => out.push(w.to_owned()),
        }
    }
    out
}

/// A TOML basic string.
fn chuoi(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_wrapped() {
        for loai in LoaiVanBan::ALL {
            for lang in [NgonNgu::Vi, NgonNgu::En] {
                let text = khung(*loai, false, lang, "x.toml", 2025);
                for line in text.lines().filter(|l| l.starts_with('#')) {
                    assert!(line.chars().count() <= 1 + Viet::RONG, "{line}");
                    assert!(!line.starts_with("#:"), "{line}");
                }
            }
        }
    }

    #[test]
    fn the_year_is_the_clocks_unless_the_clock_is_plainly_wrong() {
        let at = |secs: u64| nam_cua(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        // 2026-12-04T15:00:00Z, 2024-12-31T23:59:59Z, 2025-01-01T00:00:00Z.
        assert_eq!(at(1_796_396_400), 2026);
        assert_eq!(at(1_735_689_599), 2024);
        assert_eq!(at(1_735_689_600), 2025);
        // The epoch (a clock never set) and the year 3000.
        assert_eq!(at(0), 2025);
        assert_eq!(at(32_503_680_000), 2025);
    }

    #[test]
    fn typos_of_a_slug_are_recognised() {
        assert_eq!(gan_nhat("ke-hoac"), Some("ke-hoach"));
        assert_eq!(gan_nhat("ke_hoach"), Some("ke-hoach"));
        assert_eq!(gan_nhat("cong van"), Some("cong-van"));
        assert_eq!(gan_nhat("to-trnh"), Some("to-trinh"));
        assert_eq!(gan_nhat("Giấy giới thiệu"), Some("giay-gioi-thieu"));
        assert_eq!(gan_nhat("xyz"), None);
    }

    #[test]
    fn toml_strings_are_escaped_and_read_back() {
        assert_eq!(chuoi(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(cac_chuoi(r#"["x", "a\"b\\c"]"#), ["x", r#"a"b\c"#]);
        assert!(tron_ven("[\"a]\", \"b\"]") && !tron_ven("[\n  \"a\","));
        assert!(tron_ven("\"\"\"\nx\n\"\"\"") && !tron_ven("\"\"\""));
    }

    #[test]
    fn every_type_has_a_sample_file_of_its_own_keys() {
        for &loai in LoaiVanBan::ALL {
            let text = tep_mau(loai.slug()).unwrap_or_else(|| panic!("no khung/{}.toml", loai.slug()));
            let mut mau = GiaTriMau::default();
            mau.doc(text, 2025);
            let paths = mau.gia_tri.keys().chain(mau.chu_thich.keys());
            for path in paths.filter(|p| !p.contains(CHU_THICH)) {
                let k = khoa::khoa(path).unwrap_or_else(|| panic!("{}: no key {path}", loai.slug()));
                assert_ne!(
                    (k.co_mat)(loai),
                    CoMat::Khong,
                    "{}: {path} is not a key of the type",
                    loai.slug()
                );
            }
            assert!(!text.contains('\\'), "{}: no escapes in the samples", loai.slug());
        }
    }

    #[test]
    fn shell_paths_are_quoted_when_needed() {
        assert_eq!(lenh(Path::new("ke-hoach.toml")), "ke-hoach.toml");
        assert_eq!(lenh(Path::new("văn bản/kế hoạch.md")), "'văn bản/kế hoạch.md'");
    }
}
