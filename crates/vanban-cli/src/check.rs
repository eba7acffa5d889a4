//! `render check FILE...`: validation and lint, no PDF.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use crate::batch::Outcome;
use crate::files::Input;
use crate::load::not_a_document;

use vanban_core::lint::{self, SoDaDung};
use vanban_core::{Diagnostic, MucDo, khoa};
use vanban_render::Renderer;
use vanban_so::{Loc, MucSo, SoDangKy, SoSach, TrangThai};

use crate::args::Common;
use crate::files::FileSet;
use crate::load::{lay_out, load};
use crate::may_chu::Client;
use crate::report::{Reporter, Verb, say};

/// Checks each file and reports every problem at once: the file's own (format, model),
/// the lint rules' findings, what the layout finds (characters the fonts lack, words too
/// long for a line), then numbers reused across the files. Each file is reported once, in
/// path order, after every rule has seen it. Returns whether all files are free of errors
/// (and of warnings too, when `strict`). When the register `so_dang_ky` (or the default one
/// beside the first file, as `render cap-so` finds it) exists, a number it gave to another
/// document, or cancelled, is reported too; a missing register is not created.
///
/// A single file's layout is taken from `server` when it laid the file out without problems
/// ([`crate::may_chu`]); else it is laid out here.
pub fn run(
    set: &FileSet,
    strict: bool,
    so_dang_ky: Option<&str>,
    common: &Common,
    reporter: &Reporter,
    server: Option<Client>,
) -> bool {
    let renderer = renderer(common.font_dir.as_deref(), reporter);
    let server = Mutex::new(server.filter(|_| set.files.len() == 1));
    let laid_out_there = || lock(&server).take().and_then(Client::outputs).is_some_and(|o| o.is_empty());
    let found: Mutex<Vec<Option<Checked>>> = Mutex::new(vec![None; set.files.len()]);
    let mut summary = crate::batch::run(&set.files, common.jobs, reporter, |i, input| {
        let checked = check_one(&renderer, input, common.goc.as_deref(), &laid_out_there);
        let outcome = checked.outcome(strict);
        lock(&found)[i] = Some(checked);
        outcome
    });
    let mut found: Vec<Checked> = found
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    // Numbers reused across files, reported on the later file in path order.
    let numbers: Vec<(usize, SoDaDung)> =
        found.iter().enumerate().filter_map(|(i, c)| Some((i, c.number.clone()?))).collect();
    let named: Vec<(String, SoDaDung)> =
        numbers.iter().map(|(i, n)| (set.files[*i].path.display().to_string(), n.clone())).collect();
    for (k, d) in lint::so_trung(&named) {
        found[numbers[k].0].problems.push(d);
    }
    so_trong_so_dang_ky(set, so_dang_ky, &mut found, reporter);
    let (mut ok, mut failed) = (0, 0);
    for (input, checked) in set.files.iter().zip(&found) {
        match checked.outcome(strict) {
            Outcome::Skipped => reporter.warning(&crate::render::skipped_note(reporter.lang(), &input.path)),
            Outcome::Ok if checked.problems.is_empty() => reporter.done(&input.path, &[]),
            _ => reporter.problems(&input.path, &checked.problems),
        }
        match checked.outcome(strict) {
            Outcome::Ok => ok += 1,
            Outcome::Failed => failed += 1,
            Outcome::Skipped => {}
        }
    }
    (summary.ok, summary.failed) = (ok, failed);
    summary.other_shards = set.other_shards;
    reporter.summary(&summary, Verb::Check);
    summary.failed == 0
}

/// What checking one file found.
#[derive(Debug, Clone, Default)]
struct Checked {
    /// Every problem, errors and warnings.
    problems: Vec<Diagnostic>,
    /// The number it is registered under, if it has one.
    number: Option<SoDaDung>,
    /// Its book (`[co_quan] viet_tat` and the year of a full date), number and register id.
    so_dk: Option<(SoSach, u32, Option<String>)>,
    /// A file found in a directory that is not a document.
    skipped: bool,
}

impl Checked {
    fn outcome(&self, strict: bool) -> Outcome {
        if self.skipped {
            Outcome::Skipped
        } else if self.problems.iter().any(|d| d.muc_do == MucDo::Loi || strict) {
            Outcome::Failed
        } else {
            Outcome::Ok
        }
    }
}

