//! `render schema`: the JSON Schema of the document file.

/// Prints the schema on standard output. Returns whether it was written.
pub fn run() -> bool {
    unimplemented!("render schema")
}
