//! `render FILE...`: documents to PDF, one or many at once, with optional previews.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use vanban_core::Diagnostic;
use vanban_render::{PdfOptions, Renderer};

use crate::args::{Args, Lang};
use crate::files::{FileSet, Input};
use crate::load::{dir_of, io_reason, lay_out, load};
use crate::report::{Reporter, Verb, say};

/// Where PDFs go and what else is written.
#[derive(Debug)]
pub struct Plan {
    out: Out,
    pdf: PdfOptions,
    png: Option<Pages>,
    dpi: f32,
    svg: Option<Pages>,
    jobs: Option<usize>,
    font_dir: Option<PathBuf>,
}

#[derive(Debug)]
enum Out {
    /// Beside each file.
    Beside,
    /// `-o FILE`.
    File(PathBuf),
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
    fn parse(s: &str, lang: Lang) -> Result<Pages, String> {
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
            (Some(o), _) => Out::File(o.clone()),
            (None, Some(d)) => Out::Dir(d.clone()),
            (None, None) => Out::Beside,
        };
        if !(10.0..=1200.0).contains(&args.dpi) {
            return Err(say(lang, "--dpi phải từ 10 đến 1200", "--dpi must be between 10 and 1200"));
        }
        Ok(Plan {
            out,
            pdf: if args.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() },
            png: args.png.as_deref().map(|p| Pages::parse(p, lang)).transpose()?,
            dpi: args.dpi,
            svg: args.svg.as_deref().map(|p| Pages::parse(p, lang)).transpose()?,
            jobs: args.common.jobs,
            font_dir: args.common.font_dir.clone(),
        })
    }

    fn pdf_path(&self, input: &Input) -> PathBuf {
        match &self.out {
            Out::Beside => input.path.with_extension("pdf"),
            Out::File(f) => f.clone(),
            Out::Dir(d) => d.join(&input.rel).with_extension("pdf"),
        }
    }
}

/// Renders every file of `set`, in parallel; reports each failure and carries on; ends
/// with a summary. Returns whether all succeeded.
pub fn run(set: &FileSet, plan: &Plan, reporter: &Reporter) -> bool {
    on_interrupt();
    let renderer = crate::check::renderer(plan.font_dir.as_deref(), reporter);
    // Two files that would write the same PDF (`a.toml` and `a.md`): the second fails.
    let mut claimed: HashMap<PathBuf, &Path> = HashMap::new();
    let mut clash: HashMap<&Path, PathBuf> = HashMap::new();
    for input in &set.files {
        let pdf = plan.pdf_path(input);
        if let Some(first) = claimed.get(&pdf) {
            clash.insert(&input.path, first.to_path_buf());
        } else {
            claimed.insert(pdf, &input.path);
        }
    }
    let mut summary = crate::batch::run(&set.files, plan.jobs, reporter, |_, input| {
        let pdf = plan.pdf_path(input);
        if let Some(first) = clash.get(input.path.as_path()) {
            let d = Diagnostic::new(format!(
                "{} cũng ghi ra {}: không ghi đè lên PDF của tệp khác",
                first.display(),
                pdf.display()
            ))
            .en(format!(
                "{} writes {} as well: one file's PDF is never overwritten by another's",
                first.display(),
                pdf.display()
            ))
            .with_hint("đổi tên một trong hai tệp")
            .hint_en("rename one of the two files");
            reporter.problems(&input.path, &[d]);
            return false;
        }
        match render_one(&renderer, input, &pdf, plan, &claimed) {
            Ok(written) => {
                reporter.done(&input.path, &written);
                true
            }
            Err((file, problems)) => {
                reporter.problems(&file, &problems);
                false
            }
        }
    });
    summary.other_shards = set.other_shards;
    reporter.summary(&summary, Verb::Render);
    summary.failed == 0
}

/// A failure: the file it is about and its problems.
type Failure = (PathBuf, Vec<Diagnostic>);