/// Every problem of one file, and the number it is registered under; its shared files are
/// under the root `goc` gives ([`Input::goc`]). The file is laid out here unless
/// `laid_out_there` says it was laid out without problems elsewhere.
fn check_one(
    renderer: &Renderer,
    input: &Input,
    goc: Option<&Path>,
    laid_out_there: &dyn Fn() -> bool,
) -> Checked {
    let file = &input.path;
    let loaded = match load(input, goc) {
        Ok(l) => l,
        Err(_) if input.from_dir && not_a_document(file) => {
            return Checked { skipped: true, ..Checked::default() };
        }
        Err(problems) => return Checked { problems, ..Checked::default() },
    };
    let mut problems = lint::kiem_tra(&loaded.van_ban, &loaded.source, &loaded.vi_tri);
    if !laid_out_there()
        && let Err(layout) = lay_out(renderer, file, &loaded)
    {
        problems.splice(0..0, layout);
    }
    let number = SoDaDung::cua(&loaded.van_ban, &loaded.source, &loaded.vi_tri);
    let vb = &loaded.van_ban;
    let so_dk = match (vb.so_hieu.so, vb.ngay.to_naive_date()) {
        (Some(so), Some(ngay)) => Some((
            SoSach::new(vb.co_quan.viet_tat.as_str(), chrono::Datelike::year(&ngay)),
            so.get(),
            vb.ma_dang_ky.as_ref().map(|m| m.as_str().to_owned()),
        )),
        _ => None,
    };
    Checked { problems, number, so_dk, skipped: false }
}

/// Reports on each checked document a number the register gave to another document (another
/// id, or none in the file) or cancelled. Nothing when the register does not exist; a register
/// that cannot be read is warned of.
fn so_trong_so_dang_ky(set: &FileSet, so_dang_ky: Option<&str>, found: &mut [Checked], reporter: &Reporter) {
    if found.iter().all(|c| c.so_dk.is_none()) {
        return;
    }
    let dia_chi = crate::cap_so::dia_chi(so_dang_ky, set.files.first().map(|f| f.path.as_path()));
    if !vanban_so::la_postgres(&dia_chi) && !Path::new(&dia_chi).is_file() {
        return;
    }
    let so = match SoDangKy::mo(&dia_chi) {
        Ok(so) => so,
        Err(e) => return reporter.warning(&crate::cap_so::loi_so(reporter.lang(), &e)),
    };
    let mut cac_sach: HashMap<SoSach, Vec<MucSo>> = HashMap::new();
    for checked in found.iter_mut() {
        let Some((sach, n, ma)) = &checked.so_dk else { continue };
        if !cac_sach.contains_key(sach) {
            match so.cac_muc(&Loc::tat_ca().sach(sach.ten.clone()).nam(sach.nam)) {
                Ok(muc) => cac_sach.insert(sach.clone(), muc),
                Err(e) => return reporter.warning(&crate::cap_so::loi_so(reporter.lang(), &e)),
            };
        }
        let Some(muc) = cac_sach.get(sach).and_then(|m| m.iter().find(|m| m.so == *n)) else { continue };
        if let Some(d) = so_da_dung(muc, ma.as_deref(), &dia_chi) {
            checked.problems.push(d);
        }
    }
}

/// The problem of a document with id `ma` carrying the number of the register's entry `muc`.
fn so_da_dung(muc: &MucSo, ma: Option<&str>, dia_chi: &str) -> Option<Diagnostic> {
    let (so, sach) = (muc.so, &muc.sach);
    let tep = muc.muc.tep.as_deref().unwrap_or("?");
    if muc.trang_thai == TrangThai::DaHuy {
        let ly_do = muc.ly_do_huy.as_deref().unwrap_or_default();
        return Some(
            Diagnostic::new(format!(
                "số {so} của sổ {sach} đã bị huỷ trong sổ đăng ký “{dia_chi}” (tệp {tep}): {ly_do}"
            ))
            .en(format!(
                "number {so} of book {sach} is cancelled in the register “{dia_chi}” (file {tep}): {ly_do}"
            ))
            .with_key(khoa::SO.ten)
            .with_hint("xóa so và ma_dang_ky rồi chạy render cap-so để lấy số mới")
            .hint_en("remove so and ma_dang_ky and run render cap-so for a new number"),
        );
    }
    if ma == Some(muc.ma.as_str()) {
        return None;
    }
    Some(
        Diagnostic::new(format!(
            "số {so} của sổ {sach} đã được sổ đăng ký “{dia_chi}” cấp cho văn bản khác: tệp {tep}"
        ))
        .en(format!(
            "number {so} of book {sach} was given by the register “{dia_chi}” to another document: file {tep}"
        ))
        .with_key(khoa::SO.ten)
        .with_hint("xóa so (và ma_dang_ky) rồi chạy render cap-so để lấy số mới")
        .hint_en("remove so (and ma_dang_ky) and run render cap-so for a new number"),
    )
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The renderer of a run: with the fonts of `font_dir` when asked, warning when Times New
/// Roman is not there.
pub fn renderer(font_dir: Option<&Path>, reporter: &Reporter) -> Renderer {
    let Some(dir) = font_dir else { return Renderer::new() };
    let (renderer, fallback) = Renderer::with_font_dir(dir);
    if let Some(why) = fallback {
        reporter.warning(&say(
            reporter.lang(),
            &format!("{why}; dùng phông Liberation Serif có sẵn (cùng kích thước chữ với Times New Roman)"),
            &format!(
                "{}; using the embedded Liberation Serif (metric-compatible with Times New Roman)",
                why.en()
            ),
        ));
    }
    renderer
}
