//! The data of `render merge`: a CSV file, a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`) or a
//! JSON array of objects, read into columns and rows.
//!
//! Values keep their meaning: CSV cells are text exactly as typed; a workbook's text cell is
//! text, a whole number an integer, a date cell an ISO date (`2026-01-15`, with
//! `T08:30:00` when it has a time), a true/false cell a bool, an empty cell `""`; JSON values
//! stay as they are. Every row has every column. Rows with nothing in them are left out.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, ExcelDateTime, Reader};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use vanban_core::limits::{DATA_BYTES, DATA_CELLS, DATA_COLUMNS, DATA_ROWS};

/// A data file read: its columns and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DuLieu {
    /// The column names, in the file's order, as written in the header (trimmed).
    pub cot: Vec<String>,
    /// The rows with anything in them.
    pub dong: Vec<Dong>,
}

/// One row: the number the user sees for it and its values by column.
#[derive(Debug, Clone, PartialEq)]
pub struct Dong {
    /// The row's number as the user sees it: the spreadsheet row (the header is row 1, so
    /// the first data row is 2), the line of a CSV record's first line, or the place from 1
    /// of the object in a JSON array.
    pub so: usize,
    /// The row's value in every column.
    pub gia_tri: Map<String, Value>,
}

/// Why a data file could not be read: the file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.noi(false))]
pub struct LoiDuLieu {
    /// The file.
    pub tep: PathBuf,
    /// The row as the user sees it, when the problem is in one.
    pub dong: Option<usize>,
    /// The column's name, when the problem is in one named column.
    pub cot: Option<String>,
    /// What is wrong.
    pub loai: LoaiLoi,
}

/// What is wrong with a data file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoaiLoi {
    /// The file could not be read (Vietnamese and English reasons).
    Doc(String, String),
    /// The file's extension is not one read here.
    DangLa(String),
    /// `--sheet` was given for a file that is not a workbook.
    SheetKhongDung,
    /// The file is larger than [`DATA_BYTES`].
    QuaLon,
    /// A CSV file that is not UTF-8 text.
    KhongPhaiUtf8,
    /// A CSV file that cannot be parsed.
    Csv(String),
    /// A workbook that cannot be opened.
    BangTinh(String),
    /// No sheet has the name asked for.
    KhongCoTrang {
        /// The name asked for.
        ten: String,
        /// The sheets there are.
        co: Vec<String>,
    },
    /// Nothing in the file, not even a header.
    KhongCoTieuDe,
    /// A cell (`C17`) holds data under a header cell that is empty.
    TenCotTrong(String),
    /// Two columns (letters) have the same name.
    TrungTenCot {
        /// The name.
        ten: String,
        /// The first column's letters.
        dau: String,
        /// The second column's letters.
        sau: String,
    },
    /// A cell (`C17`) holds an error value (`#DIV/0!`) or a number JSON cannot hold.
    OLoi(String, String),
    /// More rows than [`DATA_ROWS`].
    QuaNhieuDong,
    /// More columns than [`DATA_COLUMNS`].
    QuaNhieuCot,
    /// More cells than [`DATA_CELLS`].
    QuaNhieuO,
    /// Text that is not JSON.
    Json(String),
    /// The JSON is not an array (what it is, in Vietnamese and English).
    JsonKhongPhaiMang(&'static str, &'static str),
    /// An element of the array is not an object (what it is).
    JsonKhongPhaiDoiTuong(&'static str, &'static str),
    /// An object names the same key twice.
    JsonTrungKhoa,
}

impl LoiDuLieu {
    /// The message in English.
    #[cfg(test)]
    pub fn en(&self) -> String {
        self.noi(true)
    }

    /// `ds.xlsx:17: cột ngay_sinh: …`, in Vietnamese or English.
    fn noi(&self, en: bool) -> String {
        let mut out = self.tep.display().to_string();
        if let Some(dong) = self.dong {
            out.push_str(&format!(":{dong}"));
        }
        if let Some(cot) = &self.cot {
            out.push_str(&if en { format!(": column {cot}") } else { format!(": cột {cot}") });
        }
        let (vi, en_text) = self.loai.loi();
        out.push_str(": ");
        out.push_str(if en { &en_text } else { &vi });
        out
    }
}

