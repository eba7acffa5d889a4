//! `render FILE...`: documents to PDF, one or many at once, with optional previews.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use vanban_core::ly_do_io as io_reason;
use vanban_core::{Diagnostic, DuLieuVanBanDi, NgonNgu};
use vanban_docx::LoiDocx;
use vanban_render::{PdfOptions, Renderer, them_du_lieu_di};

use crate::args::Args;
use crate::atomic::{abandon, on_interrupt, write_atomically};
use crate::batch::Outcome;
use crate::files::{FileSet, Input};
use crate::load::{lay_out, load, not_a_document};
use crate::may_chu::Client;
use crate::outputs::Outputs;
use crate::report::{Reporter, Verb, say};

/// Where PDFs go and what else is written.
#[derive(Debug)]
pub struct Plan {
    out: Out,
    pdf: PdfOptions,
    /// `--docx`, or `-o name.docx`.
    docx: bool,
    /// `-o name.docx`: the DOCX alone, no PDF.
    docx_only: bool,
    /// `--metadata`: the Phụ lục VI record beside the PDF and in its XMP.
    metadata: bool,
    png: Option<Pages>,
    dpi: f32,
    svg: Option<Pages>,
    jobs: Option<usize>,
    font_dir: Option<PathBuf>,
    /// `--goc`: the root of the shared files of every document.
    goc: Option<PathBuf>,
}

#[derive(Debug)]
enum Out {
    /// Beside each file.
    Beside,
    /// `-o FILE`.
    File(PathBuf),
    /// `-o -`: standard output.
    Stdout,
    /// `--out-dir DIR`.
    Dir(PathBuf),
}

/// Pages chosen for previews, from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pages {
    All,
    Some(Vec<usize>),
}

impl Pages {
    /// Parses `all`, `1`, `1,3`, `2-4`, `1,3-5`.
    fn parse(s: &str, lang: NgonNgu) -> Result<Pages, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") || s == "*" {
            return Ok(Pages::All);
        }
        let bad = || {
            say(
                lang,
                &format!("“{s}” không phải danh sách trang: viết 1, 1,3, 2-4 hoặc all"),
                &format!("“{s}” is not a list of pages: write 1, 1,3, 2-4 or all"),
            )
        };
        let mut pages = Vec::new();
        for part in s.split(',') {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let a: usize = a.trim().parse().map_err(|_| bad())?;
            let b: usize = b.trim().parse().map_err(|_| bad())?;
            if a == 0 || b < a || b - a > 10_000 {
                return Err(bad());
            }
            pages.extend(a..=b);
        }
        pages.sort_unstable();
        pages.dedup();
        Ok(Pages::Some(pages))
    }

    /// The chosen pages a document of `count` pages has, from 1.
    fn of(&self, count: usize) -> Vec<usize> {
        match self {
            Pages::All => (1..=count).collect(),
            Pages::Some(p) => p.iter().copied().filter(|&n| n <= count).collect(),
        }
    }
}

