//! `render merge TEMPLATE --data FILE` (trộn văn bản): a template filled from each row of a
//! data file, one PDF per row or all rows in one; and `render check TEMPLATE --data FILE`.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use vanban_core::khuon::MauChuoi;
use vanban_core::lint::{self, SoDaDung};
use vanban_core::{Diagnostic, Khuon, MucDo, NgonNgu, VanBan};
use vanban_render::{Layout, PdfOptions, Renderer};

use crate::args::Common;
use crate::atomic::{on_interrupt, write_atomically};
use crate::batch::Outcome;
use crate::du_lieu::{DuLieu, doc_du_lieu};
use crate::load::dir_of;
use crate::render::{Kind, Made, Output, Problems};
use crate::report::{Reporter, Verb, say};

/// What `render merge` is asked to do.
#[derive(Debug, Clone)]
pub struct Tron {
    /// The template file.
    pub khuon: PathBuf,
    /// The data file.
    pub du_lieu: PathBuf,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// Where the PDFs go (default: the template's directory).
    pub out_dir: Option<PathBuf>,
    /// The pattern of each PDF's name.
    pub name: Option<String>,
    /// All rows in this one PDF instead.
    pub combine: Option<PathBuf>,
    /// Number the documents from this, in row order.
    pub so_tu: Option<u32>,
    /// PDF/A-2b.
    pub pdf_a: bool,
    /// Each row's DOCX beside its PDF too.
    pub docx: bool,
}

/// A template and its data, read and checked against each other.
struct Ready {
    khuon: Khuon,
    du_lieu: DuLieu,
}

/// The subcommand's name, as a worker process is started with it.
pub const LENH: &str = "merge";

/// The template's extension before its form's (`giay-moi.khuon.toml`): a file the directory
/// walk leaves to `render merge`.
pub const KHUON: &str = "khuon";

/// Whether `path` is named as a template (`giay-moi.khuon.toml`).
pub fn la_khuon(path: &Path) -> bool {
    path.file_stem().and_then(|s| Path::new(s).extension()).is_some_and(|e| e.eq_ignore_ascii_case(KHUON))
}

/// Reads the template and the data and checks that the data has every column the template
/// names; reports what is wrong and gives `None`.
fn ready(
    khuon: &Path,
    du_lieu: &Path,
    sheet: Option<&str>,
    so_tu: Option<u32>,
    common: &Common,
    reporter: &Reporter,
) -> Option<Ready> {
    // The template is a file named directly: its shared files' root as for such a document.
    let parsed = Khuon::doc_tep(khuon, &crate::files::goc_cua(khuon, common.goc.as_deref())).map_err(|d| d.0);
    let khuon_doc = match parsed {
        Ok(k) => k,
        Err(problems) => {
            reporter.problems(khuon, &problems);
            return None;
        }
    };
    let data = match doc_du_lieu(du_lieu, sheet) {
        Ok(d) => d,
        Err(e) => {
            // Placed as a row is: `ds.xlsx:17: cột ngay_sinh: …`.
            let (vi, en) = e.loai.loi();
            let (cot_vi, cot_en) = match &e.cot {
                Some(cot) => (format!("cột {cot}: "), format!("column {cot}: ")),
                None => Default::default(),
            };
            let d = Diagnostic::new(format!("{cot_vi}{vi}")).en(format!("{cot_en}{en}"));
            let noi = match e.dong {
                Some(dong) => PathBuf::from(hang(du_lieu, dong)),
                None => du_lieu.to_path_buf(),
            };
            reporter.problems(&noi, &[d]);
            return None;
        }
    };
    let mut cot = data.cot.clone();
    if so_tu.is_some() {
        cot.push(vanban_core::khoa::SO.ten.to_owned());
    }
    if let Err(problems) = khuon_doc.kiem_cot(&cot) {
        reporter.problems(khuon, &problems.0);
        return None;
    }
    if data.dong.is_empty() {
        let d = Diagnostic::new("dữ liệu không có dòng nào dưới dòng tên cột")
            .en("the data has no rows under its header")
            .with_hint("mỗi văn bản cần một dòng dữ liệu")
            .hint_en("each document needs a row of data");
        reporter.problems(du_lieu, &[d]);
        return None;
    }
    Some(Ready { khuon: khuon_doc, du_lieu: data })
}