impl LoaiLoi {
    /// What is wrong and what to do, in Vietnamese and English.
    pub fn loi(&self) -> (String, String) {
        let s = |vi: &str, en: &str| (vi.to_owned(), en.to_owned());
        match self {
            Self::Doc(vi, en) => {
                (format!("không đọc được tệp dữ liệu ({vi})"), format!("cannot read the data file ({en})"))
            }
            Self::DangLa(duoi) => (
                format!(
                    "không đọc được dữ liệu dạng “{duoi}”: dùng tệp .csv, .xlsx, .xlsm, .xls, .ods hoặc .json"
                ),
                format!(
                    "cannot read data of the kind “{duoi}”: use a .csv, .xlsx, .xlsm, .xls, .ods or .json file"
                ),
            ),
            Self::SheetKhongDung => s(
                "--sheet chỉ dùng với bảng tính (.xlsx, .xlsm, .xls, .ods): bỏ --sheet",
                "--sheet is for workbooks only (.xlsx, .xlsm, .xls, .ods): leave --sheet out",
            ),
            Self::QuaLon => (
                format!("tệp dữ liệu lớn hơn {} MiB: chia danh sách thành nhiều tệp", DATA_BYTES >> 20),
                format!(
                    "the data file is larger than {} MiB: split the list into several files",
                    DATA_BYTES >> 20
                ),
            ),
            Self::KhongPhaiUtf8 => s(
                "tệp CSV không phải văn bản UTF-8: trong Excel chọn Lưu thành › “CSV UTF-8”, hoặc lưu thành .xlsx",
                "the CSV file is not UTF-8 text: in Excel choose Save As › “CSV UTF-8”, or save it as .xlsx",
            ),
            Self::Csv(e) => (format!("không đọc được CSV ({e})"), format!("cannot read the CSV ({e})")),
            Self::BangTinh(e) => (
                format!("không mở được bảng tính ({e}): mở lại trong Excel hoặc LibreOffice và lưu lại"),
                format!("cannot open the workbook ({e}): open it in Excel or LibreOffice and save it again"),
            ),
            Self::KhongCoTrang { ten, co } => {
                let list = co.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join(", ");
                let gan = gan_nhat(ten, co);
                let (goi_y, hint) = gan.map_or_else(Default::default, |g| {
                    (format!(" (có phải “{g}”?)"), format!(" (did you mean “{g}”?)"))
                });
                (
                    format!("không có trang tính “{ten}”{goi_y}: các trang là {list}"),
                    format!("there is no sheet “{ten}”{hint}: the sheets are {list}"),
                )
            }
            Self::KhongCoTieuDe => s(
                "tệp dữ liệu trống: dòng đầu tiên phải là tên các cột",
                "the data file is empty: its first row must name the columns",
            ),
            Self::TenCotTrong(o) => {
                let cot = o.trim_end_matches(|c: char| c.is_ascii_digit());
                (
                    format!(
                        "ô {o} có dữ liệu nhưng cột {cot} không có tên ở dòng tiêu đề: đặt tên cột hoặc xóa dữ liệu"
                    ),
                    format!(
                        "cell {o} holds data but column {cot} has no name in the header: name the column or delete the data"
                    ),
                )
            }
            Self::TrungTenCot { ten, dau, sau } => (
                format!("hai cột {dau} và {sau} cùng tên “{ten}”: đổi tên một cột"),
                format!("columns {dau} and {sau} have the same name “{ten}”: rename one of them"),
            ),
            Self::OLoi(o, loi) => (
                format!("ô {o} có giá trị lỗi {loi}: sửa công thức hoặc nhập giá trị"),
                format!("cell {o} holds the error value {loi}: fix the formula or type a value"),
            ),
            Self::QuaNhieuDong => (
                format!("dữ liệu có hơn {DATA_ROWS} dòng: chia danh sách thành nhiều tệp"),
                format!("the data has more than {DATA_ROWS} rows: split the list into several files"),
            ),
            Self::QuaNhieuCot => (
                format!("dữ liệu có hơn {DATA_COLUMNS} cột: bỏ các cột không dùng"),
                format!("the data has more than {DATA_COLUMNS} columns: remove the columns not used"),
            ),
            Self::QuaNhieuO => (
                format!("dữ liệu có hơn {DATA_CELLS} ô: bỏ các cột, dòng không dùng"),
                format!("the data has more than {DATA_CELLS} cells: remove the rows and columns not used"),
            ),
            Self::Json(e) => (format!("không đọc được JSON ({e})"), format!("cannot read the JSON ({e})")),
            Self::JsonKhongPhaiMang(vi, en) => (
                format!("JSON phải là một mảng các đối tượng ([{{\"ho_ten\": …}}, …]), ở đây là {vi}"),
                format!("the JSON must be an array of objects ([{{\"ho_ten\": …}}, …]), here it is {en}"),
            ),
            Self::JsonKhongPhaiDoiTuong(vi, en) => (
                format!("mỗi phần tử của mảng phải là một đối tượng ({{\"ho_ten\": …}}), ở đây là {vi}"),
                format!("each element of the array must be an object ({{\"ho_ten\": …}}), here it is {en}"),
            ),
            Self::JsonTrungKhoa => {
                s("đối tượng có khóa này hai lần: bỏ một", "the object has this key twice: remove one")
            }
        }
    }
}

/// The sheet name nearest to `ten`, if one is near.
fn gan_nhat<'a>(ten: &str, co: &'a [String]) -> Option<&'a str> {
    let ten = ten.trim().to_lowercase();
    co.iter()
        .map(|c| (strsim::jaro_winkler(&c.trim().to_lowercase(), &ten), c.as_str()))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A problem found while reading, before the file is named.
#[derive(Debug)]
struct Sai {
    dong: Option<usize>,
    cot: Option<String>,
    loai: LoaiLoi,
}

impl From<LoaiLoi> for Sai {
    fn from(loai: LoaiLoi) -> Self {
        Sai { dong: None, cot: None, loai }
    }
}

impl Sai {
    fn o_dong(dong: usize, loai: LoaiLoi) -> Self {
        Sai { dong: Some(dong), cot: None, loai }
    }
}

/// The kinds of data file, by extension.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dang {
    Csv,
    Xlsx,
    Xls,
    Ods,
    Json,
}

/// Reads the data file at `path`: its kind from its extension (case does not matter), the
/// first sheet of a workbook or the one named `sheet`.
pub fn doc_du_lieu(path: &Path, sheet: Option<&str>) -> Result<DuLieu, Box<LoiDuLieu>> {
    doc(path, sheet)
        .map_err(|s| Box::new(LoiDuLieu { tep: path.to_owned(), dong: s.dong, cot: s.cot, loai: s.loai }))
}

