//! What the benchmarks that run `render` as a process share: its peak memory.

use std::process::Command;
use std::time::Duration;

/// Resident memory of process `pid` and of every process under it (the worker processes), in
/// KiB, read from /proc.
fn tree_kib(pid: u32) -> u64 {
    let own = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .unwrap_or(0);
    let children: u64 = std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| list.split_whitespace().filter_map(|c| c.parse::<u32>().ok()).collect::<Vec<_>>())
        .map(tree_kib)
        .sum();
    own + children
}

/// Peak resident memory of a process run to its end, its worker processes included, in MiB,
/// sampled from /proc every 5 ms while it runs.
pub fn peak_mib(cmd: &mut Command) -> f64 {
    let mut child = cmd.spawn().expect("render runs");
    let mut peak_kib = 0u64;
    loop {
        peak_kib = peak_kib.max(tree_kib(child.id()));
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    peak_kib as f64 / 1024.0
}
