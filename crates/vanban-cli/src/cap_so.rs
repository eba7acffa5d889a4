//! `render cap-so FILE...` (lấy số): each document given the next number of its book in the
//! văn thư's register ([`vanban_so::SoDangKy`]), written into the file itself with the date and
//! the entry's id (`ma_dang_ky`), its comments and layout kept; `render cap-so --huy SO`
//! cancels a number.
//!
//! Per file: the number is reserved (one transaction), the file written whole or not at all,
//! then the reservation confirmed (another) with the document's Phụ lục VI record
//! ([`vanban_core::DuLieuVanBanDi`], as JSON, its page count unknown: nothing is laid out), or
//! cancelled with the reason when the file could not be written. A reservation left by a
//! crash is settled on the next run by looking at the file it names.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use vanban_core::sua_tep::{self, GiaTriMoi};
use vanban_core::{DangTep, Diagnostic, DuLieuVanBanDi, MaDangKy, NgonNgu, VanBan, khoa};
use vanban_so::{MucDangKy, MucSo, SoDangKy, SoSach, TrangThai};

use crate::args::Common;
use crate::files::Input;
use crate::report::{Reporter, say};

/// The default register file, beside the documents.
pub const SO_DANG_KY_MAC_DINH: &str = "so-dang-ky.sqlite";

/// What `render cap-so` was asked to do.
#[derive(Debug)]
pub struct LaySo {
    /// The document files.
    pub files: Vec<PathBuf>,
    /// The register (`--so-dang-ky`).
    pub so_dang_ky: Option<String>,
    /// The date of issue to write where the file has no full date (`--ngay`).
    pub ngay: Option<NaiveDate>,
    /// The book (`--so-sach`).
    pub so_sach: Option<String>,
}

/// A number to cancel (`--huy`).
#[derive(Debug)]
pub struct HuySo {
    /// The number.
    pub so: u32,
    /// Why.
    pub ly_do: String,
    /// The book (`--so-sach`).
    pub so_sach: Option<String>,
    /// The year (`--nam`; default: this year).
    pub nam: Option<i32>,
    /// The register (`--so-dang-ky`).
    pub so_dang_ky: Option<String>,
}

/// The register's address: `--so-dang-ky`, else [`SO_DANG_KY_MAC_DINH`] in the directory of
/// `dau` (the first file), or in the current directory.
pub fn dia_chi(so_dang_ky: Option<&str>, dau: Option<&Path>) -> String {
    match (so_dang_ky, dau) {
        (Some(d), _) => d.to_owned(),
        (None, Some(tep)) => crate::load::dir_of(tep).join(SO_DANG_KY_MAC_DINH).display().to_string(),
        (None, None) => SO_DANG_KY_MAC_DINH.to_owned(),
    }
}

/// Opens the register, or says why not.
fn mo(dia_chi: &str, reporter: &Reporter) -> Option<SoDangKy> {
    match SoDangKy::mo(dia_chi) {
        Ok(so) => Some(so),
        Err(e) => {
            reporter.warning(&loi_so(reporter.lang(), &e));
            None
        }
    }
}

/// A register error in the language of the run: its text is `vi (en)`.
pub fn loi_so(lang: NgonNgu, e: &vanban_so::LoiSo) -> String {
    let text = e.to_string();
    match lang {
        NgonNgu::Vi => text,
        // "vi (en): detail" → "en: detail"
        NgonNgu::En => match (text.find(" ("), text.find("): "), text.ends_with(')')) {
            (Some(a), Some(b), _) if a < b => format!("{}{}", &text[a + 2..b], &text[b + 1..]),
            (Some(a), None, true) => text[a + 2..text.len() - 1].to_owned(),
            _ => text,
        },
    }
}

/// Today's date in Vietnam (UTC+07:00 all year: one time zone, no summer time).
pub fn hom_nay() -> NaiveDate {
    let gio_viet_nam = chrono::FixedOffset::east_opt(7 * 3600).expect("a valid offset");
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .with_timezone(&gio_viet_nam)
        .date_naive()
}