fn doc(path: &Path, sheet: Option<&str>) -> Result<DuLieu, Sai> {
    let duoi = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let dang = match duoi.as_str() {
        "csv" => Dang::Csv,
        "xlsx" | "xlsm" => Dang::Xlsx,
        "xls" => Dang::Xls,
        "ods" => Dang::Ods,
        "json" => Dang::Json,
        _ => return Err(LoaiLoi::DangLa(format!(".{duoi}")).into()),
    };
    if sheet.is_some() && matches!(dang, Dang::Csv | Dang::Json) {
        return Err(LoaiLoi::SheetKhongDung.into());
    }
    let bytes = doc_tep(path)?;
    match dang {
        Dang::Csv => tu_bang(doc_csv(&bytes)?),
        Dang::Json => doc_json(&bytes),
        Dang::Xlsx => tu_bang(doc_xlsx(bytes, sheet)?),
        Dang::Xls | Dang::Ods => tu_bang(doc_bang_tinh(bytes, sheet, dang)?),
    }
}

/// The file's bytes, at most [`DATA_BYTES`] of them.
fn doc_tep(path: &Path) -> Result<Vec<u8>, Sai> {
    let io = |e: std::io::Error| {
        let (vi, en) = vanban_core::ly_do_io(&e);
        Sai::from(LoaiLoi::Doc(vi, en))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(DATA_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > DATA_BYTES {
        return Err(LoaiLoi::QuaLon.into());
    }
    Ok(bytes)
}

/// One cell that holds something: a value, or an error value (`#DIV/0!`).
#[derive(Debug, Clone, PartialEq)]
enum O {
    GiaTri(Value),
    Loi(String),
}

/// A sheet's rows that hold something, in order: each its number as the user sees it and
/// its cells that hold something, by column index from 0.
#[derive(Debug, Default)]
struct Bang {
    dong: BTreeMap<usize, Vec<(usize, O)>>,
    so_o: usize,
}

impl Bang {
    /// Adds a cell that holds something, within the limits.
    fn them(&mut self, dong: usize, cot: usize, o: O) -> Result<(), Sai> {
        if cot >= DATA_COLUMNS {
            return Err(Sai::o_dong(dong, LoaiLoi::QuaNhieuCot));
        }
        self.so_o += 1;
        if self.so_o > DATA_CELLS {
            return Err(LoaiLoi::QuaNhieuO.into());
        }
        if !self.dong.contains_key(&dong) && self.dong.len() > DATA_ROWS {
            return Err(LoaiLoi::QuaNhieuDong.into());
        }
        self.dong.entry(dong).or_default().push((cot, o));
        Ok(())
    }
}

/// The letters of a column from its index from 0: A, B, …, Z, AA, AB, ….
fn chu_cot(cot: usize) -> String {
    let mut n = cot + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Columns and rows from a sheet: the first row that holds something names the columns.
fn tu_bang(bang: Bang) -> Result<DuLieu, Sai> {
    let mut rows = bang.dong.into_iter();
    let Some((dong_tieu_de, tieu_de)) = rows.next() else {
        return Err(LoaiLoi::KhongCoTieuDe.into());
    };
    let mut ten: Vec<Option<String>> = Vec::new();
    let mut da_co: BTreeMap<String, usize> = BTreeMap::new();
    for (cot, o) in tieu_de {
        let name = match o {
            O::GiaTri(Value::String(s)) => s.trim().to_owned(),
            O::GiaTri(v) => v.to_string(),
            O::Loi(e) => {
                return Err(Sai::o_dong(
                    dong_tieu_de,
                    LoaiLoi::OLoi(format!("{}{dong_tieu_de}", chu_cot(cot)), e),
                ));
            }
        };
        if name.is_empty() {
            continue;
        }
        if let Some(&dau) = da_co.get(&name) {
            let loai = LoaiLoi::TrungTenCot { ten: name, dau: chu_cot(dau), sau: chu_cot(cot) };
            return Err(Sai::o_dong(dong_tieu_de, loai));
        }
        da_co.insert(name.clone(), cot);
        ten.resize(cot + 1, None);
        ten[cot] = Some(name);
    }
    let cot: Vec<String> = ten.iter().flatten().cloned().collect();
    let mut dong = Vec::new();
    for (so, cells) in rows {
        let mut gia_tri: Map<String, Value> =
            cot.iter().map(|c| (c.clone(), Value::String(String::new()))).collect();
        for (i, o) in cells {
            let Some(Some(name)) = ten.get(i) else {
                return Err(Sai::o_dong(so, LoaiLoi::TenCotTrong(format!("{}{so}", chu_cot(i)))));
            };
            match o {
                O::GiaTri(v) => {
                    gia_tri.insert(name.clone(), v);
                }
                O::Loi(e) => {
                    let loai = LoaiLoi::OLoi(format!("{}{so}", chu_cot(i)), e);
                    return Err(Sai { dong: Some(so), cot: Some(name.clone()), loai });
                }
            }
        }
        dong.push(Dong { so, gia_tri });
    }
    Ok(DuLieu { cot, dong })
}

/// The rows of a CSV file: UTF-8 (a byte-order mark left out), fields separated by commas,
/// semicolons or tabs, whichever the header line has most of; every field text as typed.
fn doc_csv(bytes: &[u8]) -> Result<Bang, Sai> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Sai::o_dong(line, LoaiLoi::KhongPhaiUtf8));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dau_phan_cach(bytes))
        .from_reader(bytes);
    let mut bang = Bang::default();
    let (mut line, mut da_dem) = (1, 0);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            Sai { dong: line, cot: None, loai: LoaiLoi::Csv(e.to_string()) }
        })?;
        // The line from the byte where the record starts, past the line break before it
        // (the CSV reader counts a line ended by CRLF late).
        let mut start = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += bytes[da_dem..start].iter().filter(|&&b| b == b'\n').count();
        da_dem = start;
        for (i, field) in record.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
            bang.them(line, i, O::GiaTri(Value::String(field.to_owned())))?;
        }
    }
    Ok(bang)
}

