//! Many files at once: a fixed pool of threads takes the files in order, each result is
//! reported as it comes, and nothing accumulates, so memory stays flat however many files
//! there are.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::files::Input;
use crate::report::{Reporter, Summary};

/// Runs `work` on every file (with its index in `files`) with `jobs` threads (at least one; never more than files).
/// `work` reports its own file's problems and returns whether the file succeeded; one
/// file's failure never stops the others.
pub fn run<F>(files: &[Input], jobs: Option<usize>, reporter: &Reporter, work: F) -> Summary
where
    F: Fn(usize, &Input) -> bool + Sync,
{
    let started = Instant::now();
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
        .clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let ok = AtomicUsize::new(0);
    reporter.start(files.len());
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = files.get(i) else { break };
            if work(i, input) {
                ok.fetch_add(1, Ordering::Relaxed);
            }
            reporter.tick();
        }
    };
    if jobs == 1 {
        worker();
    } else {
        std::thread::scope(|s| {
            for _ in 0..jobs {
                s.spawn(worker);
            }
        });
    }
    let ok = ok.into_inner();
    Summary { ok, failed: files.len() - ok, other_shards: 0, elapsed: started.elapsed() }
}