/// Numbers each file in order; whether every file ended numbered (or already was).
pub fn run(lenh: &LaySo, common: &Common, reporter: &Reporter) -> bool {
    let lang = reporter.lang();
    let dia_chi = dia_chi(lenh.so_dang_ky.as_deref(), lenh.files.first().map(PathBuf::as_path));
    let Some(mut so) = mo(&dia_chi, reporter) else { return false };
    if !thu_xep_giu_cho(&mut so, common.goc.as_deref(), reporter) {
        return false;
    }
    let ngay = lenh.ngay.unwrap_or_else(hom_nay);
    let mut ok = true;
    for path in &lenh.files {
        let input = Input { path: path.clone(), rel: path.clone(), from_dir: false, dir_arg: None };
        let phien = Phien { so: &mut so, lenh, ngay, goc: common.goc.as_deref(), lang };
        match phien.mot_tep(&input) {
            Ok(words) => reporter.thong_bao(path, &words),
            Err(problems) => {
                reporter.problems(path, &problems);
                ok = false;
            }
        }
    }
    ok
}

/// The work on one file.
struct Phien<'a> {
    so: &'a mut SoDangKy,
    lenh: &'a LaySo,
    ngay: NaiveDate,
    goc: Option<&'a Path>,
    lang: NgonNgu,
}

/// A problem of a file, in both languages.
fn loi(vi: impl Into<String>, en: impl Into<String>) -> Vec<Diagnostic> {
    vec![Diagnostic::new(vi).en(en)]
}

/// A register error as a problem of a file.
fn loi_so_tep(e: &vanban_so::LoiSo) -> Vec<Diagnostic> {
    let vi = loi_so(NgonNgu::Vi, e);
    let en = loi_so(NgonNgu::En, e);
    loi(vi, en)
}