/// The delimiter the header line (up to the first line break outside quotes) has most of:
/// `;` (Vietnamese Excel), tab, or `,`.
fn dau_phan_cach(bytes: &[u8]) -> u8 {
    let (mut phay, mut cham_phay, mut tab, mut trong_ngoac) = (0, 0, 0, false);
    for &b in bytes {
        match b {
            b'"' => trong_ngoac = !trong_ngoac,
            b'\n' | b'\r' if !trong_ngoac => break,
            b',' if !trong_ngoac => phay += 1,
            b';' if !trong_ngoac => cham_phay += 1,
            b'\t' if !trong_ngoac => tab += 1,
            _ => {}
        }
    }
    if cham_phay > phay && cham_phay >= tab {
        b';'
    } else if tab > phay {
        b'\t'
    } else {
        b','
    }
}

/// The sheet to read: the one named `sheet`, or the first.
fn chon_trang(names: Vec<String>, sheet: Option<&str>) -> Result<String, Sai> {
    match sheet {
        Some(s) if names.iter().any(|n| n == s) => Ok(s.to_owned()),
        Some(s) => Err(LoaiLoi::KhongCoTrang { ten: s.to_owned(), co: names }.into()),
        None => {
            names.into_iter().next().ok_or_else(|| LoaiLoi::BangTinh("không có trang tính nào".into()).into())
        }
    }
}

/// The cells of a sheet of an `.xlsx` or `.xlsm` workbook, read one by one so that a sheet
/// whose used range is vast costs only the cells it holds.
fn doc_xlsx(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Bang, Sai> {
    let mo = |e: calamine::XlsxError| Sai::from(LoaiLoi::BangTinh(e.to_string()));
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(mo)?;
    let name = chon_trang(wb.sheet_names(), sheet)?;
    let mut cells = wb.worksheet_cells_reader(&name).map_err(mo)?;
    let mut bang = Bang::default();
    while let Some(cell) = cells.next_cell().map_err(mo)? {
        let (r, c) = cell.get_position();
        let o = match cell.get_value() {
            DataRef::SharedString(s) => o_chu(s),
            DataRef::String(s) => o_chu(s),
            DataRef::Int(i) => Some(O::GiaTri(Value::from(*i))),
            DataRef::Float(f) => Some(o_so(*f)),
            DataRef::Bool(b) => Some(O::GiaTri(Value::Bool(*b))),
            DataRef::DateTime(d) => Some(o_ngay(d)),
            DataRef::DateTimeIso(s) => Some(o_ngay_iso(s)),
            DataRef::DurationIso(s) => Some(o_thoi_luong_iso(s)),
            DataRef::Error(e) => Some(O::Loi(e.to_string())),
            DataRef::Empty => None,
        };
        if let Some(o) = o {
            bang.them(r as usize + 1, c as usize, o)?;
        }
    }
    Ok(bang)
}

/// The cells of a sheet of an `.xls` or `.ods` workbook.
fn doc_bang_tinh(bytes: Vec<u8>, sheet: Option<&str>, dang: Dang) -> Result<Bang, Sai> {
    let cursor = std::io::Cursor::new(bytes);
    let mo = |e: calamine::Error| Sai::from(LoaiLoi::BangTinh(e.to_string()));
    let mut wb = match dang {
        Dang::Xls => calamine::Sheets::Xls(
            calamine::open_workbook_from_rs(cursor).map_err(|e| mo(calamine::Error::Xls(e)))?,
        ),
        _ => calamine::Sheets::Ods(
            calamine::open_workbook_from_rs(cursor).map_err(|e| mo(calamine::Error::Ods(e)))?,
        ),
    };
    let name = chon_trang(wb.sheet_names(), sheet)?;
    let range = wb.worksheet_range(&name).map_err(mo)?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut bang = Bang::default();
    for (r, c, data) in range.used_cells() {
        let o = match data {
            Data::String(s) => o_chu(s),
            Data::Int(i) => Some(O::GiaTri(Value::from(*i))),
            Data::Float(f) => Some(o_so(*f)),
            Data::Bool(b) => Some(O::GiaTri(Value::Bool(*b))),
            Data::DateTime(d) => Some(o_ngay(d)),
            Data::DateTimeIso(s) => Some(o_ngay_iso(s)),
            Data::DurationIso(s) => Some(o_thoi_luong_iso(s)),
            Data::Error(e) => Some(O::Loi(e.to_string())),
            Data::Empty => None,
        };
        if let Some(o) = o {
            bang.them(r + r0 as usize + 1, c + c0 as usize, o)?;
        }
    }
    Ok(bang)
}

/// A text cell exactly as typed; nothing when it is empty.
fn o_chu(s: &str) -> Option<O> {
    (!s.is_empty()).then(|| O::GiaTri(Value::String(s.to_owned())))
}

/// A number cell, to the 15 significant digits a spreadsheet shows (so `0.1 + 0.2` is
/// `0.3`): an integer when whole.
fn o_so(f: f64) -> O {
    let f: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return O::GiaTri(Value::from(f as i64));
    }
    match serde_json::Number::from_f64(f) {
        Some(n) => O::GiaTri(Value::Number(n)),
        None => O::Loi(f.to_string()),
    }
}