impl Plan {
    /// The plan the command line asks for.
    ///
    /// # Errors
    /// A message for options that do not make sense.
    pub fn new(args: &Args) -> Result<Plan, String> {
        let lang = args.common.lang;
        let out = match (&args.output, &args.out_dir) {
            (Some(o), _) if o.as_os_str() == "-" => Out::Stdout,
            (Some(o), _) if o.is_dir() => {
                let shown = o.display();
                return Err(say(
                    lang,
                    &format!(
                        "-o {shown}: đây là thư mục; -o nhận tên tệp PDF, còn thư mục thì dùng --out-dir {shown}"
                    ),
                    &format!(
                        "-o {shown}: this is a directory; -o takes a PDF file name, for a directory use --out-dir {shown}"
                    ),
                ));
            }
            (Some(o), _) => Out::File(o.clone()),
            (None, Some(d)) => Out::Dir(d.clone()),
            (None, None) => Out::Beside,
        };
        if !(10.0..=1200.0).contains(&args.dpi) {
            return Err(say(lang, "--dpi phải từ 10 đến 1200", "--dpi must be between 10 and 1200"));
        }
        let docx_only = matches!(&out, Out::File(f) if is_docx(f));
        if docx_only && args.pdf_a {
            return Err(say(
                lang,
                "--pdf-a không dùng với -o tên.docx: DOCX không phải PDF",
                "--pdf-a does not go with -o name.docx: a DOCX is not a PDF",
            ));
        }
        Ok(Plan {
            docx: args.docx || docx_only,
            docx_only,
            metadata: args.metadata,
            out,
            pdf: if args.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() },
            png: args.png.as_deref().map(|p| Pages::parse(p, lang)).transpose()?,
            dpi: args.dpi,
            svg: args.svg.as_deref().map(|p| Pages::parse(p, lang)).transpose()?,
            jobs: args.common.jobs,
            font_dir: args.common.font_dir.clone(),
            goc: args.common.goc.clone(),
        })
    }

    /// Where the document's PDF goes; `None` for standard output.
    fn pdf_path(&self, input: &Input) -> Option<PathBuf> {
        match &self.out {
            Out::Beside => Some(input.path.with_extension("pdf")),
            Out::File(f) => Some(f.clone()),
            Out::Dir(d) => Some(d.join(&input.rel).with_extension("pdf")),
            Out::Stdout => None,
        }
    }

    /// Where the document's DOCX goes: `-o name.docx`, else beside its PDF, else (PDF to
    /// standard output) beside the document file.
    fn docx_path(&self, input: &Input) -> PathBuf {
        match self.pdf_path(input) {
            Some(path) if self.docx_only => path,
            Some(pdf) => pdf.with_extension("docx"),
            None => input.path.with_extension("docx"),
        }
    }

    /// Where the document's metadata record goes: `name.metadata.json` beside its PDF (or
    /// DOCX), else beside the document file.
    fn metadata_path(&self, input: &Input) -> PathBuf {
        let main = self.pdf_path(input).unwrap_or_else(|| input.path.with_extension("pdf"));
        let stem = main.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        main.with_file_name(format!("{stem}.metadata.json"))
    }

    /// The directory to look for Times New Roman in, if any.
    pub fn font_dir(&self) -> Option<&Path> {
        self.font_dir.as_deref()
    }

    /// Whether the PDF goes to standard output, which the report must then leave alone.
    pub fn to_stdout(&self) -> bool {
        matches!(self.out, Out::Stdout)
    }
}

/// Renders every file of `set`, in parallel; reports each failure and carries on; ends
/// with a summary. Returns whether all succeeded.
///
/// Several workers lay documents out in worker processes ([`crate::worker`]) when there are
/// enough files to keep them busy, else on threads of this process; a single document is
/// taken from `server` when it has made it ([`crate::may_chu`]). Either way this process
/// alone places and writes every output.
pub fn run(set: &FileSet, plan: &Plan, reporter: &Reporter, server: Option<Client>) -> bool {
    on_interrupt(reporter.lang());
    // Every document's PDF is claimed first, in path order: of two files that would write
    // the same PDF (`a.toml` and `a.md`) the second fails, and no PDF replaces an input.
    let outputs = Outputs::new(&set.files);
    let mut refused: HashMap<&Path, Vec<Diagnostic>> = HashMap::new();
    for input in &set.files {
        if let Some(pdf) = plan.pdf_path(input)
            && let Err(d) = outputs.claim(&pdf, &input.path)
        {
            refused.insert(&input.path, d);
        }
    }
    let counts = Counts::default();
    let writer = Writer { plan, outputs: &outputs, counts: &counts };
    // One document: refused if its PDF cannot be claimed, else made (here or by a worker
    // process), placed, written and reported.
    let finish = |input: &Input, make: &mut dyn FnMut() -> Made| -> Outcome {
        if let Some(d) = refused.get(input.path.as_path()) {
            reporter.problems(&input.path, d);
            return Outcome::Failed;
        }
        match make().and_then(|m| m.map(|made| writer.write(input, made)).transpose()) {
            Ok(Some(written)) => {
                reporter.done(&input.path, &written);
                Outcome::Ok
            }
            Ok(None) => {
                reporter.warning(&skipped_note(reporter.lang(), &input.path));
                Outcome::Skipped
            }
            Err(Problems::Here(problems)) => {
                reporter.problems(&input.path, &problems);
                Outcome::Failed
            }
            Err(Problems::Told(text, _)) => {
                reporter.told(&text);
                Outcome::Failed
            }
        }
    };
    let mut summary = match crate::worker::processes(set.files.len(), plan.jobs) {
        Some(jobs) => {
            if plan.font_dir.is_some() {
                // Said once, here: the workers look for the fonts quietly.
                crate::check::renderer(plan.font_dir.as_deref(), reporter);
            }
            crate::worker::run(&set.files, jobs, reporter, &finish)
        }
        None => {
            let renderer = crate::check::renderer(plan.font_dir.as_deref(), reporter);
            let server = std::sync::Mutex::new(server.filter(|_| set.files.len() == 1));
            crate::batch::run(&set.files, plan.jobs, reporter, |_, input| {
                let mut served = server.lock().ok().and_then(|mut s| s.take()).and_then(Client::outputs);
                finish(input, &mut || match served.take() {
                    Some(outputs) => Ok(Some(outputs)),
                    None => plan.make(&renderer, input).map_err(Problems::Here),
                })
            })
        }
    };
    summary.other_shards = set.other_shards;
    summary.pdfs = counts.pdfs.into_inner();
    summary.previews = counts.previews.into_inner();
    summary.others = counts.others.into_inner();
    reporter.summary(&summary, Verb::Render);
    summary.failed == 0
}

