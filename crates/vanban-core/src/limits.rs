//! Limits on what one document file may hold.
//!
//! They are far above any real document and keep the time and memory a file can cost
//! bounded (a file at every limit lays out in well under a second and a few hundred MB):
//! a file past one is refused with a message that names the limit, never truncated.

/// The largest document file read, in bytes (1 MiB: about 300 printed pages).
pub const FILE_BYTES: usize = 1 << 20;

/// The most characters in the body (about 150 printed pages).
pub const BODY_CHARS: usize = 400_000;

/// The most blocks (paragraphs, headings, list items) in the body.
pub const BODY_BLOCKS: usize = 10_000;

/// The most runs of differently styled text (bold, italic, plain) in the body.
pub const BODY_RUNS: usize = 20_000;

/// The most characters in one field other than the body: a name, a title, a trích yếu, one
/// addressee.
pub const FIELD_CHARS: usize = 1_000;

/// The most entries in a list field (Kính gửi, Nơi nhận, the lines of a name, the lines of
/// an authority).
pub const LIST_ITEMS: usize = 500;

/// The most shared files (`dung_chung`) one document may take keys from, counting those the
/// shared files name in turn; each is at most [`FILE_BYTES`].
pub const DUNG_CHUNG_TEP: usize = 32;

/// The longest chain of shared files: a document names a shared file (depth 1), which may
/// name another (depth 2), and so on up to this depth.
pub const DUNG_CHUNG_SAU: usize = 8;

/// The most steps one template value may take to fill (MiniJinja's fuel): far above any
/// loop over a row's data, it stops a template that would run without end.
pub const TEMPLATE_FUEL: u64 = 1_000_000;

/// The largest data file read for a merge, in bytes (64 MiB: a spreadsheet of a hundred
/// thousand rows).
pub const DATA_BYTES: u64 = 64 << 20;

/// The most data rows in a file for a merge (one document each).
pub const DATA_ROWS: usize = 100_000;

/// The most columns in a data file for a merge.
pub const DATA_COLUMNS: usize = 1_000;

/// The most cells (rows × columns) a data file for a merge may span, counting the empty
/// ones a spreadsheet's used range holds.
pub const DATA_CELLS: usize = 10_000_000;