/// A date cell as `2026-01-15`, with `T08:30:00` when it has a time; a time alone as
/// `08:30:00`; a duration as hours, minutes and seconds (`37:30:00`).
fn o_ngay(d: &ExcelDateTime) -> O {
    let gio = |giay: i64| format!("{:02}:{:02}:{:02}", giay / 3600, giay / 60 % 60, giay % 60);
    let v = d.as_f64();
    if d.is_duration() || !v.is_finite() {
        let giay = (v * 86_400.0).round() as i64;
        return O::GiaTri(Value::String(format!("{}{}", if giay < 0 { "-" } else { "" }, gio(giay.abs()))));
    }
    let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
    let time = format!("{h:02}:{min:02}:{s:02}");
    let text = if (0.0..1.0).contains(&v) {
        time
    } else if (h, min, s) == (0, 0, 0) {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:04}-{m:02}-{day:02}T{time}")
    };
    O::GiaTri(Value::String(text))
}

/// An ISO date or date-time cell (as OpenDocument writes them): a time of midnight and
/// fractions of a second left out.
fn o_ngay_iso(s: &str) -> O {
    let s = s.split('.').next().unwrap_or(s);
    let s = s.strip_suffix("T00:00:00").unwrap_or(s);
    O::GiaTri(Value::String(s.to_owned()))
}

/// An ISO duration cell (`PT08H30M00S`, as OpenDocument writes a time) as `08:30:00`; kept
/// as written when it is of another form.
fn o_thoi_luong_iso(s: &str) -> O {
    let doc = || -> Option<String> {
        let rest = s.strip_prefix("PT")?;
        let (h, rest) = rest.split_once('H')?;
        let (m, rest) = rest.split_once('M')?;
        let sec = rest.strip_suffix('S')?;
        let sec: f64 = sec.parse().ok()?;
        Some(format!("{:02}:{:02}:{:02}", h.parse::<u64>().ok()?, m.parse::<u64>().ok()?, sec.round() as u64))
    };
    O::GiaTri(Value::String(doc().unwrap_or_else(|| s.to_owned())))
}

/// The rows of a JSON array of objects: the keys, in the order they first appear, are the
/// columns; a key missing from an object or `null` is `""`; other values are kept as they are.
fn doc_json(bytes: &[u8]) -> Result<DuLieu, Sai> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mang: MangJson = serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let loai = match text.strip_prefix(QUA_NHIEU) {
            Some(_) => LoaiLoi::QuaNhieuDong,
            None => LoaiLoi::Json(text),
        };
        Sai { dong: None, cot: None, loai }
    })?;
    let (vi, en) = mang.khac;
    if !vi.is_empty() {
        return Err(LoaiLoi::JsonKhongPhaiMang(vi, en).into());
    }
    let mut cot: Vec<String> = Vec::new();
    let mut da_co = std::collections::HashSet::new();
    for (i, phan_tu) in mang.phan_tu.iter().enumerate() {
        let doi = phan_tu
            .as_ref()
            .map_err(|&(vi, en)| Sai::o_dong(i + 1, LoaiLoi::JsonKhongPhaiDoiTuong(vi, en)))?;
        let mut trong_doi = std::collections::HashSet::new();
        for (k, _) in doi {
            if !trong_doi.insert(k.as_str()) {
                return Err(Sai { dong: Some(i + 1), cot: Some(k.clone()), loai: LoaiLoi::JsonTrungKhoa });
            }
            if da_co.insert(k.clone()) {
                cot.push(k.clone());
                if cot.len() > DATA_COLUMNS {
                    return Err(Sai::o_dong(i + 1, LoaiLoi::QuaNhieuCot));
                }
            }
        }
    }
    let dong = mang
        .phan_tu
        .into_iter()
        .enumerate()
        .map(|(i, doi)| {
            let mut gia_tri: Map<String, Value> =
                cot.iter().map(|c| (c.clone(), Value::String(String::new()))).collect();
            for (k, v) in doi.unwrap_or_default() {
                gia_tri.insert(k, if v.is_null() { Value::String(String::new()) } else { v });
            }
            Dong { so: i + 1, gia_tri }
        })
        .collect();
    Ok(DuLieu { cot, dong })
}

/// The start of the message of a JSON array with more than [`DATA_ROWS`] elements.
const QUA_NHIEU: &str = "vanban: too many rows";

/// A JSON document read as an array: its elements, each an object's keys and values in
/// order or what the element is instead; or, when it is not an array, what it is.
#[derive(Debug, Default)]
struct MangJson {
    phan_tu: Vec<PhanTu>,
    khac: LoaiJson,
}

/// An object's keys and values in order, or what the element is instead.
type PhanTu = Result<Vec<(String, Value)>, LoaiJson>;

/// What a JSON value is (not an object), in Vietnamese and English.
type LoaiJson = (&'static str, &'static str);

const MANG: LoaiJson = ("một mảng", "an array");
const DOI_TUONG: LoaiJson = ("một đối tượng", "an object");

/// The visitor methods that name what a value that is neither an array nor an object is,
/// and give it to `$khac`.
macro_rules! gia_tri_don {
    ($khac:expr) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($khac(("null", "null")))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($khac(("một giá trị true/false", "a boolean")))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($khac(("một số", "a number")))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($khac(("một số", "a number")))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($khac(("một số", "a number")))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($khac(("một chuỗi", "a string")))
        }
    };
}

impl MangJson {
    fn khac(loai: LoaiJson) -> Self {
        MangJson { phan_tu: Vec::new(), khac: loai }
    }
}

impl<'de> Deserialize<'de> for MangJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MangJson;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MangJson, A::Error> {
                let mut phan_tu = Vec::new();
                while let Some(PhanTuJson(p)) = seq.next_element()? {
                    if phan_tu.len() >= DATA_ROWS {
                        return Err(de::Error::custom(QUA_NHIEU));
                    }
                    phan_tu.push(p);
                }
                Ok(MangJson { phan_tu, khac: ("", "") })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MangJson, A::Error> {
                de::IgnoredAny::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(MangJson::khac(DOI_TUONG))
            }
            gia_tri_don!(MangJson::khac);
        }
        d.deserialize_any(V)
    }
}

