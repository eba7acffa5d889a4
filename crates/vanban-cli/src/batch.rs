//! Many files at once: `jobs` workers take the files in order, each result is reported as it
//! comes, and nothing accumulates, so memory stays flat however many files there are.
//!
//! Each worker runs on a rayon pool of its own with one thread. Typst lays parts of a page
//! out through rayon; from a worker of its own pool that work runs on the worker's thread
//! itself, with no hand-off to another pool's threads and back (a thread switch each time,
//! and threads of two pools fighting over the processors). One thread per pool also means a
//! worker waiting on Typst's parallel work never picks up a second document meanwhile.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::files::Input;
use crate::report::{Reporter, Summary};

/// How one file of a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Rendered or checked without error.
    Ok,
    /// Reported as failed.
    Failed,
    /// Not a document (a `README.md` found in a directory): passed over with a note.
    Skipped,
}

/// Stack of each worker: Typst lays out nested content recursively; as much room as a main
/// thread has, several times over (only the pages touched are used).
const STACK_BYTES: usize = 64 << 20;

/// Runs `work` on every file (with its index in `files`) with `jobs` workers (default: one
/// per processor; never more than files). `work` reports its own file's problems and says how
/// the file ended; one file's failure never stops the others.
pub fn run<F>(files: &[Input], jobs: Option<usize>, reporter: &Reporter, work: F) -> Summary
where
    F: Fn(usize, &Input) -> Outcome + Sync,
{
    run_n(files.len(), jobs, reporter, |i| work(i, &files[i]))
}

/// The workers `-j` asks for, or by default one per processor, for a run of `count` items.
/// The processors are asked of the system once per process (it reads the cgroup's limits),
/// and not at all for a single item, which one worker does either way.
pub fn jobs_or_default(jobs: Option<usize>, count: usize) -> usize {
    static PROCESSORS: OnceLock<usize> = OnceLock::new();
    jobs.unwrap_or_else(|| match count {
        0 | 1 => 1,
        _ => *PROCESSORS.get_or_init(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
    })
}

/// [`run`] over `count` items of any kind (the rows of `render merge`), by index.
pub fn run_n<F>(count: usize, jobs: Option<usize>, reporter: &Reporter, work: F) -> Summary
where
    F: Fn(usize) -> Outcome + Sync,
{
    let started = Instant::now();
    let jobs = jobs_or_default(jobs, count).clamp(1, count.max(1));
    let next = AtomicUsize::new(0);
    let ok = AtomicUsize::new(0);
    let skipped = AtomicUsize::new(0);
    reporter.start(count);
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                break;
            }
            match work(i) {
                Outcome::Ok => ok.fetch_add(1, Ordering::Relaxed),
                Outcome::Skipped => skipped.fetch_add(1, Ordering::Relaxed),
                Outcome::Failed => 0,
            };
            reporter.tick();
        }
    };
    let on_own_pool = || on_own_pool(worker);
    if jobs == 1 {
        on_own_pool();
    } else {
        std::thread::scope(|s| {
            for _ in 0..jobs {
                s.spawn(on_own_pool);
            }
        });
    }
    Summary::of(count, ok.into_inner(), skipped.into_inner(), started)
}

/// Runs `work` on a rayon pool of its own with one thread (a worker's pool: see the top of
/// this file), or on this thread when no thread is to be had.
pub fn on_own_pool<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new().num_threads(1).stack_size(STACK_BYTES).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_are_what_j_asks_or_one_per_processor_and_one_for_a_single_item() {
        let processors = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        assert_eq!(jobs_or_default(Some(3), 1), 3);
        assert_eq!(jobs_or_default(Some(3), 100), 3);
        assert_eq!(jobs_or_default(None, 100), processors);
        assert_eq!(jobs_or_default(None, 1), 1);
        assert_eq!(jobs_or_default(None, 0), 1);
    }
}