impl Phien<'_> {
    /// Numbers the file `input`: what to say of it, or its problems.
    fn mot_tep(self, input: &Input) -> Result<String, Vec<Diagnostic>> {
        let path = &input.path;
        let loaded = crate::load::load(input, self.goc)?;
        let van_ban = &loaded.van_ban;
        let so_tep = van_ban.so_hieu.so.map(vanban_core::So::get);
        match (van_ban.ma_dang_ky.clone(), so_tep) {
            (Some(ma), _) => self.da_co_ma(&ma, so_tep, van_ban),
            (None, Some(n)) => Err(vec![
                Diagnostic::new(format!("văn bản đã ghi số {n} bằng tay, không lấy từ sổ đăng ký"))
                    .en(format!("the document has number {n} written by hand, not taken from the register"))
                    .with_key(khoa::SO.ten)
                    .with_hint("xóa khóa so để lấy số từ sổ đăng ký")
                    .hint_en("remove the key so to take a number from the register"),
            ]),
            (None, None) => self.cap_moi(path, van_ban),
        }
    }

    /// A file that carries the id `ma` (and the number `so_tep`, if any); `van_ban` is its
    /// document, whose record a reservation is confirmed with.
    fn da_co_ma(
        self,
        ma: &MaDangKy,
        so_tep: Option<u32>,
        van_ban: &VanBan,
    ) -> Result<String, Vec<Diagnostic>> {
        let dia_chi = self.so.dia_chi().to_owned();
        let muc = match self.so.tim(ma.as_str()) {
            Ok(Some(m)) => m,
            Ok(None) => {
                return Err(loi(
                    format!("sổ đăng ký “{dia_chi}” không có mục mã “{ma}” của văn bản này"),
                    format!("the register “{dia_chi}” has no entry with this document's id “{ma}”"),
                ));
            }
            Err(e) => return Err(loi_so_tep(&e)),
        };
        if so_tep != Some(muc.so) {
            let co = so_tep.map_or_else(|| "không có số".to_owned(), |n| format!("số {n}"));
            let has = so_tep.map_or_else(|| "no number".to_owned(), |n| format!("number {n}"));
            return Err(loi(
                format!("văn bản có mã “{ma}” nhưng {co}, sổ đăng ký ghi số {} của sổ {}", muc.so, muc.sach),
                format!(
                    "the document has id “{ma}” but {has}; the register records number {} of book {}",
                    muc.so, muc.sach
                ),
            ));
        }
        match muc.trang_thai {
            TrangThai::DaCap => Ok(say(
                self.lang,
                &format!("đã có số {} của sổ {}", muc.so, muc.sach),
                &format!("already numbered {} of book {}", muc.so, muc.sach),
            )),
            TrangThai::GiuCho => match self.so.xac_nhan_kem(ma.as_str(), ban_ghi(van_ban).as_deref()) {
                Ok(m) => Ok(da_cap(self.lang, &m)),
                Err(e) => Err(loi_so_tep(&e)),
            },
            TrangThai::DaHuy => {
                let ly_do = muc.ly_do_huy.unwrap_or_default();
                Err(vec![
                    Diagnostic::new(format!("số {} của sổ {} đã bị huỷ: {ly_do}", muc.so, muc.sach))
                        .en(format!("number {} of book {} was cancelled: {ly_do}", muc.so, muc.sach))
                        .with_hint("xóa so và ma_dang_ky rồi chạy lại render cap-so để lấy số mới")
                        .hint_en("remove so and ma_dang_ky and run render cap-so again for a new number"),
                ])
            }
        }
    }

    /// A file with neither number nor id: the next number reserved, written, confirmed.
    fn cap_moi(self, path: &Path, van_ban: &VanBan) -> Result<String, Vec<Diagnostic>> {
        let text = std::fs::read_to_string(path).map_err(|e| loi_doc(&e))?;
        let ngay = van_ban.ngay.to_naive_date();
        let ngay_moi = ngay.unwrap_or(self.ngay);
        let ten = self.lenh.so_sach.clone().unwrap_or_else(|| van_ban.co_quan.viet_tat.as_str().to_owned());
        let sach = SoSach::new(ten, chrono::Datelike::year(&ngay_moi));
        let muc = muc_dang_ky(van_ban, ngay_moi, path);
        let cap = self.so.giu_cho(&sach, &muc).map_err(|e| loi_so_tep(&e))?;
        let mut khoa_moi = vec![(khoa::SO.ten, GiaTriMoi::SoNguyen(i64::from(cap.so)))];
        if ngay.is_none() {
            khoa_moi.push((khoa::NGAY.ten, GiaTriMoi::Chuoi(ngay_moi.format("%Y-%m-%d").to_string())));
        }
        khoa_moi.push((khoa::MA_DANG_KY.ten, GiaTriMoi::Chuoi(cap.ma.clone())));
        let ghi = sua_tep::dat_khoa(&text, dang_cua(path, &text), &khoa_moi)
            .map_err(|e| (e.to_string(), e.to_string()))
            .and_then(|moi| {
                crate::atomic::write_atomically(path, moi.as_bytes()).map_err(|e| vanban_core::ly_do_io(&e))
            });
        match ghi {
            Ok(()) => {
                match self.so.xac_nhan_kem(&cap.ma, ban_ghi(&da_ghi(van_ban, cap.so, ngay_moi)).as_deref()) {
                    Ok(m) => Ok(da_cap(self.lang, &m)),
                    Err(e) => Err(loi_so_tep(&e)),
                }
            }
            Err((vi, en)) => {
                let ly_do = format!("không ghi được tệp {}: {vi}", path.display());
                let huy = self.so.huy_giu_cho(&cap.ma, &ly_do);
                let mut problems = loi(
                    format!(
                        "không ghi được số {} vào tệp: {vi}; số này đã bị huỷ trong sổ {}",
                        cap.so, cap.sach
                    ),
                    format!(
                        "cannot write number {} into the file: {en}; the number is cancelled in book {}",
                        cap.so, cap.sach
                    ),
                );
                if let Err(e) = huy {
                    problems.extend(loi_so_tep(&e));
                }
                Err(problems)
            }
        }
    }
}

/// The form of the file `path` with text `text`.
fn dang_cua(path: &Path, text: &str) -> DangTep {
    match path.extension() {
        Some(_) => DangTep::from_path(path),
        None => DangTep::sniff(text),
    }
}

/// A file that could not be read.
fn loi_doc(e: &std::io::Error) -> Vec<Diagnostic> {
    let (vi, en) = vanban_core::ly_do_io(e);
    loi(format!("không đọc được tệp: {vi}"), format!("cannot read the file: {en}"))
}

/// What is said of a number given.
fn da_cap(lang: NgonNgu, m: &MucSo) -> String {
    say(
        lang,
        &format!("đã cấp số {} của sổ {} (mã {})", m.so, m.sach, m.ma),
        &format!("numbered {} of book {} (id {})", m.so, m.sach, m.ma),
    )
}

/// The Phụ lục VI record of `van_ban` as JSON, its page count unknown (`None` if it cannot
/// be written, which does not happen for this record).
fn ban_ghi(van_ban: &VanBan) -> Option<String> {
    serde_json::to_string(&DuLieuVanBanDi::tu(van_ban, None)).ok()
}

