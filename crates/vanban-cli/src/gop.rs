//! `render merge --combine OUT.pdf`: every row's document in one PDF.
//!
//! The rows are laid out in pieces of [`PHAN`] rows, each written as a PDF of its own by a
//! worker (a process as the batch's, or a thread), and the pieces are joined here in row
//! order as they come ([`GhepPdf`]). No process holds more than a few pieces' pages, so
//! memory stays flat however many rows there are, and the pieces' export runs on every
//! worker at once. The file is written only when every row succeeded.

use std::collections::BTreeMap;
use std::io::BufWriter;
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

use vanban_core::{Diagnostic, Khuon};
use vanban_render::{GhepPdf, PdfOptions, Renderer, TapVanBan};

use crate::args::Common;
use crate::atomic::TepTam;
use crate::batch::Outcome;
use crate::du_lieu::DuLieu;
use crate::load::dir_of;
use crate::merge::{Tron, hang, lam};
use crate::render::{Kind, Made, Output, Problems};
use crate::report::{Reporter, Summary, Verb, say};

/// Rows laid out and written together as one piece. The pieces' fonts are subset apart, so
/// fewer, larger pieces make a smaller file; more, smaller ones keep less in memory. At 50,
/// a thousand one-page rows make 20 pieces, each a worker holds about 9 MiB of pages for.
/// It never depends on the number of workers: the same rows give the same bytes.
pub const PHAN: usize = 50;

/// The rows of piece `k`.
fn rows(k: usize, count: usize) -> Range<usize> {
    k * PHAN..((k + 1) * PHAN).min(count)
}

/// The bad rows of a piece: each row's index and its problems.
type HangLoi = Vec<(usize, Vec<Diagnostic>)>;

/// Lays out the rows of piece `k` and writes them as one PDF with its number of pages; or
/// every bad row's problems, with the row's index.
pub fn phan(
    khuon: &Khuon,
    renderer: &Renderer,
    dir: &Path,
    du_lieu: &DuLieu,
    k: usize,
    tron: &Tron,
) -> Result<(Vec<u8>, usize), HangLoi> {
    let range = rows(k, du_lieu.dong.len());
    let mut tap = TapVanBan::new(range.len());
    let mut bad = Vec::new();
    for (place, i) in range.clone().enumerate() {
        match lam(khuon, renderer, dir, du_lieu, i, tron.so_tu) {
            Ok((_, layout)) => tap.dat(place, layout),
            Err(problems) => bad.push((i, problems)),
        }
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    let options = if tron.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() };
    let pages = tap.so_trang();
    tap.pdf(&options)
        .map(|pdf| (pdf, pages))
        .map_err(|e| vec![(range.start, vec![Diagnostic::new(e.to_string()).en(e.en())])])
}

/// Piece `k` as a worker sends it: the PDF, or the bad rows' problems in words.
pub fn phan_gui(
    khuon: &Khuon,
    renderer: &Renderer,
    du_lieu: &DuLieu,
    k: usize,
    tron: &Tron,
    reporter: &Reporter,
) -> Result<Option<Vec<Output>>, (String, usize)> {
    match phan(khuon, renderer, dir_of(&tron.khuon), du_lieu, k, tron) {
        Ok((bytes, pages)) => Ok(Some(vec![Output { kind: Kind::Pdf { part: None, pages }, bytes }])),
        Err(bad) => {
            let words: Vec<String> = bad
                .iter()
                .map(|(i, problems)| {
                    let hang = hang(&tron.du_lieu, du_lieu.dong[*i].so);
                    reporter.row_words(&tron.khuon, &hang, khuon, problems)
                })
                .collect();
            Err((words.join("\n"), bad.len()))
        }
    }
}

/// The pieces come in any order and are joined in theirs, written as they are joined to a
/// temporary file that takes the output's place only when every row succeeded.
struct Noi {
    ghep: GhepPdf<BufWriter<TepTam>>,
    next: usize,
    waiting: BTreeMap<usize, Vec<u8>>,
    /// Why joining stopped: a piece that could not be joined.
    broken: Option<Diagnostic>,
}

impl Noi {
    fn them(&mut self, k: usize, pdf: Vec<u8>) {
        if self.broken.is_some() {
            return;
        }
        self.waiting.insert(k, pdf);
        while let Some(pdf) = self.waiting.remove(&self.next) {
            if let Err(e) = self.ghep.them(&pdf) {
                self.broken = Some(Diagnostic::new(e.to_string()).en(e.en()));
                self.waiting.clear();
                return;
            }
            self.next += 1;
        }
    }
}

