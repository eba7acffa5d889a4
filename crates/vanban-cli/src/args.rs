//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Render Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) to PDF.
///
/// Each FILE is a document in TOML (.toml) or Markdown with TOML front matter (.md).
/// Without -o, the PDF is written beside it with the extension .pdf.
#[derive(Debug, Parser)]
#[command(name = "render", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Document files to render.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Where to write the PDF (only with a single FILE).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Write PDF/A-2b, for archiving.
    #[arg(long)]
    pub pdf_a: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check document files against the format and the decree without writing any PDF.
    Check {
        /// Document files to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}