/// One element of the array: an object's keys and values in order, or what it is instead.
struct PhanTuJson(PhanTu);

impl<'de> Deserialize<'de> for PhanTuJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PhanTuJson;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PhanTuJson, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    pairs.push((k, v));
                }
                Ok(PhanTuJson(Ok(pairs)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<PhanTuJson, A::Error> {
                de::IgnoredAny::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(PhanTuJson(Err(MANG)))
            }
            gia_tri_don!(|l| PhanTuJson(Err(l)));
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use rust_xlsxwriter::{ExcelDateTime as Ngay, Format, Formula, Workbook};
    use serde_json::{Value, json};

    use super::*;

    /// Writes `bytes` to a file named `name` in a new temporary directory.
    fn tep(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    fn doc_tep_ten(name: &str, bytes: &[u8]) -> Result<DuLieu, Box<LoiDuLieu>> {
        let (_dir, path) = tep(name, bytes);
        doc_du_lieu(&path, None)
    }

    fn so_va(d: &DuLieu, cot: &str) -> Vec<(usize, Value)> {
        d.dong.iter().map(|r| (r.so, r.gia_tri[cot].clone())).collect()
    }

    fn examples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tron")
    }

    #[test]
    fn csv_with_a_bom_and_semicolons_keeps_text_as_typed() {
        let csv = "\u{feff}stt;ho_ten ; dien_thoai;ghi_chu\n1;Nguyễn Văn An;0912345678;\n\n;;;\n2; Lò Thị Hoa ;05;có, dấu phẩy\n";
        let d = doc_tep_ten("ds.CSV", csv.as_bytes()).unwrap();
        assert_eq!(d.cot, ["stt", "ho_ten", "dien_thoai", "ghi_chu"]);
        assert_eq!(so_va(&d, "stt"), [(2, json!("1")), (5, json!("2"))]);
        assert_eq!(so_va(&d, "ho_ten"), [(2, json!("Nguyễn Văn An")), (5, json!(" Lò Thị Hoa "))]);
        assert_eq!(so_va(&d, "dien_thoai"), [(2, json!("0912345678")), (5, json!("05"))]);
        assert_eq!(so_va(&d, "ghi_chu"), [(2, json!("")), (5, json!("có, dấu phẩy"))]);
    }

    #[test]
    fn csv_with_commas_reads_quoted_newlines_and_quotes() {
        let csv = "ho_ten,ghi_chu\r\n\"Trần, Văn Bình\",\"dòng 1\ndòng 2 \"\"trích\"\"\"\r\nHoa,x\r\n";
        let d = doc_tep_ten("ds.csv", csv.as_bytes()).unwrap();
        assert_eq!(d.cot, ["ho_ten", "ghi_chu"]);
        assert_eq!(so_va(&d, "ho_ten"), [(2, json!("Trần, Văn Bình")), (4, json!("Hoa"))]);
        assert_eq!(d.dong[0].gia_tri["ghi_chu"], json!("dòng 1\ndòng 2 \"trích\""));
    }

    #[test]
    fn csv_not_utf8_says_to_save_as_csv_utf8() {
        let e = doc_tep_ten("ds.csv", b"ho_ten;don_vi\nAn;x\nL\xea Th\xe1i;y\n").unwrap_err();
        assert_eq!((e.dong, &e.loai), (Some(3), &LoaiLoi::KhongPhaiUtf8));
        assert!(e.to_string().contains("ds.csv:3: ") && e.to_string().contains("CSV UTF-8"), "{e}");
        assert!(e.en().contains("Save As › “CSV UTF-8”"), "{}", e.en());
    }

    #[test]
    fn data_under_a_nameless_column_is_refused() {
        let e = doc_tep_ten("ds.csv", "a;b\n1;2\n1;2;3\n".as_bytes()).unwrap_err();
        assert_eq!((e.dong, &e.loai), (Some(3), &LoaiLoi::TenCotTrong("C3".into())));
        assert!(e.to_string().contains("ô C3 có dữ liệu nhưng cột C không có tên"), "{e}");
        // A trailing separator with nothing under it is no column.
        let d = doc_tep_ten("ds.csv", "a;b;\n1;2;\n".as_bytes()).unwrap();
        assert_eq!(d.cot, ["a", "b"]);
    }

    #[test]
    fn duplicate_columns_are_named_by_letter() {
        let e = doc_tep_ten("ds.csv", "ho_ten;a;b;ho_ten \n1;2;3;4\n".as_bytes()).unwrap_err();
        assert_eq!(e.loai, LoaiLoi::TrungTenCot { ten: "ho_ten".into(), dau: "A".into(), sau: "D".into() });
        assert_eq!(
            e.to_string(),
            "ds.csv:1: hai cột A và D cùng tên “ho_ten”: đổi tên một cột"
                .replace("ds.csv", &e.tep.display().to_string())
        );
        assert_eq!(chu_cot(0), "A");
        assert_eq!(chu_cot(25), "Z");
        assert_eq!(chu_cot(26), "AA");
        assert_eq!(chu_cot(701), "ZZ");
        assert_eq!(chu_cot(702), "AAA");
    }

    #[test]
    fn json_array_keeps_key_order_and_nested_values() {
        let text = r#"[{"ho_ten": "An", "nguoi": {"chuc_vu": "Chủ tịch"}, "so": 1, "ds": [1, 2]},
            {"so": 2.5, "ghi_chu": null, "ho_ten": "Bình", "ok": true}]"#;
        let d = doc_tep_ten("ds.json", text.as_bytes()).unwrap();
        assert_eq!(d.cot, ["ho_ten", "nguoi", "so", "ds", "ghi_chu", "ok"]);
        assert_eq!(so_va(&d, "nguoi"), [(1, json!({"chuc_vu": "Chủ tịch"})), (2, json!(""))]);
        assert_eq!(so_va(&d, "so"), [(1, json!(1)), (2, json!(2.5))]);
        assert_eq!(so_va(&d, "ghi_chu"), [(1, json!("")), (2, json!(""))]);
        assert_eq!(so_va(&d, "ok"), [(1, json!("")), (2, json!(true))]);
        assert!(doc_tep_ten("ds.json", b"[]").unwrap().dong.is_empty());
    }

    #[test]
    fn json_other_than_an_array_of_objects_is_refused() {
        let e = doc_tep_ten("ds.json", br#"{"ho_ten": "An"}"#).unwrap_err();
        assert_eq!(e.loai, LoaiLoi::JsonKhongPhaiMang("một đối tượng", "an object"));
        assert!(e.to_string().contains("JSON phải là một mảng các đối tượng"), "{e}");
        let e = doc_tep_ten("ds.json", b"\"x\"").unwrap_err();
        assert_eq!(e.loai, LoaiLoi::JsonKhongPhaiMang("một chuỗi", "a string"));
        let e = doc_tep_ten("ds.json", br#"[{"a": 1}, [1], 3]"#).unwrap_err();
        assert_eq!((e.dong, &e.loai), (Some(2), &LoaiLoi::JsonKhongPhaiDoiTuong("một mảng", "an array")));
        let e = doc_tep_ten("ds.json", br#"[{"a": 1, "a": 2}]"#).unwrap_err();
        assert_eq!((e.dong, e.cot.as_deref(), &e.loai), (Some(1), Some("a"), &LoaiLoi::JsonTrungKhoa));
        let e = doc_tep_ten("ds.json", b"[{\"a\": 1,}]").unwrap_err();
        assert!(matches!(e.loai, LoaiLoi::Json(_)), "{e}");
        assert!(e.en().contains("line 1"), "{}", e.en());
    }

    #[test]
    fn unknown_kinds_and_sheet_for_csv_are_refused() {
        let e = doc_tep_ten("ds.txt", b"a\n1\n").unwrap_err();
        assert_eq!(e.loai, LoaiLoi::DangLa(".txt".into()));
        let (_dir, path) = tep("ds.csv", b"a\n1\n");
        assert_eq!(doc_du_lieu(&path, Some("Sheet1")).unwrap_err().loai, LoaiLoi::SheetKhongDung);
        let e = doc_du_lieu(Path::new("/khong/co/ds.csv"), None).unwrap_err();
        assert!(matches!(e.loai, LoaiLoi::Doc(..)), "{e}");
        assert_eq!(doc_tep_ten("ds.csv", b"").unwrap_err().loai, LoaiLoi::KhongCoTieuDe);
    }

    /// A workbook as a program writes one: a date, a text `05`, whole and decimal numbers,
    /// a bool, a date-time, a styled empty row in the middle and trailing blank rows.
    fn xlsx(dir: &Path) -> PathBuf {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Danh sách").unwrap();
        let ngay = Format::new().set_num_format("dd/mm/yyyy");
        let gio = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        for (c, h) in [" stt", "ho_ten", "ma", "he_so", "ngay_sinh", "co", "luc"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_number(1, 0, 1).unwrap();
        ws.write_string(1, 1, "Nguyễn Văn An").unwrap();
        ws.write_string(1, 2, "05").unwrap();
        ws.write_number(1, 3, 3.66).unwrap();
        ws.write_datetime_with_format(1, 4, Ngay::from_ymd(1988, 3, 12).unwrap(), &ngay).unwrap();
        ws.write_boolean(1, 5, true).unwrap();
        ws.write_datetime_with_format(
            1,
            6,
            Ngay::from_ymd(2026, 1, 15).unwrap().and_hms(8, 30, 0).unwrap(),
            &gio,
        )
        .unwrap();
        ws.write_blank(2, 0, &ngay).unwrap();
        ws.write_number(3, 0, 2).unwrap();
        ws.write_string(3, 1, "Lò Thị Hoa").unwrap();
        ws.write_number(3, 3, 0.1 + 0.2).unwrap();
        ws.write_number(3, 4, 1e20).unwrap();
        ws.write_blank(9, 3, &ngay).unwrap();
        ws.write_string(10, 1, "").unwrap();
        wb.add_worksheet().set_name("Khác").unwrap();
        let path = dir.join("ds.xlsx");
        wb.save(&path).unwrap();
        path
    }

    #[test]
    fn xlsx_cells_keep_their_meaning() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc_du_lieu(&xlsx(dir.path()), None).unwrap();
        assert_eq!(d.cot, ["stt", "ho_ten", "ma", "he_so", "ngay_sinh", "co", "luc"]);
        assert_eq!(d.dong.len(), 2);
        let r = &d.dong[0];
        assert_eq!(r.so, 2);
        let want = json!({"stt": 1, "ho_ten": "Nguyễn Văn An", "ma": "05", "he_so": 3.66,
            "ngay_sinh": "1988-03-12", "co": true, "luc": "2026-01-15T08:30:00"});
        assert_eq!(Value::Object(r.gia_tri.clone()), want);
        let r = &d.dong[1];
        assert_eq!(r.so, 4);
        let want = json!({"stt": 2, "ho_ten": "Lò Thị Hoa", "ma": "", "he_so": 0.3,
            "ngay_sinh": 1e20, "co": "", "luc": ""});
        assert_eq!(Value::Object(r.gia_tri.clone()), want);
    }

    #[test]
    fn unknown_sheet_lists_the_sheets_with_a_guess() {
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path());
        let e = doc_du_lieu(&path, Some("khac")).unwrap_err();
        assert!(matches!(&e.loai, LoaiLoi::KhongCoTrang { co, .. } if co == &["Danh sách", "Khác"]));
        assert!(
            e.to_string()
                .ends_with("không có trang tính “khac” (có phải “Khác”?): các trang là “Danh sách”, “Khác”"),
            "{e}"
        );
        assert!(e.en().contains("did you mean “Khác”?"), "{}", e.en());
        let d = doc_du_lieu(&path, Some("Khác")).unwrap_err();
        assert_eq!(d.loai, LoaiLoi::KhongCoTieuDe);
    }

    #[test]
    fn xlsx_error_cell_names_row_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "ho_ten").unwrap();
        ws.write_string(0, 1, "luong").unwrap();
        for r in 1..17 {
            ws.write_string(r, 0, "An").unwrap();
            ws.write_number(r, 1, 1000).unwrap();
        }
        ws.write_formula(16, 1, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
        let path = dir.path().join("ds.xlsx");
        wb.save(&path).unwrap();
        let e = doc_du_lieu(&path, None).unwrap_err();
        assert_eq!((e.dong, e.cot.as_deref()), (Some(17), Some("luong")));
        assert!(
            e.to_string().ends_with(
                "ds.xlsx:17: cột luong: ô B17 có giá trị lỗi #DIV/0!: sửa công thức hoặc nhập giá trị"
            ),
            "{e}"
        );
        assert!(e.en().ends_with("ds.xlsx:17: column luong: cell B17 holds the error value #DIV/0!: fix the formula or type a value"));
    }

    #[test]
    fn libreoffice_workbooks_read_with_their_types() {
        let d = doc_du_lieu(&examples().join("dai-bieu.xlsx"), None).unwrap();
        assert_eq!(d.cot, ["stt", "danh_xung", "ho_ten", "chuc_vu", "don_vi", "dien_thoai", "ngay_hop"]);
        assert_eq!(d.dong.len(), 12);
        let r = &d.dong[0].gia_tri;
        assert_eq!(
            (d.dong[0].so, &r["stt"], &r["dien_thoai"], &r["ngay_hop"]),
            (2, &json!(1), &json!("0912345678"), &json!("2026-01-15"))
        );
        let csv = doc_du_lieu(&examples().join("dai-bieu.csv"), None).unwrap();
        assert_eq!(csv.cot, d.cot);
        for (a, b) in csv.dong.iter().zip(&d.dong) {
            assert_eq!(a.so, b.so);
            for c in ["danh_xung", "ho_ten", "chuc_vu", "don_vi", "dien_thoai"] {
                assert_eq!(a.gia_tri[c], b.gia_tri[c]);
            }
            assert_eq!(a.gia_tri["stt"], json!(b.gia_tri["stt"].to_string()));
        }
        let ods = doc_du_lieu(&examples().join("can-bo.ods"), None).unwrap();
        let xlsx = doc_du_lieu(&examples().join("can-bo.xlsx"), None).unwrap();
        assert_eq!(ods, xlsx);
        assert_eq!(ods.dong.len(), 8);
        let want = json!({"so": 15, "ho_ten": "Nguyễn Thị Lan", "ngay_sinh": "1988-03-12",
            "chuc_vu": "Chuyên viên Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "ngach": "Chuyên viên",
            "ma_ngach": "01.003", "bac_cu": 4, "he_so_cu": 3.33, "bac_moi": 5, "he_so_moi": 3.66,
            "tu_ngay": "2026-01-01", "luong_moi": 8564400});
        assert_eq!(Value::Object(ods.dong[0].gia_tri.clone()), want);
        let cot =
            ["so", "ho_ten", "ngay_sinh", "chuc_vu", "ngach", "ma_ngach", "bac_cu", "he_so_cu", "bac_moi"];
        assert_eq!(ods.cot, [&cot[..], &["he_so_moi", "tu_ngay", "luong_moi"]].concat());
        assert_eq!(ods.dong.iter().map(|r| r.so).collect::<Vec<_>>(), (2..10).collect::<Vec<_>>());
    }

    #[test]
    fn limits_are_refused_with_a_message() {
        let mut csv = String::from("a\n");
        csv.push_str(&"1\n".repeat(DATA_ROWS));
        assert_eq!(doc_tep_ten("ds.csv", csv.as_bytes()).unwrap().dong.len(), DATA_ROWS);
        csv.push_str("1\n");
        let e = doc_tep_ten("ds.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(e.loai, LoaiLoi::QuaNhieuDong);
        assert!(e.to_string().contains("hơn 100000 dòng"), "{e}");
        let header: Vec<String> = (0..=DATA_COLUMNS).map(|i| format!("c{i}")).collect();
        let e = doc_tep_ten("ds.csv", header.join(",").as_bytes()).unwrap_err();
        assert_eq!(e.loai, LoaiLoi::QuaNhieuCot);
        let json = format!("[{}{{}}]", "{},".repeat(DATA_ROWS));
        assert_eq!(doc_tep_ten("ds.json", json.as_bytes()).unwrap_err().loai, LoaiLoi::QuaNhieuDong);
        let (_dir, path) = tep("ds.xlsx", b"");
        std::fs::File::options().write(true).open(&path).unwrap().set_len(DATA_BYTES + 1).unwrap();
        assert_eq!(doc_du_lieu(&path, None).unwrap_err().loai, LoaiLoi::QuaLon);
    }
}
