//! Writing DOCX: the cost per document of [`vanban_docx::docx`] on a parsed document, for the
//! documents the PDF benches use (`vanban-render`'s `benches/render.rs`): the reference công
//! văn (2 pages), the one-page tờ trình and the 10-page reference kế hoạch.
//!
//! Each iteration writes a different variant of the document (another number), as a batch
//! would; the writer keeps no cache, so this only keeps the comparison with the PDF benches
//! fair.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use vanban_core::{DangTep, So, VanBan};

fn load(rel: &str) -> VanBan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel);
    let text = std::fs::read_to_string(&path).expect("example document");
    vanban_core::parse(&text, DangTep::from_path(&path)).expect("example parses")
}

fn variants(base: &VanBan, n: i64) -> Vec<VanBan> {
    (1..=n)
        .map(|i| {
            let mut v = base.clone();
            v.so_hieu.so = So::new(i).ok();
            v
        })
        .collect()
}

fn warm(c: &mut Criterion) {
    for (name, file) in [
        ("cong-van, 2 pages", "examples/cong-van.toml"),
        ("to-trinh, 1 page", "tests/documents/to-trinh.toml"),
        ("ke-hoach, 10 pages", "examples/ke-hoach.md"),
    ] {
        let docs = variants(&load(file), 64);
        vanban_docx::docx(&docs[0]).expect("writes");
        let mut i = 0;
        c.bench_function(&format!("docx {name} (zipped package)"), |b| {
            b.iter(|| {
                i = (i + 1) % docs.len();
                black_box(vanban_docx::docx(&docs[i]).expect("writes"))
            })
        });
    }
}

criterion_group!(benches, warm);
criterion_main!(benches);
