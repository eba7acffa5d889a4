//! The fonts documents are set in.
//!
//! Embedded: Liberation Serif 2 (SIL OFL 1.1), metric-compatible with Times New Roman, in
//! its four faces. Licence: `fonts/OFL.txt` at the repository root.
//!
//! An office that has Times New Roman, the font Nghị định 30 prescribes, can name the
//! directory that holds it ([`Renderer::with_font_dir`](crate::Renderer::with_font_dir)).
//! The templates ask for the family [`FAMILY`]; in a renderer with Times New Roman, that
//! name is answered by Times New Roman's four faces, and the embedded faces stay in the
//! font book, under another name, only as a fallback for characters Times New Roman lacks.
//! Because the two families have the same metrics, lines break in the same places.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontStretch, FontStyle, FontVariant};
use typst::utils::LazyHash;

/// The four faces, as compiled into the binary.
static FACES: [&[u8]; 4] = [
    include_bytes!("../../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The font family every template asks for: the embedded Liberation Serif, or the faces
/// that stand in for it (see [`Renderer::font_family`](crate::Renderer::font_family)).
pub const FAMILY: &str = "Liberation Serif";

/// The family Nghị định 30 prescribes, looked for by
/// [`Renderer::with_font_dir`](crate::Renderer::with_font_dir).
pub const TIMES_NEW_ROMAN: &str = "Times New Roman";

/// The name the embedded faces are filed under when Times New Roman answers to [`FAMILY`]:
/// no template asks for it, so they serve only as Typst's per-character fallback.
const FALLBACK_FAMILY: &str = "vanban fallback Liberation Serif";

/// Font files larger than this are not read: Times New Roman's are about 1 MB each; the
/// files this large are collections of East Asian fonts.
const MAX_FONT_FILE: u64 = 64 * 1024 * 1024;

/// Letters a face must have to set Vietnamese: every letter with its diacritics, in both
/// cases. (Times New Roman releases before 3.0 lack many of them.)
const TIENG_VIET: &str =
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

/// The embedded faces as a renderer's fonts, made once per process and shared by every
/// renderer that uses them.
static EMBEDDED: OnceLock<Fonts> = OnceLock::new();

/// Fonts known to the renderer. The embedded faces are parsed once per process; a face read
/// from a directory has its metadata read up front and its tables parsed the first time a
/// document uses it.
pub(crate) struct Fonts {
    /// The faces' metadata, hashed once (Typst hashes the book a compile sees).
    pub(crate) book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    /// The family documents are set in.
    family: &'static str,
}

struct Slot {
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl Fonts {
    /// The embedded faces, made the first time any renderer of the process asks for them
    /// (or [`Renderer::prepare`](crate::Renderer::prepare) does).
    pub(crate) fn embedded() -> &'static Fonts {
        EMBEDDED.get_or_init(|| {
            let mut book = FontBook::new();
            let mut slots = Vec::with_capacity(FACES.len());
            for data in FACES {
                let data = Bytes::new(data);
                if let Some(font) = Font::new(data.clone(), 0) {
                    book.push(font.info().clone());
                    slots.push(Slot { data, index: 0, font: OnceLock::from(Some(font)) });
                }
            }
            Fonts { book: LazyHash::new(book), slots, family: FAMILY }
        })
    }

    /// Times New Roman from `dir`, with the embedded faces as fallback; or why not.
    pub(crate) fn from_dir(dir: &Path) -> Result<Fonts, FontFallback> {
        let fallback = |reason| FontFallback { dir: dir.to_path_buf(), reason };
        let candidates = scan(dir).map_err(fallback)?;
        let chosen = choose(candidates).map_err(fallback)?;
        Ok(Fonts::with_faces(chosen))
    }

    /// The four faces of `chosen` (regular, bold, italic, bold italic) answering to
    /// [`FAMILY`], then the embedded faces as fallback.
    fn with_faces(chosen: [Candidate; 4]) -> Fonts {
        let mut book = FontBook::new();
        let mut slots = Vec::with_capacity(8);
        for Candidate { data, index, mut info, .. } in chosen {
            info.family = FAMILY.to_owned();
            book.push(info);
            slots.push(Slot { data, index, font: OnceLock::new() });
        }
        // The embedded faces, already parsed, filed under a name no template asks for.
        let embedded = Fonts::embedded();
        for (i, slot) in embedded.slots.iter().enumerate() {
            if let Some(mut info) = embedded.book.info(i).cloned() {
                info.family = FALLBACK_FAMILY.to_owned();
                book.push(info);
                slots.push(Slot { data: slot.data.clone(), index: slot.index, font: slot.font.clone() });
            }
        }
        Fonts { book: LazyHash::new(book), slots, family: TIMES_NEW_ROMAN }
    }

    /// The face at `index` in the book; `None` for an index the book does not have (the
    /// `World` contract allows stale indices).
    pub(crate) fn get(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font.get_or_init(|| Font::new(slot.data.clone(), slot.index)).clone()
    }

    /// The family documents are set in.
    pub(crate) fn family(&self) -> &'static str {
        self.family
    }
}

/// Why a renderer asked to use the Times New Roman of a directory
/// ([`Renderer::with_font_dir`](crate::Renderer::with_font_dir)) sets documents in the
/// embedded Liberation Serif instead. Line breaks are the same either way: the two
/// families have the same metrics.
///
/// `Display` gives the reason in Vietnamese, [`FontFallback::en`] in English.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FontFallback {
    /// The directory, as given.
    pub dir: PathBuf,
    /// Why its fonts are not used.
    pub reason: FallbackReason,
}

