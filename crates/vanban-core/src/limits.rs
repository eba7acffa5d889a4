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
