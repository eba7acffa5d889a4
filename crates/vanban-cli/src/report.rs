//! What a run tells its user: problems, progress and a summary, as text for people (in
//! Vietnamese or English) or as JSON Lines for editors and pipelines.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};
use vanban_core::{Diagnostic, MucDo, NgonNgu};

use crate::args::{Common, Format};

/// Picks the Vietnamese or the English text.
pub fn say(lang: NgonNgu, vi: &str, en: &str) -> String {
    match lang {
        NgonNgu::Vi => vi.to_owned(),
        NgonNgu::En => en.to_owned(),
    }
}

/// Prints what a run finds. Shared by the worker threads of a batch.
///
/// A reader that closes the pipe it reads from (`render DIR | head -1`) ends the run quietly
/// with status 0, as it would any Unix tool, leaving only complete files; any other failure
/// to print (a full disk) is said once on standard error and fails the run.
pub struct Reporter {
    lang: NgonNgu,
    json: bool,
    bar: Mutex<Option<ProgressBar>>,
    /// Standard output carries a PDF (`-o -`): the report goes to standard error.
    stdout_taken: AtomicBool,
    /// Printing failed once (other than a closed pipe).
    failed: AtomicBool,
}

/// What a batch did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Files that succeeded.
    pub ok: usize,
    /// Files that failed.
    pub failed: usize,
    /// Files found in a directory that are not documents, passed over.
    pub skipped: usize,
    /// PDFs written (a document and each part issued as a file of its own).
    pub pdfs: usize,
    /// Previews written.
    pub previews: usize,
    /// Other files written: DOCX and metadata records.
    pub others: usize,
    /// Files left to other shards.
    pub other_shards: usize,
    /// Wall time of the run.
    pub elapsed: Duration,
}

impl Summary {
    /// The summary of a batch of `total` files of which `ok` succeeded and `skipped` were
    /// passed over, begun at `started`; what was written is counted by the caller.
    pub fn of(total: usize, ok: usize, skipped: usize, started: std::time::Instant) -> Summary {
        Summary {
            ok,
            failed: total - ok - skipped,
            skipped,
            pdfs: 0,
            previews: 0,
            others: 0,
            other_shards: 0,
            elapsed: started.elapsed(),
        }
    }
}

impl Reporter {
    /// A reporter for the options of the command line.
    pub fn new(common: &Common) -> Reporter {
        Reporter {
            lang: common.lang,
            json: common.format == Format::Json,
            bar: Mutex::new(None),
            stdout_taken: AtomicBool::new(false),
            failed: AtomicBool::new(false),
        }
    }

    /// Standard output carries the PDF: every report goes to standard error from now on.
    pub fn give_up_stdout(&self) {
        self.stdout_taken.store(true, Ordering::Relaxed);
    }

    /// Whether printing the report failed (the run must then fail).
    pub fn output_failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// The language of messages.
    pub fn lang(&self) -> NgonNgu {
        self.lang
    }

    fn ngon_ngu(&self) -> NgonNgu {
        self.lang
    }

    /// A usage error: the command line itself is wrong.
    pub fn usage_error(&self, message: &str) {
        if self.json {
            self.line(&json!({"type": "usage-error", "message": message}));
        } else {
            let label = say(self.lang, "lỗi", "error");
            self.text(&format!("{label}: {message}"));
        }
    }

    /// Every problem found in `file`.
    pub fn problems(&self, file: &Path, diagnostics: &[Diagnostic]) {
        if !diagnostics.is_empty() {
            self.told(&self.words(file, diagnostics));
        }
    }

    /// The problems of `file` put in words as [`Reporter::problems`] prints them: text for
    /// people, or JSON lines.
    pub fn words(&self, file: &Path, diagnostics: &[Diagnostic]) -> String {
        let shown = file.display().to_string();
        let lines: Vec<String> = diagnostics
            .iter()
            .map(|d| match self.json {
                true => diagnostic_json(&shown, d, self.ngon_ngu()).to_string(),
                false => d.display_in(&shown, self.ngon_ngu()),
            })
            .collect();
        lines.join("\n")
    }

