//! The document files a run works on: the files named, and every document file under the
//! directories named, in a fixed order, optionally one shard of them.

use std::path::{Path, PathBuf};

use vanban_core::NgonNgu;

use crate::args::Shard;
use crate::report::say;

/// One document file of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file, as reached from the command line.
    pub path: PathBuf,
    /// The file relative to the directory it was found under (its name, for a file named
    /// on the command line): where `--out-dir` puts its PDF.
    pub rel: PathBuf,
    /// Found by walking a directory, not named: a file there that is not a vanban document
    /// (a `README.md`, a `Cargo.toml`, a `vanban.schema.json`) is skipped with a note instead
    /// of failing the run.
    pub from_dir: bool,
    /// The directory named on the command line it was found under: the root of the shared
    /// files (`dung_chung`) it may take keys from, unless `--goc` names another. `None` for
    /// a file named directly ([`Input::goc`] decides).
    pub dir_arg: Option<PathBuf>,
}

impl Input {
    /// The directory tree the file's shared files must be in (gốc: root): `goc` (`--goc`)
    /// when given; else the directory argument it was found under; for a file named
    /// directly, the current directory when the file is under it (so that a document in
    /// `examples/tron/` may name `../chung/x.toml`), else the file's own directory.
    pub fn goc(&self, goc: Option<&Path>) -> PathBuf {
        goc_cua(&self.path, goc.or(self.dir_arg.as_deref()))
    }
}

/// The root of the shared files of `path`, a file named directly (a document or a template):
/// `goc` when given; else the current directory when the file is under it (so that a document
/// in `examples/tron/` may name `../chung/x.toml`), else the file's own directory.
pub fn goc_cua(path: &Path, goc: Option<&Path>) -> PathBuf {
    if let Some(goc) = goc {
        return goc.to_path_buf();
    }
    let dir = crate::load::dir_of(path).to_path_buf();
    let (Ok(cwd), Ok(file)) = (std::env::current_dir(), std::fs::canonicalize(path)) else {
        return dir;
    };
    match std::fs::canonicalize(&cwd) {
        Ok(that) if file.starts_with(&that) => cwd,
        _ => dir,
    }
}

/// The files of a run.
#[derive(Debug, Default)]
pub struct FileSet {
    /// The files, sorted by path; only this shard's when sharded.
    pub files: Vec<Input>,
    /// Files left to other shards.
    pub other_shards: usize,
    /// What the walk passed over and why (a link to a directory, a FIFO), for the user.
    pub notes: Vec<String>,
}

/// The extensions of document files looked for in directories.
const EXTENSIONS: [&str; 4] = ["toml", "md", "markdown", "json"];

/// Collects the files named in `args`, walking directories (hidden entries skipped,
/// symbolic links to directories not followed), sorted by path with duplicates removed,
/// then keeps `shard`'s part: the files whose place in the sorted list is `i - 1` modulo
/// `n`. Every machine that sees the same tree makes the same split.
///
/// # Errors
/// A message for a directory that cannot be read or holds no document file. A file that
/// does not exist is kept: reading it fails later, as that file's own problem.
pub fn collect(args: &[PathBuf], shard: Option<Shard>, lang: NgonNgu) -> Result<FileSet, String> {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let before = files.len();
            walk(arg, arg, &mut Found { files: &mut files, notes: &mut notes }, lang)?;
            if files.len() == before {
                let shown = arg.display();
                return Err(say(
                    lang,
                    &format!(
                        "thư mục {shown} không có tệp văn bản nào (.toml, .md, .json)\ngợi ý: kiểm tra lại đường dẫn"
                    ),
                    &format!(
                        "the directory {shown} holds no document file (.toml, .md, .json)\nhelp: check the path"
                    ),
                ));
            }
        } else {
            let rel = arg.file_name().map(PathBuf::from).unwrap_or_else(|| arg.clone());
            files.push(Input { path: arg.clone(), rel, from_dir: false, dir_arg: None });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    let all = files.len();
    if let Some(Shard { index, count }) = shard {
        files =
            files.into_iter().enumerate().filter(|(i, _)| i % count == index - 1).map(|(_, f)| f).collect();
    }
    let other_shards = all - files.len();
    Ok(FileSet { files, other_shards, notes })
}

/// What a walk finds: document files, and notes on what it passed over.
struct Found<'a> {
    files: &'a mut Vec<Input>,
    notes: &'a mut Vec<String>,
}

