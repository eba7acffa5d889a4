//! Shared files (dùng chung): a document names, with `dung_chung`, files it takes keys and
//! tables from (an agency's `[co_quan]`, `dia_danh`, `[nguoi_ky]`, `[noi_nhan] luu`).
//!
//! The document and its shared files are read into one text, the document first, then each
//! shared file in the order of precedence; each is parsed on its own, its spans moved to
//! where it is in that text, and the tables merged. The document is then read from the
//! merged table as from one file, and a problem is placed in the file its value is written
//! in, on that file's lines.

use std::io::Read;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{CuPhap, DangTep, ViTri};
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, ma};
use crate::khoa::{self, Dang, Khoa, Kieu};
use crate::limits;

/// `dung_chung`: the shared files a document takes keys and tables from.
pub const DUNG_CHUNG: Khoa = Khoa {
    ten: "dung_chung",
    kieu: Kieu::DanhSach {
        dang: Dang::Khop(
            r"^([^\s/\\~A-Za-z].*|[A-Za-z]([^:].*)?)\.([tT][oO][mM][lL]|[jJ][sS][oO][nN])$",
            "relative path of a `.toml` or `.json` file",
        ),
        it_nhat: 0,
        muc: "Đường dẫn tương đối tới một tệp dùng chung .toml hoặc .json, tính từ thư mục của tệp ghi nó.",
        bang: None,
    },
    co_mat: khoa::tuy_chon,
    mo_ta: "Tệp dùng chung (hồ sơ của cơ quan) mà văn bản lấy khóa và bảng từ đó: [co_quan], dia_danh, [nguoi_ky], [noi_nhan] luu … Đường dẫn tương đối tính từ thư mục của tệp ghi nó, tới tệp .toml hoặc .json trong thư mục gốc (thư mục ghi trên dòng lệnh, hoặc --goc). Khóa văn bản tự ghi được giữ, các bảng được gộp từng khóa một; trong một danh sách, tệp ghi trước được ưu tiên hơn tệp ghi sau.",
    mo_ta_en: "Shared files (an agency's profile) the document takes keys and tables from: [co_quan], dia_danh, [nguoi_ky], [noi_nhan] luu … A path relative to the directory of the file that names it, to a .toml or .json file inside the root directory (the directory given on the command line, or --goc). The document's own values win and tables merge key by key; in a list, earlier files win over later ones.",
    vi_du: "\"../chung/ubnd-xa.toml\"",
    thay_the: ("", ""),
};

/// The text of a document and of the shared files it takes keys from, read once: what its
/// table, its places ([`ViTri`]) and its problems are made from.
///
/// The document's text comes first, then (each after a line break) the text of each shared
/// file, in the order of precedence: the document's own values win over every shared
/// file's; of the files in a list, an earlier one (with the files it names) wins over a
/// later one; a shared file's own values win over those of the files it names. A file named
/// twice is read once, where it comes first.
///
/// # Example
/// ```
/// # let dir = std::env::temp_dir().join(format!("vanban-nguon-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(dir.join("chung"))?;
/// # let cong_van = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cong-van.toml"))?;
/// // A profile holds the place name; the document names it instead of writing its own.
/// std::fs::write(dir.join("chung/xa.toml"), "dia_danh = \"Sìn Hồ\"\n")?;
/// let doc = cong_van.replace("dia_danh = \"Phong Thổ\"", "dung_chung = \"chung/xa.toml\"");
/// std::fs::write(dir.join("cv.toml"), doc)?;
/// let (van_ban, vi_tri, nguon) = vanban_core::doc_tep(&dir.join("cv.toml"), &dir)?;
/// assert_eq!(van_ban.dia_danh.as_deref(), Some("Sìn Hồ"));
/// let at = vi_tri.gia_tri("dia_danh").unwrap();
/// assert_eq!(&nguon.text()[at.clone()], "\"Sìn Hồ\"");
/// assert!(vi_tri.tep_cua(at.start).unwrap().ends_with("chung/xa.toml"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Nguon {
    /// The document's text (without a byte-order mark), then each shared file's.
    text: String,
    /// The files of `text`, the document first.
    doan: Vec<Doan>,
    /// Read from a file, so that the shared files it names were followed.
    tu_tep: bool,
}