/// `render merge`: returns whether every row was rendered and written.
pub fn run(tron: &Tron, common: &Common, reporter: &Reporter) -> bool {
    let Some(Ready { khuon, du_lieu }) =
        ready(&tron.khuon, &tron.du_lieu, tron.sheet.as_deref(), tron.so_tu, common, reporter)
    else {
        return false;
    };
    on_interrupt(reporter.lang());
    if let Some(out) = &tron.combine {
        return crate::gop::run(tron, out, &khuon, &du_lieu, common, reporter);
    }
    let lang = reporter.lang();
    let names = match ten_tep(tron, &du_lieu, lang) {
        Ok(names) => names,
        Err(message) => {
            reporter.usage_error(&message);
            return false;
        }
    };
    let options = if tron.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() };
    let dir = dir_of(&tron.khuon);
    let pdfs = std::sync::atomic::AtomicUsize::new(0);
    let rows = du_lieu.dong.len();
    let mut summary = match crate::worker::processes(rows, common.jobs) {
        // Several workers: laid out in worker processes (see worker.rs), written here.
        Some(jobs) => crate::worker::run_n(rows, jobs, reporter, &|i, ask: &mut dyn FnMut() -> Made| {
            let hang = hang(&tron.du_lieu, du_lieu.dong[i].so);
            let outputs = match ask() {
                Ok(Some(outputs)) => outputs,
                Ok(None) => return Outcome::Failed,
                Err(Problems::Told(words, _)) => {
                    reporter.told(&words);
                    return Outcome::Failed;
                }
                Err(Problems::Here(problems)) => {
                    reporter.row_problems(&tron.khuon, &hang, &khuon, &problems);
                    return Outcome::Failed;
                }
            };
            xong(ghi_ra(dat_cho(&names[i], outputs), lang), &hang, &tron.khuon, &khuon, &pdfs, reporter)
        }),
        None => {
            let renderer = crate::check::renderer(common.font_dir.as_deref(), reporter);
            crate::batch::run_n(rows, common.jobs, reporter, |i| {
                let hang = hang(&tron.du_lieu, du_lieu.dong[i].so);
                let wrote = lam(&khuon, &renderer, dir, &du_lieu, i, tron.so_tu)
                    .and_then(|(van_ban, layout)| ra_cua(&van_ban, &layout, &options, tron.docx, dir))
                    .and_then(|outputs| ghi_ra(dat_cho(&names[i], outputs), lang));
                xong(wrote, &hang, &tron.khuon, &khuon, &pdfs, reporter)
            })
        }
    };
    summary.pdfs = pdfs.into_inner();
    reporter.summary(&summary, Verb::Render);
    summary.failed == 0
}

/// Fills row `i` and lays the document out: the document and its layout.
pub(crate) fn lam(
    khuon: &Khuon,
    renderer: &Renderer,
    dir: &Path,
    du_lieu: &DuLieu,
    i: usize,
    so_tu: Option<u32>,
) -> Result<(VanBan, Layout), Vec<Diagnostic>> {
    let dong = &du_lieu.dong[i].gia_tri;
    let van_ban = match so_tu {
        Some(n) => khuon.dien_so(dong, n.saturating_add(i as u32)),
        None => khuon.dien(dong),
    }
    .map_err(|d| d.0)?;
    let layout = renderer
        .layout_in(&van_ban, dir)
        .map_err(|e| vec![crate::load::placed(&e, khuon.nguon(), khuon.vi_tri())])?;
    Ok((van_ban, layout))
}

