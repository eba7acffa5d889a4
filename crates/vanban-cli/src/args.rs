//! Command-line arguments.

use std::path::PathBuf;
use vanban_core::NgonNgu;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

/// Render Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) to PDF.
///
/// Each FILE is a document in TOML (.toml), Markdown with TOML front matter (.md) or JSON
/// (.json), or a directory: every .toml, .md and .json file under it is rendered. Without -o
/// or --out-dir, each PDF is written beside its file with the extension .pdf.
#[derive(Debug, Parser)]
#[command(name = "render", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Document files or directories to render.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Where to write the PDF (only with a single FILE).
    #[arg(short, long, value_name = "OUT", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write every PDF into this directory (created if missing), keeping the layout of the
    /// directories given as FILE.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Render only part I of N of the files (1 ≤ I ≤ N), chosen from the sorted list of
    /// paths, so that N machines of a CI matrix together render each file exactly once.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,

    /// Write PDF/A-2b, for archiving.
    #[arg(long)]
    pub pdf_a: bool,

    /// Also write an editable Word document (`name.docx`) beside each PDF, laid out to the
    /// decree; `-o name.docx` writes the DOCX alone.
    #[arg(long)]
    pub docx: bool,

    /// Also write the decree's metadata record (Phụ lục VI) as `name.metadata.json` beside
    /// each PDF, and carry it in the PDF's XMP metadata.
    #[arg(long)]
    pub metadata: bool,

    /// Also write a PNG preview of these pages (`1`, `1,3`, `2-4`, `all`) beside each PDF:
    /// `name-1.png`, ….
    #[arg(long, value_name = "PAGES")]
    pub png: Option<String>,

    /// Resolution of PNG previews, in dots per inch.
    #[arg(long, value_name = "DPI", default_value_t = 96.0)]
    pub dpi: f32,

    /// Also write an SVG preview of these pages (`1`, `1,3`, `2-4`, `all`) beside each PDF.
    #[arg(long, value_name = "PAGES")]
    pub svg: Option<String>,

    /// Run as a worker process of another `render` (internal).
    #[arg(long = crate::worker::FLAG, hide = true)]
    pub worker: bool,

    #[command(flatten)]
    pub common: Common,
}

/// Options every command shares.
#[derive(Debug, ClapArgs, Clone)]
pub struct Common {
    /// Language of messages.
    #[arg(long, default_value = "vi", global = true, value_parser = ngon_ngu())]
    pub lang: NgonNgu,

    /// Form of the problems reported: text for people, JSON (one object per line) for
    /// editors and pipelines.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub format: Format,

    /// Number of documents worked on at once (default: one per processor).
    #[arg(short = 'j', long, value_name = "N", global = true,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024))]
    pub jobs: Option<usize>,

    /// Look for Times New Roman in this directory and set documents in it; when it is not
    /// there, a warning names the embedded Liberation Serif used instead.
    #[arg(long, value_name = "DIR", global = true)]
    pub font_dir: Option<PathBuf>,

    /// The directory tree shared files (`dung_chung`) may be read from (gốc: root); a
    /// shared file outside it is refused. Default: the directory argument a file was found
    /// under; for a file named directly, the current directory when the file is under it,
    /// else the file's own directory.
    #[arg(long, value_name = "DIR", global = true)]
    pub goc: Option<PathBuf>,
}

/// The languages of messages, `vi` and `en`, as [`NgonNgu`].
fn ngon_ngu() -> impl clap::builder::TypedValueParser<Value = NgonNgu> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new([
        clap::builder::PossibleValue::new("vi").help("Tiếng Việt"),
        clap::builder::PossibleValue::new("en").help("English"),
    ])
    .map(|s| if s == "en" { NgonNgu::En } else { NgonNgu::Vi })
}