/// One file of a [`Nguon`].
#[derive(Debug, Clone)]
struct Doan {
    /// Where its text is in the whole text.
    vung: Range<usize>,
    /// Its form.
    dang: DangTep,
    /// Its name as shown to the user: the document's path as given, a shared file's as
    /// reached from it (`../chung/ubnd-xa.toml`).
    ten: String,
    /// Its canonical path, to tell files apart; empty for a text with no file.
    that: PathBuf,
}

impl Nguon {
    /// The document `source` of form `dang`, read from text alone: it may not name shared
    /// files (there is no path to find them from).
    pub(crate) fn mot(source: &str, dang: DangTep) -> Nguon {
        let text = source.strip_prefix('\u{feff}').unwrap_or(source).to_owned();
        let doan = vec![Doan { vung: 0..text.len(), dang, ten: String::new(), that: PathBuf::new() }];
        Nguon { text, doan, tu_tep: false }
    }

    /// Reads the document file `path` (its form from its name, [`DangTep::from_path`]) and
    /// every shared file it names, in turn, under the directory `goc` (gốc: root): a shared
    /// file must be inside that tree.
    ///
    /// # Errors
    /// The document file that cannot be read, is over [`FILE_BYTES`](limits::FILE_BYTES)
    /// or is not UTF-8; every syntax error of each file; and each shared file that cannot be
    /// taken: a `dung_chung` that is not a path or a list of paths, a path that is absolute
    /// or leaves `goc` (by `..` or by a symbolic link), a file that is not `.toml` or `.json`,
    /// is missing or unreadable, too big or not UTF-8, files that name each other in a
    /// circle, more than [`DUNG_CHUNG_TEP`](limits::DUNG_CHUNG_TEP) files or a chain deeper
    /// than [`DUNG_CHUNG_SAU`](limits::DUNG_CHUNG_SAU). Each is placed where the path is
    /// written, in the file that writes it.
    pub fn tai(path: &Path, goc: &Path) -> Result<Nguon, Diagnostics> {
        let one = |d: Diagnostic| Diagnostics(vec![d]);
        let bytes = doc_bytes_tep(path).map_err(|e| match e {
            LoiDoc::Io(e) => {
                let (vi, en) = crate::ly_do_io(&e);
                one(Diagnostic::new(format!("không đọc được tệp ({vi})"))
                    .en(format!("cannot read the file ({en})")))
            }
            LoiDoc::QuaLon(size) => one(super::tep_qua_lon(size)),
        })?;
        let text = super::utf8(&bytes).map_err(|d| one(*d))?;
        let mut nguon = Nguon::mot(text, DangTep::from_path(path));
        nguon.tu_tep = true;
        nguon.doan[0].ten = path.display().to_string();
        // A key spelt `dung_chung` in the text, or with an escape (`dung\u005fchung`).
        if !(text.contains(DUNG_CHUNG.ten) || text.contains("\\u") || text.contains("\\U")) {
            return Ok(nguon);
        }
        nguon.doan[0].that = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let mut tai = Tai { nguon, goc, goc_that: std::fs::canonicalize(goc), loi: Vec::new() };
        tai.theo(0, &mut Vec::new());
        if tai.loi.is_empty() { Ok(tai.nguon) } else { Err(Diagnostics(tai.loi)) }
    }

    /// The whole text: the document's (without a byte-order mark), then each shared file's,
    /// each after a line break. The offsets of the [`ViTri`] made from it are in this text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// [`Nguon::text`], owned.
    pub fn into_text(self) -> String {
        self.text
    }

    /// The shared files read, in the order of precedence, as shown in messages.
    pub fn cac_tep(&self) -> impl Iterator<Item = &str> {
        self.doan[1..].iter().map(|d| d.ten.as_str())
    }

    /// The shared files: where each starts in [`Nguon::text`], and its name.
    fn cac_phan(&self) -> Vec<(usize, String)> {
        self.doan[1..].iter().map(|d| (d.vung.start, d.ten.clone())).collect()
    }