/// A file made for a row: where it goes, its bytes and its pages (none for a DOCX).
type PdfRa = (PathBuf, Vec<u8>, Option<usize>);

/// The outputs of one row's document: its PDF, each part it issues as a file of its own,
/// and its DOCX when asked.
fn ra_cua(
    van_ban: &VanBan,
    layout: &Layout,
    options: &PdfOptions,
    docx: bool,
    dir: &Path,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut out = Vec::with_capacity(layout.files().len() + 1);
    for tep in layout.files() {
        let bytes =
            layout.pdf_of(tep, options).map_err(|e| vec![Diagnostic::new(e.to_string()).en(e.en())])?;
        out.push(Output {
            kind: Kind::Pdf { part: tep.ten().map(str::to_owned), pages: tep.trang().len() },
            bytes,
        });
    }
    if docx {
        let files =
            vanban_docx::cac_tep(van_ban, Some(dir)).map_err(|e| vec![crate::render::docx_problem(&e)])?;
        out.extend(files.into_iter().map(|t| Output { kind: Kind::Docx { part: t.ten }, bytes: t.docx }));
    }
    Ok(out)
}

/// Where each output of the row whose PDF is `path` goes: parts beside it as
/// `<name>.<part>.pdf`, the DOCX as `<name>.docx` and its parts as `<name>.<part>.docx`.
fn dat_cho(path: &Path, outputs: Vec<Output>) -> Vec<PdfRa> {
    outputs
        .into_iter()
        .filter_map(|o| match o.kind {
            Kind::Pdf { part, pages } => Some((ten_phan(path, part.as_deref()), o.bytes, Some(pages))),
            Kind::Docx { part } => {
                Some((ten_phan(&path.with_extension("docx"), part.as_deref()), o.bytes, None))
            }
            Kind::Preview { .. } | Kind::Metadata => None,
        })
        .collect()
}

/// Where a part issued as a file of its own goes: `<name>.<part>.pdf` beside the row's PDF
/// (`.docx` beside its DOCX).
fn ten_phan(path: &Path, part: Option<&str>) -> PathBuf {
    match part {
        Some(ten) => crate::render::part_path(path, ten),
        None => path.to_path_buf(),
    }
}

/// Writes one row's PDFs, whole or not at all.
fn ghi_ra(made: Vec<PdfRa>, lang: NgonNgu) -> Result<Vec<(PathBuf, Option<usize>)>, Vec<Diagnostic>> {
    let mut wrote = Vec::new();
    for (out, pdf, pages) in made {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| vec![khong_ghi(&out, &e, lang)])?;
        }
        write_atomically(&out, &pdf).map_err(|e| vec![khong_ghi(&out, &e, lang)])?;
        wrote.push((out, pages));
    }
    Ok(wrote)
}

/// Reports how writing a row's PDFs ended.
fn xong(
    wrote: Result<Vec<(PathBuf, Option<usize>)>, Vec<Diagnostic>>,
    hang: &str,
    template: &Path,
    khuon: &Khuon,
    pdfs: &std::sync::atomic::AtomicUsize,
    reporter: &Reporter,
) -> Outcome {
    match wrote {
        Ok(wrote) => {
            pdfs.fetch_add(wrote.len(), std::sync::atomic::Ordering::Relaxed);
            reporter.done(Path::new(hang), &wrote);
            Outcome::Ok
        }
        Err(problems) => {
            reporter.row_problems(template, hang, khuon, &problems);
            Outcome::Failed
        }
    }
}

