//! Warm renders with one renderer: the cost a long-running program pays per document.
//!
//! Each iteration renders a different variant of the document (another number), so the
//! memoisation cache cannot hand back a previous result: this is the cost of new data
//! through a warm world, as in a batch or a server.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use vanban_core::{DangTep, So, VanBan};
use vanban_render::{PdfOptions, Renderer};

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
    let renderer = Renderer::new();
    let options = PdfOptions::default();
    for (name, file) in [
        ("cong-van, 2 pages", "examples/cong-van.toml"),
        ("to-trinh, 1 page", "tests/documents/to-trinh.toml"),
        ("ke-hoach, 10 pages", "examples/ke-hoach.md"),
    ] {
        let docs = variants(&load(file), 64);
        // Warm the world: fonts parsed, templates evaluated once.
        renderer.render_pdf(&docs[0], &options).expect("renders");
        let mut i = 0;
        c.bench_function(&format!("warm render {name} (layout + PDF)"), |b| {
            b.iter(|| {
                i = (i + 1) % docs.len();
                black_box(renderer.render_pdf(&docs[i], &options).expect("renders"))
            })
        });
    }
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach.md"))
            .expect("example document");
    c.bench_function("parse ke-hoach (TOML front matter + Markdown)", |b| {
        b.iter(|| black_box(vanban_core::parse(&text, DangTep::Markdown).expect("parses")))
    });
}

criterion_group!(benches, warm);
criterion_main!(benches);