/// Why the Times New Roman of a directory is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FallbackReason {
    /// The directory cannot be listed (missing, not a directory, no permission).
    Unreadable(String),
    /// No font file in the directory is Times New Roman.
    NotFound,
    /// Times New Roman is there, but not all four faces the templates use.
    MissingFaces(Vec<FaceStyle>),
    /// A face lacks letters of Vietnamese (releases before 3.0 do).
    NoVietnamese {
        /// The face.
        face: FaceStyle,
        /// The letters it lacks (at most ten are listed).
        missing: Vec<char>,
    },
}

/// One of the four faces documents are set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaceStyle {
    /// Upright, regular weight.
    Regular,
    /// Upright, bold.
    Bold,
    /// Italic, regular weight.
    Italic,
    /// Italic, bold.
    BoldItalic,
}

impl FaceStyle {
    /// The four faces, in the order the renderer files them.
    const ALL: [FaceStyle; 4] =
        [FaceStyle::Regular, FaceStyle::Bold, FaceStyle::Italic, FaceStyle::BoldItalic];

    /// The face's name in Vietnamese.
    fn vi(self) -> &'static str {
        match self {
            FaceStyle::Regular => "thường",
            FaceStyle::Bold => "đậm",
            FaceStyle::Italic => "nghiêng",
            FaceStyle::BoldItalic => "đậm nghiêng",
        }
    }

    /// The face's name in English.
    fn en(self) -> &'static str {
        match self {
            FaceStyle::Regular => "regular",
            FaceStyle::Bold => "bold",
            FaceStyle::Italic => "italic",
            FaceStyle::BoldItalic => "bold italic",
        }
    }

    /// Whether a face of this variant can serve as this face: normal width, the right
    /// slant, and a weight near 400 (regular) or 700 (bold).
    fn fits(self, variant: FontVariant) -> bool {
        let italic = variant.style != FontStyle::Normal;
        let weight = variant.weight.to_number();
        let bold = (600..=800).contains(&weight);
        let regular = (350..=500).contains(&weight);
        variant.stretch == FontStretch::NORMAL
            && match self {
                FaceStyle::Regular => !italic && regular,
                FaceStyle::Bold => !italic && bold,
                FaceStyle::Italic => italic && regular,
                FaceStyle::BoldItalic => italic && bold,
            }
    }

    /// How far a variant's weight is from this face's.
    fn distance(self, variant: FontVariant) -> u16 {
        let target = match self {
            FaceStyle::Regular | FaceStyle::Italic => 400,
            FaceStyle::Bold | FaceStyle::BoldItalic => 700,
        };
        variant.weight.to_number().abs_diff(target)
    }
}

impl FontFallback {
    /// The reason in English (the `Display` form is Vietnamese).
    pub fn en(&self) -> String {
        let dir = self.dir.display();
        match &self.reason {
            FallbackReason::Unreadable(why) => format!("cannot read the font directory “{dir}”: {why}"),
            FallbackReason::NotFound => format!("no Times New Roman font in “{dir}”"),
            FallbackReason::MissingFaces(faces) => format!(
                "Times New Roman in “{dir}” lacks the {} face(s)",
                faces.iter().map(|f| f.en()).collect::<Vec<_>>().join(", ")
            ),
            FallbackReason::NoVietnamese { face, missing } => format!(
                "Times New Roman {} in “{dir}” lacks Vietnamese letters ({})",
                face.en(),
                letters(missing)
            ),
        }
    }
}

