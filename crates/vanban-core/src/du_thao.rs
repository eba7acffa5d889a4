//! The draft marker (house style: the decree has none).

/// Marks a draft: a boxed `DỰ THẢO` or `DỰ THẢO LẦN n` in the top band above the Quốc hiệu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuThao {
    /// Which draft this is, if numbered.
    pub lan: Option<u32>,
}

impl DuThao {
    /// The marker's text.
    pub fn chu(&self) -> String {
        match self.lan {
            Some(n) => format!("DỰ THẢO LẦN {n}"),
            None => "DỰ THẢO".to_owned(),
        }
    }
}
