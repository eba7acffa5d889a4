//! Batch rendering in worker processes.
//!
//! Typst keeps its memoisation caches global to a process, each behind a lock that every
//! memoised call takes: threads of one process laying out documents at once queue on those
//! locks. Measured on 16 cores, 16 threads rendered 3.7 times as fast as one on one-page
//! documents and 4.6 times on 10-page ones, while 16 processes reached 10 times on both
//! (README, Performance). Each worker process has caches of its own.
//!
//! The workers only make documents. This process hands out the files one at a time, receives
//! each document's outputs (or its problems, already put in words), and places and writes
//! them itself, so that claims on output paths, atomic writes and the clean-up after an
//! interrupt stay in one process. A worker that dies takes down the document it was making,
//! which is reported; a new worker takes its place for the next.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::{Value, json};
use vanban_core::Diagnostic;
use vanban_render::Renderer;

use crate::batch::Outcome;
use crate::files::{FileSet, Input};
use crate::render::{Kind, Made, Output, Plan, Problems};
use crate::report::{Reporter, Summary};

/// The hidden flag that makes `render` a worker of another `render`.
pub const FLAG: &str = "worker";

/// How many worker processes a run of `files` files takes with `jobs` asked for (default:
/// one per processor): none when one worker is asked for, or when there are too few files to
/// repay starting processes (fewer than two per worker); threads then do the work.
pub fn processes(files: usize, jobs: Option<usize>) -> Option<usize> {
    let jobs = crate::batch::jobs_or_default(jobs, files);
    (jobs >= 2 && files >= 2 * jobs).then_some(jobs)
}

/// Renders `files` with `jobs` worker processes. `finish` is given each document and the
/// means to have a worker make it (which it calls only for a document it does not refuse
/// first); it places, writes and reports the document and says how it ended.
pub fn run<F>(files: &[Input], jobs: usize, reporter: &Reporter, finish: &F) -> Summary
where
    F: Fn(&Input, &mut dyn FnMut() -> Made) -> Outcome + Sync,
{
    run_n(files.len(), jobs, reporter, &|i, ask: &mut dyn FnMut() -> Made| finish(&files[i], ask))
}

/// [`run`] over `count` items by index (the rows of `render merge`, or its pieces): the
/// workers are asked for item `i` by its index.
pub fn run_n<F>(count: usize, jobs: usize, reporter: &Reporter, finish: &F) -> Summary
where
    F: Fn(usize, &mut dyn FnMut() -> Made) -> Outcome + Sync,
{
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let ok = AtomicUsize::new(0);
    let skipped = AtomicUsize::new(0);
    reporter.start(count);
    std::thread::scope(|s| {
        for _ in 0..jobs.min(count) {
            s.spawn(|| {
                let mut worker: Option<Worker> = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    match finish(i, &mut || ask(&mut worker, i)) {
                        Outcome::Ok => _ = ok.fetch_add(1, Ordering::Relaxed),
                        Outcome::Skipped => _ = skipped.fetch_add(1, Ordering::Relaxed),
                        Outcome::Failed => {}
                    }
                    reporter.tick();
                }
                if let Some(w) = worker {
                    w.end();
                }
            });
        }
    });
    Summary::of(count, ok.into_inner(), skipped.into_inner(), started)
}

/// Has file `i` made by `worker`, starting one first if there is none; a worker that fails
/// is dropped, and the document fails with the reason.
fn ask(worker: &mut Option<Worker>, i: usize) -> Made {
    let w = match worker {
        Some(w) => w,
        None => match Worker::start() {
            Ok(w) => worker.insert(w),
            Err(e) => return Err(Problems::Here(vec![stopped(vanban_core::ly_do_io(&e))])),
        },
    };
    match w.make(i) {
        Ok(made) => made,
        Err(e) => {
            let (vi, en) = vanban_core::ly_do_io(&e);
            let (how, how_en) = worker.take().map(Worker::kill).unwrap_or_default();
            Err(Problems::Here(vec![stopped((format!("{vi}; {how}"), format!("{en}; {how_en}")))]))
        }
    }
}

fn stopped((vi, en): (String, String)) -> Diagnostic {
    Diagnostic::new(format!(
        "tiến trình làm văn bản này dừng bất thường ({vi}); các văn bản khác vẫn được làm tiếp"
    ))
    .en(format!("the worker process making this document stopped ({en}); the other documents go on"))
    .with_hint("chạy riêng tệp này (render TỆP) để xem lỗi; xin báo lỗi cho nhóm phát triển")
    .hint_en("render this file alone (render FILE) to see the error, and please report it")
}

