//! The `render` command: document files in, Decree 30 PDFs out.
//!
//! Exit status: 0 when every file succeeded, 1 when any document was invalid or failed to
//! render, 2 for a usage error.

mod args;
mod check;
mod load;
mod render;

use std::process::ExitCode;

use clap::Parser;
use vanban_render::PdfOptions;

use crate::args::{Args, Command};

fn main() -> ExitCode {
    let args = Args::parse();
    let ok = match &args.command {
        Some(Command::Check { files }) => check::run(files),
        None => {
            if args.files.is_empty() {
                eprintln!("lỗi: chưa có tệp văn bản nào\ngợi ý: render examples/cong-van.toml");
                return ExitCode::from(2);
            }
            if args.output.is_some() && args.files.len() > 1 {
                eprintln!("lỗi: -o chỉ dùng được với một tệp; bỏ -o để ghi PDF bên cạnh mỗi tệp");
                return ExitCode::from(2);
            }
            let options = if args.pdf_a { PdfOptions::pdf_a() } else { PdfOptions::default() };
            render::run(&args.files, args.output.as_deref(), &options)
        }
    };
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
