//! Where a run may write: never over a file it reads (a document of the run, by any name:
//! the same path, `./`, an absolute path, a symbolic or hard link; or an image a document of
//! the run uses), and never twice to one place (two outputs of one run that would have the
//! same path).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use vanban_core::Diagnostic;

use crate::files::Input;
use crate::load::dir_of;

/// What identifies a file whatever the path to it: device and inode where there are such,
/// else the path with links resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    /// The file at `path` (links followed), if there is one.
    fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().ok().map(FileId::Path)
        }
    }
}

/// Why a file may not be written over.
#[derive(Debug, Clone)]
enum Read {
    /// A document of the run.
    Document(PathBuf),
    /// An image a document of the run uses: the image, the document.
    Image(PathBuf, PathBuf),
}

/// The guard of one run's outputs. Shared by its workers.
#[derive(Debug, Default)]
pub struct Outputs {
    read: HashMap<FileId, Read>,
    /// Every output claimed so far, by absolute path, with the document it belongs to.
    claimed: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Outputs {
    /// The guard for a run over `inputs`: notes every input and every image the inputs name
    /// (read from each file that has a `[ky_so]`; a file that cannot be read or parsed
    /// names none, and fails later as that file's own problem).
    pub fn new(inputs: &[Input]) -> Outputs {
        let mut read = HashMap::new();
        for input in inputs {
            if let Some(id) = FileId::of(&input.path) {
                read.insert(id, Read::Document(input.path.clone()));
            }
        }
        for input in inputs {
            for image in images_of(&input.path) {
                if let Some(id) = FileId::of(&image) {
                    read.entry(id).or_insert(Read::Image(image, input.path.clone()));
                }
            }
        }
        Outputs { read, claimed: Mutex::new(HashMap::new()) }
    }

    /// Claims `path` as an output of the document `owner`, or says why it may not be
    /// written (one problem): it is a file the run reads, or another output of the run.
    pub fn claim(&self, path: &Path, owner: &Path) -> Result<(), Vec<Diagnostic>> {
        if let Some(why) = FileId::of(path).and_then(|id| self.read.get(&id)) {
            return Err(vec![would_destroy(path, why)]);
        }
        let key = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut claimed = self.claimed.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(first) = claimed.get(&key) {
            let first = first.clone();
            return Err(vec![twice(path, &first, owner)]);
        }
        claimed.insert(key, owner.to_path_buf());
        Ok(())
    }
}

/// The images a document file names, resolved against its directory. Only regular files
/// within the size limit that mention `ky_so` are parsed.
fn images_of(path: &Path) -> Vec<PathBuf> {
    let limit = vanban_core::limits::FILE_BYTES as u64;
    let Ok(file) = std::fs::File::open(path) else { return Vec::new() };
    if !file.metadata().is_ok_and(|m| m.is_file() && m.len() <= limit) {
        return Vec::new();
    }
    let mut bytes = Vec::new();
    if std::io::Read::read_to_end(&mut std::io::Read::take(file, limit), &mut bytes).is_err()
        || !bytes
            .windows(vanban_core::khoa::KY_SO.ten.len())
            .any(|w| w == vanban_core::khoa::KY_SO.ten.as_bytes())
    {
        return Vec::new();
    }
    let Ok(van_ban) = vanban_core::parse_bytes(&bytes, vanban_core::DangTep::from_path(path)) else {
        return Vec::new();
    };
    let dir = dir_of(path);
    let mut seen = HashSet::new();
    van_ban
        .ky_so
        .iter()
        .flat_map(|k| std::iter::once(&k.chu_ky).chain(k.dau.as_ref().map(|d| &d.anh)))
        .map(|anh| dir.join(anh.duong_dan()))
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

fn would_destroy(path: &Path, why: &Read) -> Diagnostic {
    let out = path.display();
    match why {
        Read::Document(doc) => {
            let doc = doc.display();
            Diagnostic::new(format!(
                "không ghi {out}: đó là tệp văn bản {doc} của lần chạy này, ghi vào sẽ mất tệp văn bản"
            ))
            .en(format!("not writing {out}: it is the document file {doc} of this run, which would be lost"))
            .with_hint("chọn tên khác cho tệp kết quả, ví dụ -o ten-van-ban.pdf")
            .hint_en("choose another name for the output, e.g. -o document.pdf")
        }
        Read::Image(image, doc) => {
            let (image, doc) = (image.display(), doc.display());
            Diagnostic::new(format!(
                "không ghi {out}: đó là ảnh {image} mà văn bản {doc} dùng ([ky_so]), ghi vào sẽ mất ảnh"
            ))
            .en(format!(
                "not writing {out}: it is the image {image} that the document {doc} uses ([ky_so]), which would be lost"
            ))
            .with_hint("đổi tên ảnh (và khóa chu_ky / dau trong [ky_so]) hoặc chọn tên khác cho tệp kết quả")
            .hint_en("rename the image (and the chu_ky / dau key of [ky_so]) or choose another name for the output")
        }
    }
}

fn twice(path: &Path, first: &Path, owner: &Path) -> Diagnostic {
    let (out, first) = (path.display(), first.display());
    let (vi, en) = if first.to_string() == owner.display().to_string() {
        (
            format!("{out} là hai tệp kết quả của cùng văn bản: không ghi đè tệp này bằng tệp kia"),
            format!("{out} would be two outputs of the same document: one is never written over the other"),
        )
    } else {
        (
            format!("{first} cũng ghi ra {out}: không ghi đè lên tệp kết quả của văn bản khác"),
            format!("{first} writes {out} as well: one document's output is never written over another's"),
        )
    };
    Diagnostic::new(vi)
        .en(en)
        .with_hint("đổi tên một trong hai tệp, hoặc dùng --out-dir")
        .hint_en("rename one of the two files, or use --out-dir")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &Path) -> Input {
        Input {
            path: path.to_path_buf(),
            rel: PathBuf::from(path.file_name().unwrap()),
            from_dir: false,
            dir_arg: None,
        }
    }

    #[test]
    fn an_input_is_never_an_output_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("doc.toml");
        std::fs::write(&doc, "loai = \"cong-van\"\n").unwrap();
        let outputs = Outputs::new(&[input(&doc)]);
        let dotted = dir.path().join(".").join("doc.toml");
        assert!(outputs.claim(&doc, &doc).is_err());
        assert!(outputs.claim(&dotted, &doc).is_err());
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.toml");
            std::os::unix::fs::symlink(&doc, &soft).unwrap();
            assert!(outputs.claim(&soft, &doc).is_err());
        }
        let hard = dir.path().join("hard.toml");
        std::fs::hard_link(&doc, &hard).unwrap();
        assert!(outputs.claim(&hard, &doc).is_err());
        assert!(outputs.claim(&dir.path().join("doc.pdf"), &doc).is_ok());
    }

    #[test]
    fn an_image_a_document_uses_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("qd.toml");
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/documents/ky-so/cong-van.toml"),
        )
        .unwrap();
        std::fs::write(&doc, &text).unwrap();
        let van_ban = vanban_core::parse(&text, vanban_core::DangTep::Toml).unwrap();
        let chu_ky = dir.path().join(van_ban.ky_so.as_ref().unwrap().chu_ky.duong_dan());
        std::fs::create_dir_all(chu_ky.parent().unwrap()).unwrap();
        std::fs::write(&chu_ky, b"png").unwrap();
        let outputs = Outputs::new(&[input(&doc)]);
        let err = outputs.claim(&chu_ky, &doc).unwrap_err();
        assert!(err[0].message.contains("ảnh"), "{}", err[0].message);
    }

    #[test]
    fn two_outputs_of_one_run_never_share_a_path() {
        let outputs = Outputs::default();
        let (a, b) = (Path::new("a.toml"), Path::new("b.toml"));
        assert!(outputs.claim(Path::new("out/x.png"), a).is_ok());
        assert!(outputs.claim(Path::new("out/./x.png"), b).is_err());
        assert!(outputs.claim(Path::new("out/x.png"), a).is_err());
        assert!(outputs.claim(Path::new("out/y.png"), a).is_ok());
    }
}