impl fmt::Display for FontFallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = self.dir.display();
        match &self.reason {
            FallbackReason::Unreadable(why) => write!(f, "không đọc được thư mục phông chữ “{dir}”: {why}"),
            FallbackReason::NotFound => write!(f, "thư mục “{dir}” không có phông Times New Roman"),
            FallbackReason::MissingFaces(faces) => write!(
                f,
                "phông Times New Roman trong “{dir}” thiếu kiểu chữ {}",
                faces.iter().map(|f| f.vi()).collect::<Vec<_>>().join(", ")
            ),
            FallbackReason::NoVietnamese { face, missing } => write!(
                f,
                "phông Times New Roman ({}) trong “{dir}” thiếu chữ tiếng Việt ({})",
                face.vi(),
                letters(missing)
            ),
        }
    }
}

fn letters(missing: &[char]) -> String {
    missing.iter().map(char::to_string).collect::<Vec<_>>().join(", ")
}

/// A face found in a font file.
struct Candidate {
    /// The file, for choosing among duplicates in a stable order.
    path: PathBuf,
    /// The file's bytes, shared by the faces of a collection.
    data: Bytes,
    /// The face's index in a collection (0 for a single font).
    index: u32,
    info: FontInfo,
}

/// The Times New Roman faces in the font files (`.ttf`, `.otf`, `.ttc`, `.otc`) directly in
/// `dir`. Files that cannot be read or parsed are skipped; only an unlistable directory is
/// an error. Only the files holding Times New Roman are kept in memory.
fn scan(dir: &Path) -> Result<Vec<Candidate>, FallbackReason> {
    let entries = std::fs::read_dir(dir).map_err(|e| FallbackReason::Unreadable(e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].iter().any(|ext| e.eq_ignore_ascii_case(ext)))
        })
        .collect();
    // Directory order depends on the file system: sort, so that the same directory always
    // gives the same faces.
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        // `metadata` follows symbolic links.
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        if !meta.is_file() || meta.len() > MAX_FONT_FILE {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let faces: Vec<(u32, FontInfo)> = (0..ttf_count(&bytes))
            .filter_map(|index| Some((index, FontInfo::new(&bytes, index)?)))
            .filter(|(_, info)| is_times_new_roman(info))
            .collect();
        if faces.is_empty() {
            continue;
        }
        let data = Bytes::new(bytes);
        for (index, info) in faces {
            out.push(Candidate { path: path.clone(), data: data.clone(), index, info });
        }
    }
    Ok(out)
}

/// The number of faces in font data: more than one for a collection (`.ttc`).
fn ttf_count(data: &[u8]) -> u32 {
    // A collection starts with `ttcf`, a version, then the number of fonts.
    match data {
        [b't', b't', b'c', b'f', _, _, _, _, a, b, c, d, ..] => u32::from_be_bytes([*a, *b, *c, *d]).min(256),
        _ => 1,
    }
}

fn is_times_new_roman(info: &FontInfo) -> bool {
    info.family.eq_ignore_ascii_case(TIMES_NEW_ROMAN)
}

/// The regular, bold, italic and bold italic faces of Times New Roman among `candidates`,
/// each with every Vietnamese letter; or why there are none. Of several faces that fit, the
/// one nearest the face's weight, then the first by file name, is taken.
fn choose(candidates: Vec<Candidate>) -> Result<[Candidate; 4], FallbackReason> {
    let mut candidates: Vec<Option<Candidate>> =
        candidates.into_iter().filter(|c| is_times_new_roman(&c.info)).map(Some).collect();
    if candidates.is_empty() {
        return Err(FallbackReason::NotFound);
    }
    let mut picks: Vec<Option<usize>> = Vec::with_capacity(4);
    for face in FaceStyle::ALL {
        let best = candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c)))
            .filter(|(_, c)| face.fits(c.info.variant))
            .min_by(|(_, a), (_, b)| {
                face.distance(a.info.variant)
                    .cmp(&face.distance(b.info.variant))
                    .then_with(|| a.path.cmp(&b.path))
                    .then_with(|| a.index.cmp(&b.index))
            })
            .map(|(i, _)| i);
        picks.push(best);
    }
    let missing: Vec<FaceStyle> =
        FaceStyle::ALL.into_iter().zip(&picks).filter(|(_, p)| p.is_none()).map(|(f, _)| f).collect();
    if !missing.is_empty() {
        return Err(FallbackReason::MissingFaces(missing));
    }
    for (face, pick) in FaceStyle::ALL.into_iter().zip(&picks) {
        let Some(candidate) = pick.and_then(|i| candidates[i].as_ref()) else { continue };
        let lacking: Vec<char> = TIENG_VIET
            .chars()
            .flat_map(|c| [c, c.to_uppercase().next().unwrap_or(c)])
            .filter(|&c| !candidate.info.coverage.contains(c as u32))
            .take(10)
            .collect();
        if !lacking.is_empty() {
            return Err(FallbackReason::NoVietnamese { face, missing: lacking });
        }
    }
    // The four picks are distinct: each face fits only one of the four style/weight pairs.
    let mut take = |i: usize| picks[i].and_then(|p| candidates[p].take()).ok_or(FallbackReason::NotFound);
    Ok([take(0)?, take(1)?, take(2)?, take(3)?])
}