/// `van_ban` as written into its file: numbered `so`, dated `ngay`.
fn da_ghi(van_ban: &VanBan, so: u32, ngay: NaiveDate) -> VanBan {
    use chrono::Datelike;
    let mut moi = van_ban.clone();
    moi.so_hieu.so = vanban_core::So::new(i64::from(so)).ok();
    if moi.ngay.to_naive_date() != Some(ngay)
        && let Ok(d) = vanban_core::Ngay::new(ngay.year(), Some(ngay.month()), Some(ngay.day()))
    {
        moi.ngay = d;
    }
    moi
}

/// The entry the register records for `van_ban`, dated `ngay`, in the file `path`.
fn muc_dang_ky(van_ban: &VanBan, ngay: NaiveDate, path: &Path) -> MucDangKy {
    let trich_yeu = van_ban.trich_yeu().map(|t| t.0.clone()).unwrap_or_default();
    let mut muc = MucDangKy::new(van_ban.loai().ten_loai_thuong(), trich_yeu);
    muc.ky_hieu = Some(van_ban.so_hieu.ky_hieu.to_string());
    muc.ngay = Some(ngay);
    muc.nguoi_ky = Some(van_ban.nguoi_ky.ho_ten.clone()).filter(|s| !s.is_empty());
    muc.chuc_vu = Some(van_ban.nguoi_ky.chuc_vu.clone()).filter(|s| !s.is_empty());
    let gui = &van_ban.noi_nhan.gui;
    muc.noi_nhan = (!gui.is_empty()).then(|| gui.join("; "));
    let luu = &van_ban.noi_nhan.luu;
    muc.don_vi_luu = (!luu.is_empty()).then(|| luu.join(", "));
    muc.so_ban = van_ban.noi_nhan.so_ban;
    let tep = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    muc.tep = Some(tep.display().to_string());
    muc
}

/// Settles the reservations a crashed run left: confirmed when the file they name carries
/// their number and id (with the file's record when it reads, its shared files under `goc`),
/// else cancelled with the reason. Whether the register could be read.
fn thu_xep_giu_cho(so: &mut SoDangKy, goc: Option<&Path>, reporter: &Reporter) -> bool {
    let lang = reporter.lang();
    let treo = match so.cac_giu_cho() {
        Ok(t) => t,
        Err(e) => {
            reporter.warning(&loi_so(lang, &e));
            return false;
        }
    };
    let bay_gio = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).naive_utc();
    for muc in treo {
        let (ket_qua, vi, en) = match tep_mang_so(&muc) {
            Ok(path) => {
                (so.xac_nhan_kem(&muc.ma, ban_ghi_tep(path, goc).as_deref()), "xác nhận", "confirmed")
            }
            // A writer may still be at work on it: only an old reservation is cancelled.
            Err(_) if !cu(&muc.thoi_diem, bay_gio) => continue,
            Err((vi, _)) => (so.huy_giu_cho(&muc.ma, &vi), "huỷ", "cancelled"),
        };
        match ket_qua {
            // Another writer settled it meanwhile, or is still at work: left to it.
            Err(vanban_so::LoiSo::KhongPhaiGiuCho { .. }) => {}
            Err(e) => reporter.warning(&loi_so(lang, &e)),
            Ok(m) => reporter.warning(&say(
                lang,
                &format!("số {} của sổ {} còn giữ chỗ từ lần chạy trước: đã {vi}", m.so, m.sach),
                &format!("number {} of book {} was left reserved by an earlier run: {en}", m.so, m.sach),
            )),
        }
    }
    true
}