    /// The index of the whole text, placing each problem in its file.
    pub(crate) fn index(&self) -> LineIndex<'_> {
        LineIndex::voi_tep(&self.text, self.cac_phan())
    }

    /// The places of the table of `cu_phap` (made by [`Nguon::cu_phap`]), with the files
    /// they are in.
    pub(crate) fn vi_tri(&self, cu_phap: &CuPhap<'_>) -> ViTri {
        let mut vi_tri = ViTri::tu_bang(cu_phap.bang.get_ref(), cu_phap.offset, cu_phap.than);
        vi_tri.them_tep(self.cac_phan());
        vi_tri
    }

    /// The syntax of the document with its shared files merged in: one table, whose spans
    /// are offsets in `text` (which starts at byte `offset` of [`Nguon::text`]), without the
    /// key `dung_chung`.
    ///
    /// # Errors
    /// The syntax errors of each file; `dung_chung` in a document read without its path.
    pub(crate) fn cu_phap(&self) -> Result<CuPhap<'_>, Diagnostics> {
        let doc = &self.doan[0];
        let doc_text = &self.text[doc.vung.clone()];
        let mut cu_phap = super::cu_phap(doc_text, doc.dang, &LineIndex::new(doc_text))?;
        if !self.tu_tep
            && let Some((key, _)) = cu_phap.bang.get_ref().get_key_value(DUNG_CHUNG.ten)
        {
            let at = cu_phap.offset + key.span().start;
            return Err(Diagnostics(vec![LineIndex::new(doc_text).place(can_duong_dan(), at)]));
        }
        cu_phap.bang.get_mut().remove(DUNG_CHUNG.ten);
        let mut loi = Vec::new();
        for d in &self.doan[1..] {
            let text = &self.text[d.vung.clone()];
            match super::cu_phap(text, d.dang, &LineIndex::cua_tep(text, Some(d.ten.clone()))) {
                Ok(phan) => {
                    let mut bang = phan.bang.into_inner();
                    bang.remove(DUNG_CHUNG.ten);
                    doi_bang(&mut bang, d.vung.start + phan.offset - cu_phap.offset);
                    gop(cu_phap.bang.get_mut(), bang);
                }
                Err(e) => loi.extend(e.0),
            }
        }
        if !loi.is_empty() {
            return Err(Diagnostics(loi));
        }
        cu_phap.text = &self.text[cu_phap.offset..];
        Ok(cu_phap)
    }
}

/// The problem of `dung_chung` in a document read without its path.
fn can_duong_dan() -> Diagnostic {
    Diagnostic::new("văn bản đọc từ nội dung, không có đường dẫn tệp, nên không tìm được tệp dùng chung")
        .ma(ma::CAN_DUONG_DAN)
        .en("the document is read from its text, without a file path, so its shared files cannot be found")
        .with_key(DUNG_CHUNG.ten)
        .with_hint("đọc văn bản từ tệp của nó (render TỆP, hoặc vanban_core::doc_tep), hoặc ghi thẳng các khóa vào văn bản")
        .hint_en("read the document from its file (render FILE, or vanban_core::doc_tep), or write the keys in the document itself")
}

/// Why a file could not be read.
enum LoiDoc {
    /// The system's error.
    Io(std::io::Error),
    /// Its size in bytes, over [`FILE_BYTES`](limits::FILE_BYTES).
    QuaLon(u64),
}

