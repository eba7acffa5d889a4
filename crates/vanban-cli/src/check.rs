//! `render check FILE...`: validation and lint, no PDF.

use std::path::Path;
use std::sync::Mutex;

use vanban_core::lint::{self, SoDaDung};
use vanban_core::{Diagnostic, MucDo};
use vanban_render::Renderer;

use crate::args::Common;
use crate::files::FileSet;
use crate::load::{lay_out, load};
use crate::report::{Reporter, Verb, say};

/// Checks each file and reports every problem at once: the file's own (format, model),
/// the lint rules' findings, what the layout finds (characters the fonts lack, words too
/// long for a line), then numbers reused across the files. Returns whether all files are
/// free of errors (and of warnings too, when `strict`).
pub fn run(set: &FileSet, strict: bool, common: &Common, reporter: &Reporter) -> bool {
    let renderer = renderer(common.font_dir.as_deref(), reporter);
    let numbers: Mutex<Vec<(usize, SoDaDung)>> = Mutex::new(Vec::new());
    let failed: Mutex<Vec<bool>> = Mutex::new(vec![false; set.files.len()]);
    let mut summary = crate::batch::run(&set.files, common.jobs, reporter, |i, input| {
        let (problems, number) = check_one(&renderer, &input.path);
        if let Some(n) = number {
            lock(&numbers).push((i, n));
        }
        let bad = problems.iter().any(|d| d.muc_do == MucDo::Loi || strict);
        if problems.is_empty() {
            reporter.done(&input.path, &[]);
        } else {
            reporter.problems(&input.path, &problems);
        }
        lock(&failed)[i] = bad;
        !bad
    });
    // Numbers reused across files, reported on the later file in path order.
    let mut numbers = numbers.into_inner().unwrap_or_else(|p| p.into_inner());
    numbers.sort_by_key(|(i, _)| *i);
    let named: Vec<(String, SoDaDung)> =
        numbers.iter().map(|(i, n)| (set.files[*i].path.display().to_string(), n.clone())).collect();
    let mut failed = failed.into_inner().unwrap_or_else(|p| p.into_inner());
    for (k, d) in lint::so_trung(&named) {
        let i = numbers[k].0;
        reporter.problems(&set.files[i].path, &[d]);
        failed[i] = true;
    }
    summary.failed = failed.iter().filter(|&&f| f).count();
    summary.ok = set.files.len() - summary.failed;
    summary.other_shards = set.other_shards;
    reporter.summary(&summary, Verb::Check);
    summary.failed == 0
}

/// Every problem of one file, and the number it is registered under.
fn check_one(renderer: &Renderer, file: &Path) -> (Vec<Diagnostic>, Option<SoDaDung>) {
    let loaded = match load(file) {
        Ok(l) => l,
        Err(problems) => return (problems, None),
    };
    let mut problems = lint::kiem_tra(&loaded.van_ban, &loaded.source, loaded.dang);
    if let Err(layout) = lay_out(renderer, file, &loaded) {
        problems.splice(0..0, layout);
    }
    let number = SoDaDung::cua(&loaded.van_ban, &loaded.source, loaded.dang);
    (problems, number)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The renderer of a run: with the fonts of `font_dir` when asked, warning when Times New
/// Roman is not there.
pub fn renderer(font_dir: Option<&Path>, reporter: &Reporter) -> Renderer {
    let Some(dir) = font_dir else { return Renderer::new() };
    let (renderer, fallback) = Renderer::with_font_dir(dir);
    if let Some(why) = fallback {
        reporter.warning(&say(
            reporter.lang(),
            &format!("{why}; dùng phông Liberation Serif có sẵn (cùng kích thước chữ với Times New Roman)"),
            &format!(
                "{}; using the embedded Liberation Serif (metric-compatible with Times New Roman)",
                why.en()
            ),
        ));
    }
    renderer
}
