//! `render check FILE...`: validation only, no PDF.

use std::path::PathBuf;

use crate::load::load;

/// Checks each file and prints every problem. Returns whether all files are valid.
pub fn run(files: &[PathBuf]) -> bool {
    let mut ok = true;
    for file in files {
        match load(file) {
            Ok(_) => println!("{}: hợp lệ", file.display()),
            Err(message) => {
                eprintln!("{message}");
                ok = false;
            }
        }
    }
    ok
}