/// The bytes of the file at `path`, at most [`FILE_BYTES`](limits::FILE_BYTES); a larger
/// file is refused unread, and one whose size is not known in advance (a pipe) is read no
/// further than the limit.
fn doc_bytes_tep(path: &Path) -> Result<Vec<u8>, LoiDoc> {
    let file = std::fs::File::open(path).map_err(LoiDoc::Io)?;
    let size = file.metadata().map_err(LoiDoc::Io)?.len();
    if size > limits::FILE_BYTES as u64 {
        return Err(LoiDoc::QuaLon(size));
    }
    let mut bytes = Vec::new();
    file.take(limits::FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(LoiDoc::Io)?;
    if bytes.len() > limits::FILE_BYTES {
        return Err(LoiDoc::QuaLon(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The shared files being read (tải: load) into a [`Nguon`].
struct Tai<'g> {
    nguon: Nguon,
    /// The root, as given.
    goc: &'g Path,
    /// The root, canonical.
    goc_that: std::io::Result<PathBuf>,
    /// Every problem found.
    loi: Vec<Diagnostic>,
}

impl Tai<'_> {
    /// Reads the shared files file `i` names, then those each names, depth first; `chain`
    /// holds the files that led to `i`.
    fn theo(&mut self, i: usize, chain: &mut Vec<usize>) {
        let d = &self.nguon.doan[i];
        let ten = (i > 0).then(|| d.ten.clone());
        let paths = match cac_duong_dan(&self.nguon.text[d.vung.clone()], d.dang, ten) {
            Ok(paths) => paths,
            Err(loi) => return self.loi.extend(loi),
        };
        chain.push(i);
        for (rel, at) in paths {
            match self.mot_tep(i, &rel, chain) {
                Ok(Some(j)) => self.theo(j, chain),
                Ok(None) => {}
                Err(TaiLoi::O(d)) => {
                    let d = self.dat(i, *d, at);
                    self.loi.push(d);
                }
                Err(TaiLoi::Trong(d)) => self.loi.push(*d),
            }
        }
        chain.pop();
    }

    /// Places `d` at byte `at` of file `i`'s text.
    fn dat(&self, i: usize, d: Diagnostic, at: usize) -> Diagnostic {
        let doan = &self.nguon.doan[i];
        let ten = (i > 0).then(|| doan.ten.clone());
        LineIndex::cua_tep(&self.nguon.text[doan.vung.clone()], ten).place(d, at)
    }

    /// Takes the shared file `rel`, named by file `i` (after the files of `chain`): its
    /// index in the [`Nguon`], or `None` when it was read already.
    fn mot_tep(&mut self, i: usize, rel: &str, chain: &[usize]) -> Result<Option<usize>, TaiLoi> {
        let ten = ten_hien(&self.nguon.doan[i].ten, rel);
        let that = self.tim(i, rel, &ten)?;
        if let Some(k) = chain.iter().position(|&k| self.nguon.doan[k].that == that) {
            let mut vong: Vec<&str> = chain[k..].iter().map(|&k| self.nguon.doan[k].ten.as_str()).collect();
            vong.push(&ten);
            let vong = vong.join(" → ");
            return Err(TaiLoi::o(
                Diagnostic::new(format!("các tệp dùng chung ghi tên nhau thành vòng tròn: {vong}"))
                    .ma(ma::VONG_LAP)
                    .en(format!("shared files name each other in a circle: {vong}"))
                    .with_hint("bỏ một dung_chung trong vòng để mỗi tệp chỉ lấy khóa từ tệp ở dưới nó")
                    .hint_en("remove one dung_chung of the circle, so that each file takes keys only from files below it"),
            ));
        }
        if self.nguon.doan.iter().any(|d| d.that == that) {
            return Ok(None);
        }
        self.gioi_han(chain)?;
        let bytes = doc_bytes_tep(&that).map_err(|e| match e {
            LoiDoc::Io(e) => khong_doc_duoc(&ten, &e),
            LoiDoc::QuaLon(size) => {
                TaiLoi::Trong(Box::new(Diagnostic { tep: Some(ten.clone()), ..super::tep_qua_lon(size) }))
            }
        })?;
        let text = super::utf8(&bytes)
            .map_err(|d| TaiLoi::Trong(Box::new(Diagnostic { tep: Some(ten.clone()), ..*d })))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let nguon = &mut self.nguon;
        nguon.text.push('\n');
        let start = nguon.text.len();
        nguon.text.push_str(text);
        let dang = DangTep::from_path(&that);
        nguon.doan.push(Doan { vung: start..nguon.text.len(), dang, ten, that });
        Ok(Some(nguon.doan.len() - 1))
    }

    /// The limits on the number of shared files and on the depth of a chain, for a file
    /// named after `chain`.
    fn gioi_han(&self, chain: &[usize]) -> Result<(), TaiLoi> {
        let (tep, sau) = (limits::DUNG_CHUNG_TEP, limits::DUNG_CHUNG_SAU);
        let (vi, en) = if self.nguon.doan.len() > tep {
            (
                format!("văn bản lấy khóa từ quá {tep} tệp dùng chung"),
                format!("the document takes keys from more than {tep} shared files"),
            )
        } else if chain.len() > sau {
            (
                format!(
                    "chuỗi tệp dùng chung sâu quá {sau} tầng (tệp này ghi tên tệp khác, tệp đó lại ghi tên tệp khác …)"
                ),
                format!(
                    "the chain of shared files is more than {sau} deep (a file names another, which names another …)"
                ),
            )
        } else {
            return Ok(());
        };
        Err(TaiLoi::o(
            Diagnostic::new(vi)
                .ma(ma::QUA_GIOI_HAN)
                .en(en)
                .with_hint("gộp các tệp dùng chung lại thành ít tệp hơn")
                .hint_en("merge the shared files into fewer files"),
        ))
    }

    /// The canonical path of the shared file `rel`, named by file `i` and shown as `ten`,
    /// once it is known to be a `.toml` or `.json` file inside the root.
    fn tim(&self, i: usize, rel: &str, ten: &str) -> Result<PathBuf, TaiLoi> {
        let ngoai = |vi: String, en: String| {
            let goc = self.goc.display();
            TaiLoi::o(
                Diagnostic::new(vi).ma(ma::NGOAI_GOC).en(en)
                    .with_hint(format!("tệp dùng chung phải nằm trong thư mục gốc {goc}: chuyển tệp vào đó, hoặc chọn thư mục gốc chứa cả văn bản lẫn tệp dùng chung bằng --goc THƯ_MỤC"))
                    .hint_en(format!("shared files must be inside the root directory {goc}: move the file there, or choose a root that holds both the document and its shared files with --goc DIR")),
            )
        };
        if tuyet_doi(rel) {
            return Err(ngoai(
                format!("“{rel}” là đường dẫn tuyệt đối; tệp dùng chung ghi bằng đường dẫn tương đối"),
                format!("“{rel}” is an absolute path; name a shared file by a relative path"),
            ));
        }
        let duoi = Path::new(rel).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if !matches!(duoi.as_deref(), Some("toml" | "json")) {
            return Err(TaiLoi::o(
                Diagnostic::new(format!("tệp dùng chung “{rel}” phải là tệp .toml hoặc .json"))
                    .ma(ma::GIA_TRI)
                    .en(format!("the shared file “{rel}” must be a .toml or .json file"))
                    .with_hint("ghi các khóa dùng chung vào một tệp .toml, ví dụ ../chung/ubnd-xa.toml")
                    .hint_en("write the shared keys in a .toml file, such as ../chung/ubnd-xa.toml"),
            ));
        }
        let goc = match &self.goc_that {
            Ok(goc) => goc,
            Err(e) => {
                let (vi, en) = crate::ly_do_io(e);
                let goc = self.goc.display();
                return Err(ngoai(
                    format!("không đọc được thư mục gốc {goc} ({vi})"),
                    format!("cannot read the root directory {goc} ({en})"),
                ));
            }
        };
        let dir = self.nguon.doan[i].that.parent().unwrap_or(Path::new(""));
        let noi = gon(&dir.join(rel));
        if !noi.starts_with(goc) {
            return Err(ngoai(
                format!("“{rel}” đi ra ngoài thư mục gốc {}", self.goc.display()),
                format!("“{rel}” leads out of the root directory {}", self.goc.display()),
            ));
        }
        let that = std::fs::canonicalize(&noi).map_err(|e| khong_doc_duoc(ten, &e))?;
        if !that.starts_with(goc) {
            return Err(ngoai(
                format!("“{rel}” là liên kết tới một tệp ngoài thư mục gốc {}", self.goc.display()),
                format!("“{rel}” is a link to a file outside the root directory {}", self.goc.display()),
            ));
        }
        Ok(that)
    }
}

/// A problem met while reading shared files.
enum TaiLoi {
    /// About the path: placed where it is written.
    O(Box<Diagnostic>),
    /// About the file itself (too big, not UTF-8): already placed in it.
    Trong(Box<Diagnostic>),
}

impl TaiLoi {
    /// A problem about the path.
    fn o(d: Diagnostic) -> TaiLoi {
        TaiLoi::O(Box::new(d))
    }
}

/// The shared file `ten` cannot be read.
fn khong_doc_duoc(ten: &str, e: &std::io::Error) -> TaiLoi {
    let (vi, en) = crate::ly_do_io(e);
    TaiLoi::o(
        Diagnostic::new(format!("không đọc được tệp dùng chung {ten} ({vi})"))
            .ma(ma::KHONG_DOC_DUOC)
            .en(format!("cannot read the shared file {ten} ({en})"))
            .with_hint("kiểm tra đường dẫn: nó tính từ thư mục của tệp ghi dung_chung")
            .hint_en("check the path: it is relative to the directory of the file that writes dung_chung"),
    )
}

/// The paths the file `text` (of form `dang`, named `ten` when it is a shared file) gives in
/// `dung_chung`, each with where it is written in `text`.
fn cac_duong_dan(
    text: &str,
    dang: DangTep,
    ten: Option<String>,
) -> Result<Vec<(String, usize)>, Vec<Diagnostic>> {
    let index = LineIndex::cua_tep(text, ten);
    let cu_phap = super::cu_phap(text, dang, &index).map_err(|e| e.0)?;
    let Some(v) = cu_phap.bang.get_ref().get(DUNG_CHUNG.ten) else { return Ok(Vec::new()) };
    let sai = |at: usize, key: String| {
        let d = Diagnostic::new("dung_chung phải là đường dẫn tới một tệp, hoặc danh sách các đường dẫn")
            .ma(ma::SAI_KIEU)
            .en("dung_chung must be the path of a file, or a list of paths")
            .with_key(key)
            .with_hint("dung_chung = \"../chung/ubnd-xa.toml\"")
            .hint_en("dung_chung = \"../chung/ubnd-xa.toml\"");
        index.place(d, cu_phap.offset + at)
    };
    let items: Vec<(String, &Spanned<DeValue<'_>>)> = match v.get_ref() {
        DeValue::Array(items) => {
            items.iter().enumerate().map(|(n, item)| (format!("{}[{n}]", DUNG_CHUNG.ten), item)).collect()
        }
        _ => vec![(DUNG_CHUNG.ten.to_owned(), v)],
    };
    let mut paths = Vec::new();
    let mut loi = Vec::new();
    for (key, item) in items {
        match item.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                paths.push((s.to_string(), cu_phap.offset + item.span().start))
            }
            _ => loi.push(sai(item.span().start, key)),
        }
    }
    if loi.is_empty() { Ok(paths) } else { Err(loi) }
}

/// Whether `rel` is an absolute path, here or on another system: from `/`, `\`, `~` or a
/// drive (`C:`).
fn tuyet_doi(rel: &str) -> bool {
    let b = rel.as_bytes();
    Path::new(rel).has_root()
        || rel.starts_with(['/', '\\', '~'])
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// How the shared file `rel`, named by the file shown as `tu`, is shown: joined to that
/// file's directory, without `.` and `name/..` (`examples/tron/doc.toml` and
/// `../chung/x.toml` give `examples/chung/x.toml`).
fn ten_hien(tu: &str, rel: &str) -> String {
    let dir = Path::new(tu).parent().unwrap_or(Path::new(""));
    gon(&dir.join(rel)).display().to_string()
}

/// `path` without `.` and `name/..`, without looking at the disk; a leading `..` stays.
fn gon(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out.iter().collect()
}

/// Merges `duoi` (a file of lower precedence) into `tren`: a key `tren` lacks is taken; a
/// table both have is merged key by key; anything else `tren` has stays as it is.
fn gop<'i>(tren: &mut DeTable<'i>, duoi: DeTable<'i>) {
    for (key, value) in duoi {
        match tren.get_mut(key.get_ref().as_ref()) {
            Some(cur) => {
                if let (DeValue::Table(a), DeValue::Table(b)) = (cur.get_mut(), value.into_inner()) {
                    gop(a, b);
                }
            }
            None => {
                tren.insert(key, value);
            }
        }
    }
}

/// Moves every span of `table` (keys and values, at any depth) `by` bytes on.
fn doi_bang(table: &mut DeTable<'_>, by: usize) {
    let cu = std::mem::take(table);
    *table = cu
        .into_iter()
        .map(|(key, mut value)| {
            let span = key.span();
            doi(&mut value, by);
            (Spanned::new(span.start + by..span.end + by, key.into_inner()), value)
        })
        .collect();
}

/// Moves every span of `value` (its own, and those inside it) `by` bytes on.
fn doi(value: &mut Spanned<DeValue<'_>>, by: usize) {
    let span = value.span();
    let mut inner = std::mem::replace(value.get_mut(), DeValue::Boolean(false));
    match &mut inner {
        DeValue::Table(t) => doi_bang(t, by),
        DeValue::Array(items) => items.iter_mut().for_each(|item| doi(item, by)),
        _ => {}
    }
    *value = Spanned::new(span.start + by..span.end + by, inner);
}