/// Form of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// JSON Lines.
    Json,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check document files against the format and the decree without writing any PDF:
    /// every problem, errors and warnings, each with the rule of the decree it applies.
    Check {
        /// Document files or directories to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,

        /// Fail (exit 1) on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,

        /// FILE is a template: check it filled from each row of this data file (CSV,
        /// .xlsx, .ods or JSON), as `render merge` would, writing nothing.
        #[arg(long, value_name = "DATA")]
        data: Option<PathBuf>,

        /// The sheet of a workbook to read (default: the first).
        #[arg(long, value_name = "NAME", requires = "data")]
        sheet: Option<String>,

        /// The register whose numbers to check against, when it exists (never created): a
        /// SQLite file or a postgres:// URL (default: so-dang-ky.sqlite in the first file's
        /// directory, as `render cap-so` uses).
        #[arg(long, value_name = "PATH|URL")]
        so_dang_ky: Option<String>,
    },
    /// Fill a template from each row of a data file (trộn văn bản): one PDF per row, or
    /// every row in one PDF with --combine.
    ///
    /// TEMPLATE is a document file (TOML, Markdown or JSON) whose values and body hold
    /// placeholders: {{ ho_ten }}, {{ ngay_hop | ngay }}, {% if … %}, {% for … %}.
    Merge {
        /// The template.
        #[arg(value_name = "TEMPLATE")]
        template: PathBuf,

        /// The rows: CSV (UTF-8, comma or semicolon), an Excel or LibreOffice workbook
        /// (.xlsx, .ods) whose first row names the columns, or JSON (an array of objects).
        #[arg(long, value_name = "FILE")]
        data: PathBuf,

        /// The sheet of a workbook to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,

        /// Write the PDFs into this directory (created if missing; default: the
        /// template's directory).
        #[arg(long, value_name = "DIR", conflicts_with = "combine")]
        out_dir: Option<PathBuf>,

        /// Name of each PDF, a pattern over the columns ("{{ so }}-{{ ho_ten }}"), made
        /// safe for file names (default: the template's name and the row's number).
        #[arg(long, value_name = "PATTERN", conflicts_with = "combine")]
        name: Option<String>,

        /// Write every row into this one PDF instead, each document from a new page with
        /// its own page numbers; written only when every row succeeds.
        #[arg(long, value_name = "OUT")]
        combine: Option<PathBuf>,

        /// Number the documents from N in row order (sets `so`, and {{ so }}).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        so_tu: Option<u32>,

        /// Write PDF/A-2b, for archiving.
        #[arg(long)]
        pdf_a: bool,

        /// Also write each row's document as an editable DOCX beside its PDF.
        #[arg(long, conflicts_with = "combine")]
        docx: bool,

        /// Run as a worker process of another `render merge` (internal).
        #[arg(long = crate::worker::FLAG, hide = true)]
        worker: bool,
    },
    /// Give each document the next number of its register (lấy số): `so`, `ngay` (unless
    /// the file has a full date) and `ma_dang_ky` written into the file itself, comments and
    /// layout kept, and the entry recorded. With --huy SO --ly-do "…", cancel a number
    /// instead: kept in the register as cancelled, never given again.
    CapSo {
        /// The document files, numbered in this order.
        #[arg(value_name = "FILE", required_unless_present = "huy")]
        files: Vec<PathBuf>,

        /// The register: a SQLite file (created if missing) or a postgres:// URL
        /// (default: so-dang-ky.sqlite in the first file's directory, or the current one).
        #[arg(long, value_name = "PATH|URL")]
        so_dang_ky: Option<String>,

        /// The date of issue written into a file that has no full date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_ngay)]
        ngay: Option<chrono::NaiveDate>,

        /// The book (default: the document's `[co_quan] viet_tat`).
        #[arg(long, value_name = "NAME")]
        so_sach: Option<String>,

        /// Cancel this number of the book instead.
        #[arg(long, value_name = "SO", requires = "ly_do", conflicts_with = "ngay",
              value_parser = clap::value_parser!(u32).range(1..))]
        huy: Option<u32>,

        /// Why the number is cancelled (with --huy).
        #[arg(long, value_name = "TEXT", requires = "huy")]
        ly_do: Option<String>,

        /// The year of the book whose number is cancelled (with --huy; default: this year).
        #[arg(long, value_name = "YYYY", requires = "huy")]
        nam: Option<i32>,
    },
    /// Write the register of a book and year as the decree's Sổ đăng ký văn bản đi: a PDF
    /// (a cover, then the ten columns on landscape A4 pages), a workbook (.xlsx) or CSV, by
    /// the extension of OUT; a row per number in order, cancelled numbers and reservations
    /// not yet settled marked in Ghi chú. With --kiem-tra, check the register instead
    /// (missing numbers, dangling reservations, files that no longer carry their number),
    /// writing nothing: exit 1 when anything is wrong.
    SoDi {
        /// Where to write it: .pdf, .xlsx or .csv.
        #[arg(short, long, value_name = "OUT", required_unless_present = "kiem_tra")]
        output: Option<PathBuf>,

        /// The register: a SQLite file (it must exist) or a postgres:// URL (default:
        /// so-dang-ky.sqlite in the current directory).
        #[arg(long, value_name = "PATH|URL")]
        so_dang_ky: Option<String>,

        /// The book (default: the year's only book; when it has several, they are named).
        #[arg(long, value_name = "NAME")]
        so_sach: Option<String>,

        /// The year (default: that of --tu-ngay or --den-ngay, else this year).
        #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1945..=2999))]
        nam: Option<i32>,

        /// Only documents dated on or after this day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_ngay)]
        tu_ngay: Option<chrono::NaiveDate>,

        /// Only documents dated on or before this day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_ngay)]
        den_ngay: Option<chrono::NaiveDate>,

        /// The volume's number on the cover (Quyển số).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        quyen: u32,

        /// The agency's name on the cover, one line each time it is given (default: that
        /// of the register's documents, read from their files; else the line is left out).
        #[arg(long, value_name = "TEXT")]
        co_quan: Vec<String>,

        /// Check the register instead of writing it.
        #[arg(long, conflicts_with_all = ["output", "so_sach", "nam", "tu_ngay", "den_ngay", "co_quan"])]
        kiem_tra: bool,
    },
    /// Stay running and make the documents of later `render FILE` and `render check FILE`
    /// commands (máy chủ), for an editor or a pre-commit hook that renders on every save.
    /// Each such command of this user, run from this same program file, hands its document
    /// here and writes or reports what comes back itself: the same bytes, in a fraction of
    /// the time. Without a server, or for anything but a single document file, `render`
    /// works alone as ever.
    Serve {
        /// Seconds without a command after which the server ends.
        #[arg(long, value_name = "SECONDS", default_value_t = 1800,
              value_parser = clap::value_parser!(u64).range(1..=604_800))]
        idle: u64,
    },
    /// Write a commented skeleton document file of type LOAI (`cong-van`, `ke-hoach`, …).
    New {
        /// The type, as written in `loai`.
        #[arg(value_name = "LOAI")]
        loai: String,

        /// Where to write it (default: LOAI.toml in the current directory); `-` for
        /// standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,

        /// Write Markdown with TOML front matter instead of TOML.
        #[arg(long)]
        markdown: bool,
    },
    /// Print the JSON Schema of the document file (for taplo / Even Better TOML).
    Schema {
        /// Print the schema of a shared file (`dung_chung`) instead: the same keys, none
        /// of them required.
        #[arg(long)]
        dung_chung: bool,
    },
}

/// One part of a set of files split across machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 1.
    pub index: usize,
    /// How many parts.
    pub count: usize,
}

/// A full date, `YYYY-MM-DD`.
fn parse_ngay(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|_| s.trim().len() == 10)
        .ok_or_else(|| format!("“{s}”: cần ngày dạng YYYY-MM-DD, ví dụ 2024-03-05 (expected a date YYYY-MM-DD, e.g. 2024-03-05)"))
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    // Parsed before --lang is known: both languages.
    let bad =
        || format!("“{s}”: cần dạng I/N với 1 ≤ I ≤ N, ví dụ 2/4 (expected I/N with 1 ≤ I ≤ N, e.g. 2/4)");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let index: usize = i.trim().parse().map_err(|_| bad())?;
    let count: usize = n.trim().parse().map_err(|_| bad())?;
    if index == 0 || count == 0 || index > count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_i_of_n() {
        assert_eq!(parse_shard("2/4"), Ok(Shard { index: 2, count: 4 }));
        assert_eq!(parse_shard("1/1"), Ok(Shard { index: 1, count: 1 }));
        for bad in ["0/4", "5/4", "1/0", "2", "a/b", "-1/3", ""] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn arguments_are_consistent() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }
}