/// mimalloc's settings for a worker process, each unless the user set it (README,
/// Performance: Sixteen workers):
/// - no transparent huge pages: the first touch of each 2 MiB page clears all of it, which
///   cost a worker about 8 MiB of its own memory and no speed. The build already leaves out
///   mimalloc's own request for them (feature `no_thp`); this also covers systems that hand
///   them out unasked.
///
/// Freed memory goes back to the system after mimalloc's own delay (a second in mimalloc 3):
/// what a document frees, the next one uses again. Given back at once
/// (`MIMALLOC_PURGE_DELAY=0`, as until 2026-12-07), a 10-page kế hoạch faulted it all in
/// again and two workers reached only 0.85 of two independent processes; `merge --combine`
/// held 6–10 MiB less at its peak (about 100 against 106–109 MiB) and ran 5 % slower.
const MIMALLOC_WORKER: [(&str, &str); 1] = [("MIMALLOC_ALLOW_THP", "0")];

/// Gives a worker's command [`MIMALLOC_WORKER`], but for the settings this process has.
fn mimalloc_settings(command: &mut Command) {
    for (name, value) in MIMALLOC_WORKER {
        if std::env::var_os(name).is_none() {
            command.env(name, value);
        }
    }
}

/// A worker process and its pipes.
struct Worker {
    child: Child,
    to: ChildStdin,
    from: BufReader<ChildStdout>,
}

impl Worker {
    /// Starts this program again as a worker, with the same arguments.
    fn start() -> std::io::Result<Worker> {
        let exe = std::env::current_exe()?;
        // The flag first (after the subcommand that has one): after a `--` it would be
        // taken for a file.
        let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
        let at = usize::from(args.first().is_some_and(|a| a == crate::merge::LENH));
        args.insert(at, format!("--{FLAG}").into());
        let mut command = Command::new(exe);
        mimalloc_settings(&mut command);
        let mut child = command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let to = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
        let from = BufReader::new(child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?);
        Ok(Worker { child, to, from })
    }

    /// Asks for file `i` and reads back what the worker made of it.
    fn make(&mut self, i: usize) -> std::io::Result<Made> {
        writeln!(self.to, "{i}")?;
        self.to.flush()?;
        read_frame(&mut self.from, i)
    }

    /// Closes the worker's input, so that it ends, and waits for it.
    fn end(self) {
        let Worker { mut child, to, from } = self;
        drop(to);
        drop(from);
        let _ = child.wait();
    }

    /// Stops a worker that failed; how it ended, in Vietnamese and in English.
    fn kill(self) -> (String, String) {
        let Worker { mut child, to, from } = self;
        drop(to);
        drop(from);
        let _ = child.kill();
        let Ok(status) = child.wait() else { return Default::default() };
        #[cfg(unix)]
        if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
            return (format!("dừng bởi tín hiệu {signal}"), format!("ended by signal {signal}"));
        }
        let code = status.code().unwrap_or_default();
        (format!("kết thúc với mã {code}"), format!("exited with code {code}"))
    }
}

/// Reads the frame of item `i` that [`frame`] wrote: its outputs, or its problems in words.
///
/// # Errors
/// The stream's, and a frame that is not one or is of another item.
pub fn read_frame(from: &mut impl BufRead, i: usize) -> std::io::Result<Made> {
    let mut header = String::new();
    if from.read_line(&mut header)? == 0 {
        return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
    }
    let header: Value = serde_json::from_str(&header).map_err(std::io::Error::other)?;
    if header["i"].as_u64() != Some(i as u64) {
        return Err(std::io::Error::other("out of step"));
    }
    if let Some(text) = header["told"].as_str() {
        let failed = header["failed"].as_u64().unwrap_or(1) as usize;
        return Ok(Err(Problems::Told(text.to_owned(), failed)));
    }
    if header["skipped"].as_bool() == Some(true) {
        return Ok(Ok(None));
    }
    let mut outputs = Vec::new();
    for o in header["outputs"].as_array().into_iter().flatten() {
        let len = o["len"].as_u64().unwrap_or(0) as usize;
        let mut bytes = vec![0; len];
        from.read_exact(&mut bytes)?;
        outputs
            .push(Output { kind: kind_from(o).ok_or_else(|| std::io::Error::other("bad output"))?, bytes });
    }
    Ok(Ok(Some(outputs)))
}