/// The note for a file found in a directory that is not a document.
pub fn skipped_note(lang: NgonNgu, file: &Path) -> String {
    let shown = file.display();
    say(
        lang,
        &format!("bỏ qua {shown}: không phải tệp văn bản (không có khóa loai)"),
        &format!("skipped {shown}: not a document file (it has no loai key)"),
    )
}

/// A document's outputs as made, not yet placed: `None` for a file found in a directory that
/// is not a document.
pub type Made = Result<Option<Vec<Output>>, Problems>;

/// Why a document failed.
#[derive(Debug)]
pub enum Problems {
    /// Found in this process.
    Here(Vec<Diagnostic>),
    /// Found by a worker process and already put in words for the report, with the number
    /// of items that failed (the rows of a piece of a combined PDF; else 1).
    Told(String, usize),
}

/// One output of a document, made.
#[derive(Debug)]
pub struct Output {
    /// What it is.
    pub kind: Kind,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What an output is, which says where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The document's PDF (`part` none) or a part's issued as a file of its own.
    Pdf {
        /// The part's name (`phu-luc-II`).
        part: Option<String>,
        /// Its pages.
        pages: usize,
    },
    /// The document as an editable DOCX (`part` none), or a part's issued as a file of its
    /// own.
    Docx {
        /// The part's name (`phu-luc-II`).
        part: Option<String>,
    },
    /// The document's metadata record (Phụ lục VI) as JSON.
    Metadata,
    /// A preview of page `page` (from 1), `png` or `svg`.
    Preview {
        /// The page, from 1.
        page: usize,
        /// `png` or `svg`.
        ext: String,
    },
}

