//! `render check FILE...`: validation only, no PDF.

use std::path::PathBuf;

use vanban_render::Renderer;

use crate::load::{lay_out, load};

/// Checks each file and prints every problem: the document's own, then what the layout
/// finds (characters the fonts lack, words too long for a line). Returns whether all files
/// are valid.
pub fn run(files: &[PathBuf]) -> bool {
    let renderer = Renderer::new();
    let mut ok = true;
    for file in files {
        match load(file).and_then(|loaded| lay_out(&renderer, file, &loaded)) {
            Ok(_) => println!("{}: hợp lệ", file.display()),
            Err(message) => {
                eprintln!("{message}");
                ok = false;
            }
        }
    }
    ok
}