/// `render merge --combine OUT`: returns whether every row was rendered and the file written.
pub fn run(
    tron: &Tron,
    out: &Path,
    khuon: &Khuon,
    du_lieu: &DuLieu,
    common: &Common,
    reporter: &Reporter,
) -> bool {
    let count = du_lieu.dong.len();
    let pieces = count.div_ceil(PHAN);
    let tep = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| TepTam::tao(out));
    let tep = match tep {
        Ok(tep) => tep,
        Err(e) => {
            let (vi, en) = io_words(&e);
            let d = Diagnostic::new(format!("không ghi được tệp ({vi})"))
                .en(format!("cannot write the file ({en})"));
            reporter.problems(out, &[d]);
            return false;
        }
    };
    let ghep = GhepPdf::new(BufWriter::new(tep));
    let noi = Mutex::new(Noi { ghep, next: 0, waiting: BTreeMap::new(), broken: None });
    let failed_rows = std::sync::atomic::AtomicUsize::new(0);
    let finish = |k: usize, made: Made| -> Outcome {
        let failed = match made {
            Ok(Some(outputs)) => {
                for o in outputs {
                    lock(&noi).them(k, o.bytes);
                }
                return Outcome::Ok;
            }
            Ok(None) => 0,
            Err(Problems::Told(words, failed)) => {
                reporter.told(&words);
                failed
            }
            Err(Problems::Here(problems)) => {
                reporter.problems(out, &problems);
                rows(k, count).len()
            }
        };
        failed_rows.fetch_add(failed.max(1), std::sync::atomic::Ordering::Relaxed);
        Outcome::Failed
    };
    let started = std::time::Instant::now();
    match crate::worker::processes(pieces, common.jobs) {
        Some(jobs) => {
            crate::worker::run_n(pieces, jobs, reporter, &|k, ask: &mut dyn FnMut() -> Made| finish(k, ask()))
        }
        None => {
            let renderer = crate::check::renderer(common.font_dir.as_deref(), reporter);
            crate::batch::run_n(pieces, common.jobs, reporter, |k| {
                finish(
                    k,
                    phan_gui(khuon, &renderer, du_lieu, k, tron, reporter)
                        .map_err(|(w, n)| Problems::Told(w, n)),
                )
            })
        }
    };
    let failed = failed_rows.into_inner().min(count);
    let mut summary = Summary::of(count, count - failed, 0, started);
    let noi = noi.into_inner().unwrap_or_else(|p| p.into_inner());
    summary.pdfs = ghi(out, noi, failed, reporter);
    if summary.pdfs == 0 {
        summary.failed = summary.failed.max(1);
        summary.ok = summary.ok.min(count - summary.failed);
    }
    reporter.summary(&summary, Verb::Render);
    summary.failed == 0
}

/// Writes the joined PDF, only when every row rendered: a set with a row missing is not
/// written. Returns the number of PDFs written (0 or 1).
fn ghi(out: &Path, noi: Noi, failed: usize, reporter: &Reporter) -> usize {
    if failed > 0 {
        reporter.warning(&say(
            reporter.lang(),
            &format!("không ghi {}: {failed} dòng lỗi (sửa các dòng đó rồi chạy lại)", out.display()),
            &format!("{} not written: {failed} rows failed (mend them and run again)", out.display()),
        ));
        return 0;
    }
    if let Some(d) = noi.broken {
        reporter.problems(out, &[d]);
        return 0;
    }
    let pages = noi.ghep.so_trang();
    let written = noi.ghep.pdf().map_err(|e| (e.to_string(), e.en())).and_then(|file| {
        let tep = file.into_inner().map_err(|e| io_words(e.error()))?;
        tep.xong().map_err(|e| io_words(&e))
    });
    match written {
        Ok(()) => {
            reporter.done(out, &[(out.to_path_buf(), Some(pages))]);
            1
        }
        Err((vi, en)) => {
            reporter.problems(
                out,
                &[Diagnostic::new(format!("không ghi được tệp ({vi})"))
                    .en(format!("cannot write the file ({en})"))],
            );
            0
        }
    }
}

fn io_words(e: &std::io::Error) -> (String, String) {
    let (vi, en) = vanban_core::ly_do_io(e);
    (vi.to_string(), en.to_string())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