    /// The problems of one row of `render merge` (named `hang`: `ds.xlsx:17`), each with
    /// the columns its value came from and its place in `template`:
    /// `ds.xlsx:17: cột ngay_sinh: giay-moi.khuon.toml:9:8: lỗi: …`.
    pub fn row_problems(
        &self,
        template: &Path,
        hang: &str,
        khuon: &vanban_core::Khuon,
        diagnostics: &[Diagnostic],
    ) {
        self.told(&self.row_words(template, hang, khuon, diagnostics));
    }

    /// The problems of one row put in words as [`Reporter::row_problems`] prints them.
    pub fn row_words(
        &self,
        template: &Path,
        hang: &str,
        khuon: &vanban_core::Khuon,
        diagnostics: &[Diagnostic],
    ) -> String {
        let shown = template.display().to_string();
        let lines: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                let cot = khuon.cot_cua(d);
                if self.json {
                    let mut v = diagnostic_json(&shown, d, self.ngon_ngu());
                    v["row"] = json!(hang);
                    v["columns"] = json!(cot);
                    return v.to_string();
                }
                let cot = match (cot.is_empty(), self.lang) {
                    (true, _) => String::new(),
                    (false, NgonNgu::Vi) => format!("cột {}: ", cot.join(", ")),
                    (false, NgonNgu::En) => format!("column {}: ", cot.join(", ")),
                };
                format!("{hang}: {cot}{}", d.display_in(&shown, self.ngon_ngu()))
            })
            .collect();
        lines.join("\n")
    }

    /// Problems already put in words (by [`Reporter::words`], here or in a worker process).
    pub fn told(&self, words: &str) {
        if words.is_empty() {
            return;
        }
        if self.json {
            let _bar = self.bar_lock();
            self.print(words, false);
        } else {
            self.text(words);
        }
    }

    /// A warning about the run, not about a file (a font not found, say).
    pub fn warning(&self, message: &str) {
        if self.json {
            self.line(&json!({"type": "warning", "message": message}));
        } else {
            let label = say(self.lang, "cảnh báo", "warning");
            self.text(&format!("{label}: {message}"));
        }
    }

    /// What was done to `file`, in words of the run's language (`render cap-so`): a line
    /// `FILE: words` on standard output, or a JSON object of type `ok` with `message`.
    pub fn thong_bao(&self, file: &Path, words: &str) {
        if self.json {
            self.line(&json!({"type": "ok", "file": file.display().to_string(), "message": words}));
        } else {
            let _bar = self.bar_lock();
            self.print(&format!("{}: {words}", file.display()), false);
        }
    }

    /// A file checked or rendered without error: a plain line on standard output, unless a
    /// progress bar shows it instead.
    pub fn done(&self, file: &Path, wrote: &[(PathBuf, Option<usize>)]) {
        let pdfs: Vec<(&PathBuf, usize)> = wrote.iter().filter_map(|(p, n)| Some((p, (*n)?))).collect();
        let others = wrote.iter().filter(|(_, n)| n.is_none()).map(|(p, _)| p);
        if self.json {
            let mut v = json!({"type": "ok", "file": file.display().to_string()});
            if let Some((pdf, pages)) = pdfs.first() {
                v["pdf"] = json!(pdf.display().to_string());
                v["pages"] = json!(pages);
            }
            if pdfs.len() > 1 {
                v["parts"] = pdfs[1..]
                    .iter()
                    .map(|(pdf, pages)| json!({"pdf": pdf.display().to_string(), "pages": pages}))
                    .collect();
            }
            for other in others {
                let key = if other.extension().is_some_and(|e| e == "docx") { "docx" } else { "metadata" };
                v[key] = json!(other.display().to_string());
            }
            self.line(&v);
            return;
        }
        if self.has_bar() {
            return;
        }
        let pdfs: Vec<String> = pdfs
            .iter()
            .map(|(pdf, pages)| match self.lang {
                NgonNgu::Vi => format!("{} ({pages} trang)", pdf.display()),
                NgonNgu::En => {
                    format!("{} ({pages} page{})", pdf.display(), if *pages == 1 { "" } else { "s" })
                }
            })
            .chain(others.map(|p| p.display().to_string()))
            .collect();
        let message = match (pdfs.is_empty(), self.lang) {
            (false, _) => format!("{} → {}", file.display(), pdfs.join(", ")),
            (true, NgonNgu::Vi) => format!("{}: hợp lệ", file.display()),
            (true, NgonNgu::En) => format!("{}: valid", file.display()),
        };
        let _bar = self.bar_lock();
        self.print(&message, false);
    }

    /// Shows a progress bar for `total` files when standard error is a terminal and the
    /// report is text.
    pub fn start(&self, total: usize) {
        if self.json || total < 2 || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        let template = match self.lang {
            NgonNgu::Vi => "{bar:40} {pos}/{len} tệp  {elapsed}  còn {eta}",
            NgonNgu::En => "{bar:40} {pos}/{len} files  {elapsed}  {eta} left",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        *self.bar_lock() = Some(bar);
    }

    /// One more file finished.
    pub fn tick(&self) {
        if let Some(bar) = self.bar_lock().as_ref() {
            bar.inc(1);
        }
    }

    /// Ends the run: removes the progress bar and prints the summary of a batch.
    pub fn summary(&self, s: &Summary, verb: Verb) {
        if let Some(bar) = self.bar_lock().take() {
            bar.finish_and_clear();
        }
        let seconds = s.elapsed.as_secs_f64();
        if self.json {
            self.line(&json!({
                "type": "summary",
                "ok": s.ok,
                "failed": s.failed,
                "skipped": s.skipped,
                "pdfs": s.pdfs,
                "previews": s.previews,
                "others": s.others,
                "other_shards": s.other_shards,
                "seconds": (seconds * 1000.0).round() / 1000.0,
            }));
            return;
        }
        let total = s.ok + s.failed;
        if total < 2 && s.other_shards == 0 && s.skipped == 0 && s.pdfs < 2 {
            return;
        }
        let rate = if seconds > 0.0 { total as f64 / seconds } else { 0.0 };
        let (ok, failed, pdfs) = (s.ok, s.failed, s.pdfs);
        let mut line = match (self.lang, verb) {
            (NgonNgu::Vi, Verb::Render) => {
                format!(
                    "đã ghi {pdfs} PDF từ {ok} văn bản, {failed} tệp lỗi, trong {seconds:.2} s ({rate:.0} văn bản/giây)"
                )
            }
            (NgonNgu::Vi, Verb::Check) => {
                format!("{ok} tệp hợp lệ, {failed} tệp có lỗi, trong {seconds:.2} s")
            }
            (NgonNgu::En, Verb::Render) => {
                format!(
                    "wrote {pdfs} PDFs from {ok} documents, {failed} files failed, in {seconds:.2} s ({rate:.0} documents/s)"
                )
            }
            (NgonNgu::En, Verb::Check) => {
                format!("{ok} files valid, {failed} with errors, in {seconds:.2} s")
            }
        };
        if s.others > 0 {
            line.push_str(&match self.lang {
                NgonNgu::Vi => format!("; {} tệp DOCX và dữ liệu văn bản", s.others),
                NgonNgu::En => format!("; {} DOCX and metadata files", s.others),
            });
        }
        if s.previews > 0 {
            line.push_str(&match self.lang {
                NgonNgu::Vi => format!("; {} ảnh xem trước", s.previews),
                NgonNgu::En => format!("; {} previews", s.previews),
            });
        }
        if s.skipped > 0 {
            line.push_str(&match self.lang {
                NgonNgu::Vi => format!("; bỏ qua {} tệp không phải văn bản", s.skipped),
                NgonNgu::En => format!("; {} files skipped as not documents", s.skipped),
            });
        }
        if s.other_shards > 0 {
            line.push_str(&match self.lang {
                NgonNgu::Vi => format!("; {} tệp thuộc phần khác (--shard)", s.other_shards),
                NgonNgu::En => format!("; {} files left to other shards (--shard)", s.other_shards),
            });
        }
        self.text(&line);
    }

    fn has_bar(&self) -> bool {
        self.bar_lock().is_some()
    }

    fn bar_lock(&self) -> std::sync::MutexGuard<'_, Option<ProgressBar>> {
        self.bar.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Text for people, on standard error, above the progress bar if there is one.
    fn text(&self, message: &str) {
        let bar = self.bar_lock();
        match bar.as_ref() {
            Some(bar) => bar.suspend(|| self.print(message, true)),
            None => self.print(message, true),
        }
    }

    /// One JSON object on a line of standard output.
    fn line(&self, value: &Value) {
        let _bar = self.bar_lock();
        self.print(&value.to_string(), false);
    }

    /// Prints a line on standard error (`err`) or output, and deals with a failure.
    fn print(&self, message: &str, err: bool) {
        let result = if err || self.stdout_taken.load(Ordering::Relaxed) {
            let mut out = std::io::stderr().lock();
            writeln!(out, "{message}").and_then(|()| out.flush())
        } else {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{message}").and_then(|()| out.flush())
        };
        match result {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => crate::atomic::abandon(0),
            Err(e) => {
                if !self.failed.swap(true, Ordering::Relaxed) {
                    let (vi, en) = vanban_core::ly_do_io(&e);
                    let (stream, stream_en) = if err {
                        ("lỗi chuẩn", "standard error")
                    } else {
                        ("đầu ra chuẩn", "standard output")
                    };
                    let said = say(
                        self.lang,
                        &format!("lỗi: không in được ra {stream} ({vi}); các tệp PDF vẫn được ghi"),
                        &format!("error: cannot print to {stream_en} ({en}); the PDFs are still written"),
                    );
                    let _ = writeln!(std::io::stderr(), "{said}");
                }
            }
        }
    }
}

