//! `render check FILE...`: validation and lint, no PDF.

use std::path::Path;
use std::sync::Mutex;

use crate::batch::Outcome;
use crate::files::Input;
use crate::load::not_a_document;

use vanban_core::lint::{self, SoDaDung};
use vanban_core::{Diagnostic, MucDo};
use vanban_render::Renderer;

use crate::args::Common;
use crate::files::FileSet;
use crate::load::{lay_out, load};
use crate::report::{Reporter, Verb, say};

/// Checks each file and reports every problem at once: the file's own (format, model),
/// the lint rules' findings, what the layout finds (characters the fonts lack, words too
/// long for a line), then numbers reused across the files. Each file is reported once, in
/// path order, after every rule has seen it. Returns whether all files are free of errors
/// (and of warnings too, when `strict`).
pub fn run(set: &FileSet, strict: bool, common: &Common, reporter: &Reporter) -> bool {
    let renderer = renderer(common.font_dir.as_deref(), reporter);
    let found: Mutex<Vec<Option<Checked>>> = Mutex::new(vec![None; set.files.len()]);
    let mut summary = crate::batch::run(&set.files, common.jobs, reporter, |i, input| {
        let checked = check_one(&renderer, input, common.goc.as_deref());
        let outcome = checked.outcome(strict);
        lock(&found)[i] = Some(checked);
        outcome
    });
    let mut found: Vec<Checked> = found
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    // Numbers reused across files, reported on the later file in path order.
    let numbers: Vec<(usize, SoDaDung)> =
        found.iter().enumerate().filter_map(|(i, c)| Some((i, c.number.clone()?))).collect();
    let named: Vec<(String, SoDaDung)> =
        numbers.iter().map(|(i, n)| (set.files[*i].path.display().to_string(), n.clone())).collect();
    for (k, d) in lint::so_trung(&named) {
        found[numbers[k].0].problems.push(d);
    }
    let (mut ok, mut failed) = (0, 0);
    for (input, checked) in set.files.iter().zip(&found) {
        match checked.outcome(strict) {
            Outcome::Skipped => reporter.warning(&crate::render::skipped_note(reporter.lang(), &input.path)),
            Outcome::Ok if checked.problems.is_empty() => reporter.done(&input.path, &[]),
            _ => reporter.problems(&input.path, &checked.problems),
        }
        match checked.outcome(strict) {
            Outcome::Ok => ok += 1,
            Outcome::Failed => failed += 1,
            Outcome::Skipped => {}
        }
    }
    (summary.ok, summary.failed) = (ok, failed);
    summary.other_shards = set.other_shards;
    reporter.summary(&summary, Verb::Check);
    summary.failed == 0
}

/// What checking one file found.
#[derive(Debug, Clone, Default)]
struct Checked {
    /// Every problem, errors and warnings.
    problems: Vec<Diagnostic>,
    /// The number it is registered under, if it has one.
    number: Option<SoDaDung>,
    /// A file found in a directory that is not a document.
    skipped: bool,
}

impl Checked {
    fn outcome(&self, strict: bool) -> Outcome {
        if self.skipped {
            Outcome::Skipped
        } else if self.problems.iter().any(|d| d.muc_do == MucDo::Loi || strict) {
            Outcome::Failed
        } else {
            Outcome::Ok
        }
    }
}

/// Every problem of one file, and the number it is registered under; its shared files are
/// under the root `goc` gives ([`Input::goc`]).
fn check_one(renderer: &Renderer, input: &Input, goc: Option<&Path>) -> Checked {
    let file = &input.path;
    let loaded = match load(input, goc) {
        Ok(l) => l,
        Err(_) if input.from_dir && not_a_document(file) => {
            return Checked { skipped: true, ..Checked::default() };
        }
        Err(problems) => return Checked { problems, ..Checked::default() },
    };
    let mut problems = lint::kiem_tra(&loaded.van_ban, &loaded.source, &loaded.vi_tri);
    if let Err(layout) = lay_out(renderer, file, &loaded) {
        problems.splice(0..0, layout);
    }
    let number = SoDaDung::cua(&loaded.van_ban, &loaded.source, &loaded.vi_tri);
    Checked { problems, number, skipped: false }
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