#[cfg(test)]
mod tests {
    use typst::text::Coverage;

    use super::*;

    #[test]
    fn four_faces_of_one_family_cover_vietnamese() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.book.families().count(), 1);
        assert_eq!(fonts.family(), FAMILY);
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

    /// The embedded faces, with their family renamed: a stand-in for Times New Roman.
    fn renamed(family: &str) -> Vec<Candidate> {
        FACES
            .iter()
            .enumerate()
            .map(|(i, data)| {
                let mut info = FontInfo::new(data, 0).unwrap();
                info.family = family.to_owned();
                Candidate { path: PathBuf::from(format!("{i}.ttf")), data: Bytes::new(*data), index: 0, info }
            })
            .collect()
    }

    fn styles(chosen: &[Candidate; 4]) -> Vec<(FontStyle, u16)> {
        chosen.iter().map(|c| (c.info.variant.style, c.info.variant.weight.to_number())).collect()
    }

    #[test]
    fn four_faces_of_times_new_roman_are_chosen_in_order() {
        // Shuffled, and with a duplicate regular face in a later file.
        let mut candidates = renamed("Times New Roman");
        candidates.reverse();
        let mut copy = renamed("Times New Roman").remove(0);
        copy.path = PathBuf::from("z-copy.ttf");
        candidates.push(copy);
        let chosen = choose(candidates).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            styles(&chosen),
            [
                (FontStyle::Normal, 400),
                (FontStyle::Normal, 700),
                (FontStyle::Italic, 400),
                (FontStyle::Italic, 700)
            ]
        );
        assert_eq!(chosen[0].path, PathBuf::from("0.ttf"));
    }

    #[test]
    fn the_family_is_matched_without_regard_to_case() {
        assert!(choose(renamed("TIMES NEW ROMAN")).is_ok());
    }

    #[test]
    fn other_families_are_not_times_new_roman() {
        assert_eq!(choose(renamed(FAMILY)).err(), Some(FallbackReason::NotFound));
        assert_eq!(choose(renamed("Times New Roman PS")).err(), Some(FallbackReason::NotFound));
        assert_eq!(choose(Vec::new()).err(), Some(FallbackReason::NotFound));
    }

    #[test]
    fn missing_faces_are_named() {
        let mut candidates = renamed("Times New Roman");
        candidates.truncate(2);
        assert_eq!(
            choose(candidates).err(),
            Some(FallbackReason::MissingFaces(vec![FaceStyle::Italic, FaceStyle::BoldItalic]))
        );
        let mut candidates = renamed("Times New Roman");
        candidates.remove(1);
        assert_eq!(choose(candidates).err(), Some(FallbackReason::MissingFaces(vec![FaceStyle::Bold])));
    }

    #[test]
    fn a_face_without_vietnamese_is_refused() {
        let mut candidates = renamed("Times New Roman");
        // Latin-1 only, as Times New Roman 2.x.
        candidates[2].info.coverage = Coverage::from_vec((0x20..0x100).collect());
        match choose(candidates).err() {
            Some(FallbackReason::NoVietnamese { face: FaceStyle::Italic, missing }) => {
                assert_eq!(missing.len(), 10);
                assert!(missing.contains(&'ả') && !missing.contains(&'à'), "{missing:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chosen_faces_answer_to_the_template_family_and_the_embedded_ones_fall_back() {
        let fonts = Fonts::with_faces(choose(renamed("Times New Roman")).unwrap_or_else(|e| panic!("{e:?}")));
        assert_eq!(fonts.family(), TIMES_NEW_ROMAN);
        let families: Vec<&str> = fonts.book.families().map(|(f, _)| f).collect();
        assert_eq!(families.len(), 2, "{families:?}");
        let lower = FAMILY.to_lowercase();
        let regular = fonts.book.select(&lower, FontVariant::default()).unwrap();
        assert_eq!(regular, 0);
        let fallback: Vec<usize> = fonts.book.select_family(&FALLBACK_FAMILY.to_lowercase()).collect();
        assert_eq!(fallback, [4, 5, 6, 7]);
        assert!(fonts.get(7).is_some() && fonts.get(8).is_none());
    }

    #[test]
    fn collections_are_counted() {
        assert_eq!(ttf_count(FACES[0]), 1);
        assert_eq!(ttf_count(b"ttcf\0\x02\0\0\0\0\0\x04rest"), 4);
    }
}