/// What a batch was doing, for its summary.
#[derive(Debug, Clone, Copy)]
pub enum Verb {
    /// `render`.
    Render,
    /// `render check`.
    Check,
}

/// A problem of the document `file` as one JSON object: `file`, `severity`, `rule` (`id`,
/// `can_cu`), `line`, `column`, `key`, `message`, `hint`, `source_line`, in the language
/// asked for. `file` is the file the problem is in: a shared file the document takes keys
/// from when it is there ([`Diagnostic::tep`]), the document then named by `document`.
fn diagnostic_json(file: &str, d: &Diagnostic, ngon_ngu: NgonNgu) -> Value {
    let mut v = diagnostic_json_in(d.tep.as_deref().unwrap_or(file), d, ngon_ngu);
    if d.tep.is_some() {
        v["document"] = json!(file);
    }
    v
}

/// [`diagnostic_json`], the problem placed in `file`.
fn diagnostic_json_in(file: &str, d: &Diagnostic, ngon_ngu: NgonNgu) -> Value {
    json!({
        "type": "diagnostic",
        "file": file,
        "severity": match d.muc_do { MucDo::Loi => "error", MucDo::CanhBao => "warning" },
        "rule": d.quy_tac.map(|q| json!({"id": q.id, "can_cu": q.can_cu})),
        "code": d.ma,
        "line": d.line,
        "column": d.column,
        "key": d.key,
        "message": d.message_in(ngon_ngu),
        "hint": d.hint_in(ngon_ngu),
        "source_line": d.source_line,
    })
}