/// Renders one file; returns each PDF written (the document's first, then its parts issued as
/// files of their own) with its page count. `claimed`: the PDFs the other inputs write.
fn render_one(
    renderer: &Renderer,
    input: &Input,
    pdf_path: &Path,
    plan: &Plan,
    claimed: &HashMap<PathBuf, &Path>,
) -> Result<Vec<(PathBuf, usize)>, Failure> {
    let file = &input.path;
    let at_file = |d: Vec<Diagnostic>| (file.clone(), d);
    let loaded = load(file).map_err(at_file)?;
    let layout = lay_out(renderer, file, &loaded).map_err(at_file)?;
    // Every file's bytes first: a part that fails to export leaves no file written.
    let mut pdfs = Vec::with_capacity(layout.files().len());
    for tep in layout.files() {
        let bytes = layout
            .pdf_of(tep, &plan.pdf)
            .map_err(|e| at_file(vec![Diagnostic::new(e.to_string()).en(e.en())]))?;
        let path = match tep.ten() {
            None => pdf_path.to_path_buf(),
            Some(ten) => part_path(pdf_path, ten),
        };
        if tep.ten().is_some()
            && let Some(other) = claimed.get(&path)
        {
            let d = Diagnostic::new(format!(
                "phần tệp riêng {} trùng với PDF của {}: không ghi đè lên PDF của tệp khác",
                path.display(),
                other.display()
            ))
            .en(format!(
                "the separate part {} is the PDF of {} as well: one file's PDF is never overwritten by another's",
                path.display(),
                other.display()
            ))
            .with_hint("đổi tên một trong hai tệp")
            .hint_en("rename one of the two files");
            return Err(at_file(vec![d]));
        }
        pdfs.push((path, bytes, tep.trang().len()));
    }
    let write = |path: &Path, bytes: &[u8]| {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| unwritable(path, &e))?;
        }
        write_atomically(path, bytes).map_err(|e| unwritable(path, &e))
    };
    // Previews first: a run that fails on one leaves no PDF that looks complete.
    let count = layout.page_count();
    if let Some(pages) = &plan.png {
        for n in pages.of(count) {
            let png = layout
                .png(n - 1, plan.dpi)
                .map_err(|e| at_file(vec![Diagnostic::new(e.to_string()).en(e.en())]))?;
            write(&preview_path(pdf_path, n, "png"), &png)?;
        }
    }
    if let Some(pages) = &plan.svg {
        for n in pages.of(count) {
            let svg =
                layout.svg(n - 1).map_err(|e| at_file(vec![Diagnostic::new(e.to_string()).en(e.en())]))?;
            write(&preview_path(pdf_path, n, "svg"), svg.as_bytes())?;
        }
    }
    // The separate parts before the document: a document's PDF is there only when all of it is.
    for (path, bytes, _) in pdfs.iter().rev() {
        write(path, bytes)?;
    }
    Ok(pdfs.into_iter().map(|(path, _, pages)| (path, pages)).collect())
}

/// `out/quyet-dinh.pdf`, part `phu-luc-II` → `out/quyet-dinh.phu-luc-II.pdf`.
fn part_path(pdf: &Path, ten: &str) -> PathBuf {
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    pdf.with_file_name(format!("{stem}.{ten}.pdf"))
}

/// `out/cong-van.pdf`, page 2 → `out/cong-van-2.png`.
fn preview_path(pdf: &Path, page: usize, ext: &str) -> PathBuf {
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    pdf.with_file_name(format!("{stem}-{page}.{ext}"))
}

fn unwritable(path: &Path, e: &std::io::Error) -> Failure {
    let (vi, en) = io_reason(e);
    let d = Diagnostic::new(format!("không ghi được {} ({vi})", path.display()))
        .en(format!("cannot write {} ({en})", path.display()));
    (path.to_path_buf(), vec![d])
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader
/// never sees a half-written PDF, and a failure or an interrupted run leaves any existing
/// file as it was. (No fsync: like compilers, a power cut is left to the file system.)
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = dir_of(path);
    // Created and registered under the lock, so an interrupt sees every temporary file.
    let (mut tmp, _guard) = {
        let mut files = lock();
        let mut builder = tempfile::Builder::new();
        builder.prefix(".vanban-").suffix(".tmp");
        // A PDF is an ordinary file: the modes any new file gets (0666 less the umask), not
        // the owner-only mode of temporary files.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder.tempfile_in(dir)?;
        files.push(tmp.path().to_path_buf());
        let guard = InFlight(tmp.path().to_path_buf());
        (tmp, guard)
    };
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Temporary files being written, removed by [`on_interrupt`] if the run is stopped.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file registered in [`IN_FLIGHT`] while it exists.
struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On Ctrl-C, SIGTERM or SIGHUP: removes the temporary files being written and exits with
/// status 130, so an interrupted run leaves only complete PDFs. (SIGKILL cannot be caught:
/// it can leave a hidden `.vanban-*.tmp` file, never a partial PDF.)
pub fn on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        // Holding the lock also keeps a write from starting or being renamed meanwhile.
        let files = lock();
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
        eprintln!("đã dừng: các tệp PDF đã ghi đều trọn vẹn, không còn tệp ghi dở");
        std::process::exit(130);
    });
    if let Err(e) = installed {
        eprintln!("cảnh báo: không bắt được tín hiệu dừng ({e})");
    }
}