fn walk(root: &Path, dir: &Path, out: &mut Found<'_>, lang: NgonNgu) -> Result<(), String> {
    let unreadable = |e: std::io::Error| {
        let (vi, en) = vanban_core::ly_do_io(&e);
        let shown = dir.display();
        say(
            lang,
            &format!("không đọc được thư mục {shown} ({vi})"),
            &format!("cannot read the directory {shown} ({en})"),
        )
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        let shown = path.display();
        if kind.is_dir() {
            walk(root, &path, out, lang)?;
        } else if kind.is_symlink() && path.is_dir() {
            out.notes.push(say(
                lang,
                &format!("bỏ qua {shown}: liên kết tới thư mục không được đi theo (ghi thẳng thư mục đó nếu cần)"),
                &format!("skipped {shown}: links to directories are not followed (name that directory itself if needed)"),
            ));
        } else if is_document(&path) && crate::merge::la_khuon(&path) {
            out.notes.push(say(
                lang,
                &format!("bỏ qua {shown}: đây là mẫu trộn, dùng render merge {shown} --data DU_LIEU"),
                &format!("skipped {shown}: a template, for render merge {shown} --data DATA"),
            ));
        } else if is_document(&path) {
            if path.is_file() {
                let rel = path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.clone());
                out.files.push(Input { path, rel, from_dir: true, dir_arg: Some(root.to_path_buf()) });
            } else {
                out.notes.push(say(
                    lang,
                    &format!("bỏ qua {shown}: không phải tệp thường (ống dẫn, thiết bị hoặc liên kết hỏng)"),
                    &format!("skipped {shown}: not a regular file (a pipe, a device or a broken link)"),
                ));
            }
        }
    }
    Ok(())
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.toml", "a.md", "sub/c.toml", "sub/d.TOML", "notes.txt", ".hidden/e.toml", "sub/.f.toml"]
        {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        dir
    }

    fn rels(set: &FileSet) -> Vec<String> {
        set.files.iter().map(|f| f.rel.to_string_lossy().replace('\\', "/")).collect()
    }

    #[test]
    fn directories_are_walked_in_order_without_hidden_or_other_files() {
        let dir = tree();
        let set = collect(&[dir.path().to_path_buf()], None, NgonNgu::Vi).unwrap();
        assert_eq!(rels(&set), ["a.md", "b.toml", "sub/c.toml", "sub/d.TOML"]);
    }

    #[test]
    fn a_file_named_twice_is_rendered_once() {
        let dir = tree();
        let b = dir.path().join("b.toml");
        let set = collect(&[b.clone(), dir.path().to_path_buf(), b], None, NgonNgu::Vi).unwrap();
        assert_eq!(set.files.len(), 4);
    }

    #[test]
    fn shards_split_the_set_exactly() {
        let dir = tree();
        let all = collect(&[dir.path().to_path_buf()], None, NgonNgu::Vi).unwrap().files;
        for count in 1..=6 {
            let mut seen = Vec::new();
            for index in 1..=count {
                let set =
                    collect(&[dir.path().to_path_buf()], Some(Shard { index, count }), NgonNgu::Vi).unwrap();
                assert_eq!(set.files.len() + set.other_shards, all.len());
                seen.extend(set.files);
            }
            seen.sort_by(|a, b| a.path.cmp(&b.path));
            assert_eq!(seen, all, "{count} shards");
        }
    }

    #[test]
    fn json_files_are_documents_of_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a.json", "sub/b.JSON", "vanban.schema.json", "c.jsonl"] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "{}").unwrap();
        }
        let set = collect(&[dir.path().to_path_buf()], None, NgonNgu::Vi).unwrap();
        // The schema is collected, and passed over when it does not read as a document.
        assert_eq!(rels(&set), ["a.json", "sub/b.JSON", "vanban.schema.json"]);
    }

    #[test]
    fn an_empty_directory_is_a_usage_error_and_a_missing_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let err = collect(&[dir.path().to_path_buf()], None, NgonNgu::Vi).unwrap_err();
        assert!(err.contains("không có tệp văn bản nào"), "{err}");
        let missing = dir.path().join("khong-co.toml");
        assert_eq!(
            collect(std::slice::from_ref(&missing), None, NgonNgu::Vi).unwrap().files[0].path,
            missing
        );
    }
}