/// A worker process of `render merge`: reads the template and the data as its parent did,
/// then makes each row whose index comes on standard input and writes its PDFs (or its
/// problems, in words) to standard output, until its input ends.
pub fn serve(tron: &Tron, common: &Common, reporter: &Reporter) -> bool {
    let Some(Ready { khuon, du_lieu }) =
        ready(&tron.khuon, &tron.du_lieu, tron.sheet.as_deref(), tron.so_tu, common, reporter)
    else {
        return false;
    };
    crate::batch::on_own_pool(|| {
        let renderer = match common.font_dir.as_deref() {
            Some(dir) => Renderer::with_font_dir(dir).0,
            None => Renderer::new(),
        };
        let options = if tron.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() };
        let dir = dir_of(&tron.khuon);
        let mut out = std::io::stdout().lock();
        for line in std::io::stdin().lock().lines() {
            let Some(i) =
                line.ok().and_then(|l| l.trim().parse::<usize>().ok()).filter(|&i| i < du_lieu.dong.len())
            else {
                return false;
            };
            if tron.combine.is_some() {
                // A piece of a combined PDF (gop.rs): `i` numbers the piece.
                let made = crate::gop::phan_gui(&khuon, &renderer, &du_lieu, i, tron, reporter);
                if crate::worker::frame(&mut out, i, made).is_err() {
                    return false;
                }
                continue;
            }
            let hang = hang(&tron.du_lieu, du_lieu.dong[i].so);
            let made = lam(&khuon, &renderer, dir, &du_lieu, i, tron.so_tu)
                .and_then(|(van_ban, layout)| ra_cua(&van_ban, &layout, &options, tron.docx, dir));
            let made = made
                .map(Some)
                .map_err(|problems| (reporter.row_words(&tron.khuon, &hang, &khuon, &problems), 1));
            if crate::worker::frame(&mut out, i, made).is_err() {
                return false;
            }
        }
        true
    })
}

fn khong_ghi(out: &Path, e: &std::io::Error, _lang: NgonNgu) -> Diagnostic {
    let (vi, en) = vanban_core::ly_do_io(e);
    Diagnostic::new(format!("không ghi được {} ({vi})", out.display()))
        .en(format!("cannot write {} ({en})", out.display()))
}

/// How a row is named in reports: `ds.xlsx:17`, as the spreadsheet numbers it.
pub(crate) fn hang(du_lieu: &Path, so: usize) -> String {
    format!("{}:{so}", du_lieu.display())
}

/// The PDF path of every row, from `--name` (default `<template>-<row>`), made safe for
/// file names; two rows may not give the same name.
fn ten_tep(tron: &Tron, du_lieu: &DuLieu, lang: NgonNgu) -> Result<Vec<PathBuf>, String> {
    let dir = tron.out_dir.clone().unwrap_or_else(|| dir_of(&tron.khuon).to_path_buf());
    let stem = tron.khuon.file_stem().and_then(|s| s.to_str()).unwrap_or("van-ban");
    let stem = stem.strip_suffix(&format!(".{KHUON}")).unwrap_or(stem);
    let width = du_lieu.dong.iter().map(|d| d.so.to_string().len()).max().unwrap_or(1);
    let words = |d: &vanban_core::Diagnostics| {
        (
            d.0.iter().map(|d| d.message_in(NgonNgu::Vi)).collect::<Vec<_>>().join("; "),
            d.0.iter().map(|d| d.message_in(NgonNgu::En)).collect::<Vec<_>>().join("; "),
        )
    };
    let pattern = tron.name.as_deref().map(MauChuoi::new).transpose().map_err(|e| {
        let (vi, en) = words(&e);
        say(lang, &format!("--name không dùng được: {vi}"), &format!("--name cannot be used: {en}"))
    })?;
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    let mut names = Vec::with_capacity(du_lieu.dong.len());
    for (i, dong) in du_lieu.dong.iter().enumerate() {
        let raw = match &pattern {
            Some(p) => {
                p.dien(&dong.gia_tri, tron.so_tu.map(|n| n.saturating_add(i as u32))).map_err(|e| {
                    let (vi, en) = words(&e);
                    say(
                        lang,
                        &format!("--name ở dòng {}: {vi}", hang(&tron.du_lieu, dong.so)),
                        &format!("--name at row {}: {en}", hang(&tron.du_lieu, dong.so)),
                    )
                })?
            }
            None => format!("{stem}-{:0width$}", dong.so),
        };
        let safe = crate::ten_tep::an_toan(&raw).ok_or_else(|| {
            say(
                lang,
                &format!("--name cho dòng {} một tên tệp rỗng", hang(&tron.du_lieu, dong.so)),
                &format!("--name gives row {} an empty file name", hang(&tron.du_lieu, dong.so)),
            )
        })?;
        let path = dir.join(format!("{safe}.pdf"));
        if let Some(first) = seen.insert(path.clone(), dong.so) {
            return Err(say(
                lang,
                &format!(
                    "dòng {} và dòng {first} cùng cho tên tệp {}: thêm một cột vào --name (ví dụ {{{{ stt }}}})",
                    dong.so,
                    path.display()
                ),
                &format!(
                    "rows {first} and {} give the same file name {}: add a column to --name (e.g. {{{{ stt }}}})",
                    dong.so,
                    path.display()
                ),
            ));
        }
        names.push(path);
    }
    Ok(names)
}