impl Plan {
    /// Lays out one file and makes the bytes of every output it has: the document's PDF,
    /// then its parts' PDFs, then the previews asked for. `None` for a file found in a
    /// directory that is not a document.
    ///
    /// # Errors
    /// Every problem of the file, each with its place.
    pub fn make(&self, renderer: &Renderer, input: &Input) -> Result<Option<Vec<Output>>, Vec<Diagnostic>> {
        let file = &input.path;
        let loaded = match load(input, self.goc.as_deref()) {
            Ok(l) => l,
            Err(_) if input.from_dir && not_a_document(file) => return Ok(None),
            Err(problems) => return Err(problems),
        };
        let layout = lay_out(renderer, file, &loaded)?;
        let fail = |e: vanban_render::RenderError| vec![Diagnostic::new(e.to_string()).en(e.en())];
        let van_ban = &loaded.van_ban;
        let main_pages = layout.files().iter().find(|t| t.ten().is_none()).map(|t| t.trang().len());
        let du_lieu = self.metadata.then(|| DuLieuVanBanDi::tu(van_ban, main_pages));
        let mut out = Vec::with_capacity(layout.files().len() + 2);
        for tep in layout.files().iter().filter(|_| !self.docx_only) {
            let mut bytes = layout.pdf_of(tep, &self.pdf).map_err(fail)?;
            if let Some(du_lieu) = du_lieu.as_ref().filter(|_| tep.ten().is_none()) {
                bytes = them_du_lieu_di(&bytes, du_lieu).map_err(fail)?;
            }
            let kind = Kind::Pdf { part: tep.ten().map(str::to_owned), pages: tep.trang().len() };
            out.push(Output { kind, bytes });
        }
        if self.docx {
            let files = vanban_docx::cac_tep(van_ban, Some(crate::load::dir_of(file)))
                .map_err(|e| vec![docx_problem(&e)])?;
            out.extend(files.into_iter().map(|t| Output { kind: Kind::Docx { part: t.ten }, bytes: t.docx }));
        }
        if let Some(du_lieu) = &du_lieu {
            let mut bytes = serde_json::to_vec_pretty(du_lieu).expect("the record serialises");
            bytes.push(b'\n');
            out.push(Output { kind: Kind::Metadata, bytes });
        }
        let count = layout.page_count();
        for (pages, ext) in [(&self.png, "png"), (&self.svg, "svg")] {
            let Some(pages) = pages else { continue };
            for page in pages.of(count) {
                let bytes = match ext {
                    "png" => layout.png(page - 1, self.dpi).map_err(fail)?,
                    _ => layout.svg(page - 1).map_err(fail)?.into_bytes(),
                };
                out.push(Output { kind: Kind::Preview { page, ext: ext.to_owned() }, bytes });
            }
        }
        Ok(Some(out))
    }
}

/// What a run has written so far.
#[derive(Debug, Default)]
struct Counts {
    pdfs: AtomicUsize,
    previews: AtomicUsize,
    others: AtomicUsize,
}

/// Places and writes the outputs of a run's documents.
struct Writer<'a> {
    plan: &'a Plan,
    outputs: &'a Outputs,
    counts: &'a Counts,
}

impl Writer<'_> {
    /// Places `made` (the outputs of `input`), claims every place, then writes them;
    /// returns each PDF written (the document's first, then its parts) with its page count,
    /// then each DOCX and metadata record written, with none.
    /// Every place is claimed before anything is written: a failure leaves no file written
    /// and every existing file as it was.
    fn write(&self, input: &Input, made: Vec<Output>) -> Result<Vec<(PathBuf, Option<usize>)>, Problems> {
        let here = Problems::Here;
        let pdf_path = self.plan.pdf_path(input);
        // Previews go beside the PDF, or beside the document file when the PDF goes to
        // standard output.
        let beside = pdf_path.clone().unwrap_or_else(|| input.path.with_extension("pdf"));
        let mut placed = Vec::with_capacity(made.len());
        for out in made {
            let path = match (&out.kind, &pdf_path) {
                (Kind::Pdf { part: None, .. }, path) => path.clone(),
                (Kind::Pdf { part: Some(ten), .. }, Some(pdf)) => Some(part_path(pdf, ten)),
                (Kind::Docx { part: Some(ten) }, _) => Some(part_path(&self.plan.docx_path(input), ten)),
                (Kind::Pdf { part: Some(_), .. }, None) => return Err(here(vec![parts_to_stdout()])),
                (Kind::Preview { page, ext }, _) => Some(preview_path(&beside, *page, ext)),
                (Kind::Docx { part: None }, _) => Some(self.plan.docx_path(input)),
                (Kind::Metadata, _) => Some(self.plan.metadata_path(input)),
            };
            // The document's own output was claimed before the run began.
            let claimed = match out.kind {
                Kind::Pdf { part: None, .. } => true,
                Kind::Docx { part: None } => self.plan.docx_only,
                _ => false,
            };
            if let Some(path) = &path
                && !claimed
            {
                self.outputs.claim(path, &input.path).map_err(here)?;
            }
            placed.push((path, out));
        }
        // Previews first, then the separate parts, the document last: a document's PDF is
        // there only when all of it is.
        let mut written = Vec::new();
        for (path, out) in placed.iter().rev() {
            match path {
                Some(path) => write(path, &out.bytes).map_err(|e| here(unwritable(path, &e)))?,
                None => to_stdout(&out.bytes).map_err(here)?,
            }
            match out.kind {
                Kind::Pdf { pages, .. } => {
                    self.counts.pdfs.fetch_add(1, Ordering::Relaxed);
                    written.push((path.clone().unwrap_or_else(|| PathBuf::from("-")), Some(pages)));
                }
                Kind::Docx { .. } | Kind::Metadata => {
                    self.counts.others.fetch_add(1, Ordering::Relaxed);
                    written.push((path.clone().unwrap_or_default(), None));
                }
                Kind::Preview { .. } => _ = self.counts.previews.fetch_add(1, Ordering::Relaxed),
            }
        }
        written.reverse();
        // PDFs first (the document's, then its parts), then the others.
        written.sort_by_key(|(_, pages)| pages.is_none());
        Ok(written)
    }
}