/// How long a reservation is left to the writer that took it before another run, finding
/// its file without the number, cancels it.
const GIU_CHO_TOI_DA: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// Whether a reservation taken at `thoi_diem` (the register's `YYYY-MM-DDTHH:MM:SS.mmmZ`)
/// is older than [`GIU_CHO_TOI_DA`] at `bay_gio` (UTC); a time that cannot be read is old.
fn cu(thoi_diem: &str, bay_gio: chrono::NaiveDateTime) -> bool {
    chrono::NaiveDateTime::parse_from_str(thoi_diem.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f")
        .map_or(true, |t| bay_gio - t > GIU_CHO_TOI_DA)
}

/// The record of the document in the file `path` (its shared files under `goc`), or `None`
/// when it cannot be read.
fn ban_ghi_tep(path: PathBuf, goc: Option<&Path>) -> Option<String> {
    let input = Input { path: path.clone(), rel: path, from_dir: false, dir_arg: None };
    crate::load::load(&input, goc).ok().and_then(|l| ban_ghi(&l.van_ban))
}

/// The file an entry names, when it carries its number and id; else why not.
fn tep_mang_so(muc: &MucSo) -> Result<PathBuf, (String, String)> {
    let Some(tep) = muc.muc.tep.as_deref() else {
        return Err(("mục không ghi tệp văn bản".into(), "the entry names no file".into()));
    };
    let text = std::fs::read_to_string(tep).map_err(|e| {
        let (vi, en) = vanban_core::ly_do_io(&e);
        (format!("không đọc được tệp {tep}: {vi}"), format!("cannot read the file {tep}: {en}"))
    })?;
    let path = Path::new(tep);
    let carries = vanban_core::doc(&text, dang_cua(path, &text)).ok().is_some_and(|(van_ban, vi_tri)| {
        van_ban.so_hieu.so.map(vanban_core::So::get) == Some(muc.so)
            && vi_tri.chuoi(khoa::MA_DANG_KY.ten).map(str::trim) == Some(muc.ma.as_str())
    });
    if carries {
        Ok(path.to_path_buf())
    } else {
        Err((
            format!("tệp {tep} không mang số {} và mã {} (lần chạy trước bị ngắt)", muc.so, muc.ma),
            format!(
                "the file {tep} does not carry number {} and id {} (an earlier run stopped)",
                muc.so, muc.ma
            ),
        ))
    }
}

/// Cancels a given number; whether it was.
pub fn huy(lenh: &HuySo, files: &[PathBuf], reporter: &Reporter) -> bool {
    let lang = reporter.lang();
    let dia_chi = dia_chi(lenh.so_dang_ky.as_deref(), files.first().map(PathBuf::as_path));
    let Some(mut so) = mo(&dia_chi, reporter) else { return false };
    let Some(ten) = lenh.so_sach.clone() else {
        reporter.usage_error(&say(
            lang,
            "--huy cần tên sổ: --so-sach TÊN (ví dụ --so-sach UBND)",
            "--huy needs the book: --so-sach NAME (for example --so-sach UBND)",
        ));
        return false;
    };
    let nam = lenh.nam.unwrap_or_else(|| chrono::Datelike::year(&hom_nay()));
    match so.huy(&SoSach::new(ten, nam), lenh.so, &lenh.ly_do) {
        Ok(m) => {
            reporter.thong_bao(
                Path::new(&dia_chi),
                &say(
                    lang,
                    &format!("đã huỷ số {} của sổ {}: {}", m.so, m.sach, lenh.ly_do),
                    &format!("cancelled number {} of book {}: {}", m.so, m.sach, lenh.ly_do),
                ),
            );
            true
        }
        Err(e) => {
            reporter.warning(&loi_so(lang, &e));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_errors_are_told_in_the_language_of_the_run() {
        let e = vanban_so::LoiSo::KhongCoMa("x".into());
        assert_eq!(loi_so(NgonNgu::Vi, &e), e.to_string());
        assert_eq!(loi_so(NgonNgu::En, &e), "the register has no entry with id “x”");
        let e = vanban_so::LoiSo::BiKhoa { chi_tiet: "busy".into() };
        assert_eq!(loi_so(NgonNgu::En, &e), "the register stayed locked too long: busy");
    }

    #[test]
    fn only_old_reservations_are_cancelled() {
        let bay_gio = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert!(!cu("2024-03-05T09:55:00.000Z", bay_gio));
        assert!(cu("2024-03-05T09:45:00.000Z", bay_gio));
        assert!(cu("không rõ", bay_gio));
    }

    #[test]
    fn the_register_is_beside_the_first_file_by_default() {
        assert_eq!(dia_chi(None, Some(Path::new("a/b.toml"))), "a/so-dang-ky.sqlite");
        assert_eq!(dia_chi(Some("postgres://h/db"), Some(Path::new("a/b.toml"))), "postgres://h/db");
        assert_eq!(dia_chi(None, None), "so-dang-ky.sqlite");
    }
}