/// `render check TEMPLATE --data FILE`: every row filled and checked (lint and layout
/// included), numbers given twice among the rows, nothing written.
pub fn check(
    khuon_path: &Path,
    du_lieu_path: &Path,
    sheet: Option<&str>,
    strict: bool,
    common: &Common,
    reporter: &Reporter,
) -> bool {
    let Some(Ready { khuon, du_lieu }) = ready(khuon_path, du_lieu_path, sheet, None, common, reporter)
    else {
        return false;
    };
    let renderer = crate::check::renderer(common.font_dir.as_deref(), reporter);
    let (source, vi_tri) = (khuon.nguon(), khuon.vi_tri());
    let dir = dir_of(khuon_path);
    let found: Mutex<Vec<(Vec<Diagnostic>, Option<SoDaDung>)>> =
        Mutex::new(vec![(Vec::new(), None); du_lieu.dong.len()]);
    let mut summary = crate::batch::run_n(du_lieu.dong.len(), common.jobs, reporter, |i| {
        let dong = &du_lieu.dong[i].gia_tri;
        let (problems, number) = match khuon.dien(dong) {
            Err(d) => (d.0, None),
            Ok(van_ban) => {
                let mut problems = lint::kiem_tra(&van_ban, source, vi_tri);
                if let Err(e) = renderer.layout_in(&van_ban, dir) {
                    problems.insert(0, crate::load::placed(&e, source, vi_tri));
                }
                (problems, SoDaDung::cua(&van_ban, source, vi_tri))
            }
        };
        let failed = problems.iter().any(|d| d.muc_do == MucDo::Loi || strict);
        lock(&found)[i] = (problems, number);
        if failed { Outcome::Failed } else { Outcome::Ok }
    });
    let mut found = found.into_inner().unwrap_or_else(|p| p.into_inner());
    let named: Vec<(usize, (String, SoDaDung))> = found
        .iter()
        .enumerate()
        .filter_map(|(i, (_, n))| Some((i, (hang(du_lieu_path, du_lieu.dong[i].so), n.clone()?))))
        .collect();
    let pairs: Vec<(String, SoDaDung)> = named.iter().map(|(_, p)| p.clone()).collect();
    for (k, d) in lint::so_trung(&pairs) {
        found[named[k].0].0.push(d);
    }
    let (mut ok, mut failed) = (0, 0);
    for (i, (problems, _)) in found.iter().enumerate() {
        let hang = hang(du_lieu_path, du_lieu.dong[i].so);
        if problems.iter().any(|d| d.muc_do == MucDo::Loi || strict) {
            failed += 1;
        } else {
            ok += 1;
        }
        match problems.is_empty() {
            true => reporter.done(Path::new(&hang), &[]),
            false => reporter.row_problems(khuon_path, &hang, &khuon, problems),
        }
    }
    (summary.ok, summary.failed) = (ok, failed);
    reporter.summary(&summary, Verb::Check);
    failed == 0
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