fn kind_json(kind: &Kind) -> Value {
    match kind {
        Kind::Pdf { part, pages } => json!({"part": part, "pages": pages}),
        Kind::Preview { page, ext } => json!({"page": page, "ext": ext}),
        Kind::Docx { part } => json!({"docx": true, "part": part}),
        Kind::Metadata => json!({"metadata": true}),
    }
}

fn kind_from(o: &Value) -> Option<Kind> {
    if o["docx"] == true {
        Some(Kind::Docx { part: o["part"].as_str().map(str::to_owned) })
    } else if o["metadata"] == true {
        Some(Kind::Metadata)
    } else if let Some(pages) = o["pages"].as_u64() {
        Some(Kind::Pdf { part: o["part"].as_str().map(str::to_owned), pages: pages as usize })
    } else {
        Some(Kind::Preview { page: o["page"].as_u64()? as usize, ext: o["ext"].as_str()?.to_owned() })
    }
}

/// The worker's side: makes each file whose index comes on standard input and writes what
/// it made to standard output, a JSON header line then the outputs' bytes, until its input
/// ends. Problems are put in words here, in the language and form of the run. Returns
/// whether it ended because its input did.
pub fn serve(set: &FileSet, plan: &Plan, reporter: &Reporter) -> bool {
    // On a one-thread pool, as a worker thread is: else Typst's parallel layout would use
    // rayon's global pool, a thread per processor in every worker process, each with a heap
    // of its own (measured on 16 cores: 16 workers held 1.0–1.4 GiB, half of it those heaps).
    crate::batch::on_own_pool(|| serve_here(set, plan, reporter))
}

/// [`serve`], on the calling thread.
fn serve_here(set: &FileSet, plan: &Plan, reporter: &Reporter) -> bool {
    // Quietly: the parent has said whatever there is to say about the fonts.
    let renderer = match plan.font_dir() {
        Some(dir) => Renderer::with_font_dir(dir).0,
        None => Renderer::new(),
    };
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { return false };
        let Some((i, input)) = line.trim().parse::<usize>().ok().and_then(|i| Some((i, set.files.get(i)?)))
        else {
            return false;
        };
        let made =
            plan.make(&renderer, input).map_err(|problems| (reporter.words(&input.path, &problems), 1));
        if frame(&mut out, i, made).is_err() {
            return false;
        }
    }
    true
}

/// Writes one document's frame: its outputs, or its problems already put in words with the
/// number of items that failed.
pub fn frame(
    out: &mut impl Write,
    i: usize,
    made: Result<Option<Vec<Output>>, (String, usize)>,
) -> std::io::Result<()> {
    let header = match &made {
        Err((told, failed)) => json!({"i": i, "told": told, "failed": failed}),
        Ok(None) => json!({"i": i, "skipped": true}),
        Ok(Some(outputs)) => {
            let list: Vec<Value> = outputs
                .iter()
                .map(|o| {
                    let mut v = kind_json(&o.kind);
                    v["len"] = json!(o.bytes.len());
                    v
                })
                .collect();
            json!({"i": i, "outputs": list})
        }
    };
    writeln!(out, "{header}")?;
    if let Ok(Some(outputs)) = &made {
        for o in outputs {
            out.write_all(&o.bytes)?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;
    use std::process::Command;

    use super::{MIMALLOC_WORKER, mimalloc_settings};

    /// A worker gets each setting this process has not set, and inherits the ones it has;
    /// it frees memory on mimalloc's own delay, not at once.
    #[test]
    fn a_worker_gets_the_mimalloc_settings_the_user_has_not_chosen() {
        let mut command = Command::new("render");
        mimalloc_settings(&mut command);
        let given: Vec<(&OsStr, Option<&OsStr>)> = command.get_envs().collect();
        for (name, value) in MIMALLOC_WORKER {
            let expected = match std::env::var_os(name) {
                None => vec![(OsStr::new(name), Some(OsStr::new(value)))],
                Some(_) => vec![],
            };
            let got: Vec<_> = given.iter().copied().filter(|(n, _)| *n == name).collect();
            assert_eq!(got, expected, "{name}");
        }
        assert!(MIMALLOC_WORKER.iter().any(|(n, v)| *n == "MIMALLOC_ALLOW_THP" && *v == "0"));
        assert!(given.iter().all(|(n, _)| *n != "MIMALLOC_PURGE_DELAY"));
    }
}