/// Writes a file, making its directory first.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    write_atomically(path, bytes)
}

/// Writes the PDF to standard output (`-o -`). A reader that closed the pipe ends the run
/// quietly, as it would any Unix tool.
fn to_stdout(bytes: &[u8]) -> Result<(), Vec<Diagnostic>> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => abandon(0),
        Err(e) => {
            let (vi, en) = io_reason(&e);
            Err(vec![
                Diagnostic::new(format!("không ghi được PDF ra đầu ra chuẩn ({vi})"))
                    .en(format!("cannot write the PDF to standard output ({en})")),
            ])
        }
    }
}

fn parts_to_stdout() -> Diagnostic {
    Diagnostic::new("văn bản có phần phát hành thành tệp riêng (tep_rieng), không ghi chung ra đầu ra chuẩn được")
        .en("the document has parts issued as files of their own (tep_rieng); they cannot all go to standard output")
        .with_hint("dùng -o ten.pdf hoặc --out-dir DIR")
        .hint_en("use -o name.pdf or --out-dir DIR")
}

/// `out/quyet-dinh.pdf`, part `phu-luc-II` → `out/quyet-dinh.phu-luc-II.pdf` (and
/// `.docx` beside a DOCX).
pub fn part_path(main: &Path, ten: &str) -> PathBuf {
    let stem = main.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = main.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    main.with_file_name(format!("{stem}.{ten}.{ext}"))
}

/// `out/cong-van.pdf`, page 2 → `out/cong-van-2.png`.
fn preview_path(pdf: &Path, page: usize, ext: &str) -> PathBuf {
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    pdf.with_file_name(format!("{stem}-{page}.{ext}"))
}

/// A file that could not be written: named in the message; the problem is the document's.
fn unwritable(path: &Path, e: &std::io::Error) -> Vec<Diagnostic> {
    let (vi, en) = io_reason(e);
    vec![
        Diagnostic::new(format!("không ghi được {} ({vi})", path.display()))
            .en(format!("cannot write {} ({en})", path.display())),
    ]
}

/// Whether `path` names a DOCX (`-o name.docx`).
fn is_docx(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Why the DOCX of a document could not be made, in both languages.
pub fn docx_problem(e: &LoiDocx) -> Diagnostic {
    match e {
        LoiDocx::ChuaHoTro { thanh_phan } => {
            Diagnostic::new(format!("bản DOCX chưa làm được {thanh_phan}; không ghi DOCX thiếu phần này"))
                .en(e.to_string())
                .with_hint("bỏ --docx để chỉ ghi PDF")
                .hint_en("leave out --docx to write the PDF alone")
        }
        LoiDocx::Anh { khoa, path, .. } => Diagnostic::new(format!(
            "không dùng được ảnh {path} (khóa {khoa}) cho bản DOCX"
        ))
        .en(e.to_string())
        .with_hint("kiểm tra tệp ảnh: PNG có nền trong suốt, đúng đường dẫn so với tệp văn bản")
        .hint_en(
            "check the image: a PNG with a transparent background, its path relative to the document file",
        ),
        _ => Diagnostic::new(format!("không tạo được tệp DOCX ({e})")).en(e.to_string()),
    }
}
