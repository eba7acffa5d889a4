//! The whole `render` process on the one-page công văn: start, parse, lay out, write the
//! PDF, exit. This is what a drafting officer or a script waits for per call.

use std::path::Path;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn process(c: &mut Criterion) {
    let exe = env!("CARGO_BIN_EXE_render");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cong-van.toml");
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("cong-van.pdf");
    let mut group = c.benchmark_group("process");
    group.sample_size(50);
    group.bench_function("render examples/cong-van.toml", |b| {
        b.iter(|| {
            let status = Command::new(exe).arg(&input).arg("-o").arg(&out).status().expect("render runs");
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, process);
criterion_main!(benches);
