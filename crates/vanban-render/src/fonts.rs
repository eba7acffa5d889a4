//! The embedded fonts: Liberation Serif 2 (SIL OFL 1.1), metric-compatible with Times New
//! Roman, in its four faces. Licence: `fonts/OFL.txt` at the repository root.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};

/// The four faces, as compiled into the binary.
static FACES: [&[u8]; 4] = [
    include_bytes!("../../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The font family every template uses.
pub const FAMILY: &str = "Liberation Serif";

/// Fonts known to the renderer. Metadata is read up front; a face's tables are parsed the
/// first time a document uses it.
pub(crate) struct Fonts {
    pub(crate) book: FontBook,
    slots: Vec<Slot>,
}

struct Slot {
    data: &'static [u8],
    font: OnceLock<Option<Font>>,
}

impl Fonts {
    /// The embedded faces.
    pub(crate) fn embedded() -> Fonts {
        let mut book = FontBook::new();
        let mut slots = Vec::with_capacity(FACES.len());
        for data in FACES {
            if let Some(info) = FontInfo::new(data, 0) {
                book.push(info);
                slots.push(Slot { data, font: OnceLock::new() });
            }
        }
        Fonts { book, slots }
    }

    /// The face at `index` in the book; `None` for an index the book does not have (the
    /// `World` contract allows stale indices).
    pub(crate) fn get(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font.get_or_init(|| Font::new(Bytes::new(slot.data), 0)).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_faces_of_one_family_cover_vietnamese() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.book.families().count(), 1);
        for i in 0..4 {
            let font = fonts.get(i).expect("embedded face parses");
            assert_eq!(font.info().family, FAMILY);
            // ơ, ư, ạ, ỹ: the letters older Liberation releases lack.
            for c in ['ơ', 'ư', 'ạ', 'ỹ', 'Ự', 'Đ'] {
                assert!(font.info().coverage.contains(c as u32), "{c} missing in face {i}");
            }
        }
        assert!(fonts.get(4).is_none());
    }
}
