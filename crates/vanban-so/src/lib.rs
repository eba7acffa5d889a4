//! The văn thư's register (sổ đăng ký văn bản đi): document numbers given out once and only
//! once, on SQLite or PostgreSQL, behind one API, [`SoDangKy`].
//!
//! # Books and numbers
//!
//! A register holds books ([`SoSach`]: a name such as the agency's abbreviation `"UBND"` or a
//! separate book such as `"QPPL"`, and a year). In each book numbers run from 1, each number is
//! given to one entry only, and no number is ever given again, not even a cancelled one: the
//! next number is one more than the largest the book holds in any state.
//!
//! # Giving a number: two steps around writing the file
//!
//! ```no_run
//! # fn ghi_tep(_: &vanban_so::CapSo) -> std::io::Result<String> { Ok(String::new()) }
//! use vanban_so::{MucDangKy, SoDangKy, SoSach};
//!
//! let mut so = SoDangKy::mo("so-dang-ky.sqlite")?;
//! let muc = MucDangKy::new("Công văn", "V/v báo cáo tình hình");
//! let cap = so.giu_cho(&SoSach::new("UBND", 2024), &muc)?; // 1. take the number
//! match ghi_tep(&cap) {           // 2. write it (and cap.ma) into the file; make its record
//!     Ok(du_lieu) => { so.xac_nhan_kem(&cap.ma, Some(&du_lieu))?; } // 3a. carried: given
//!     Err(e) => { so.huy_giu_cho(&cap.ma, &e.to_string())?; }       // 3b. not: cancelled
//! }
//! # Ok::<(), vanban_so::LoiSo>(())
//! ```
//!
//! The Phụ lục VI metadata record ([`MucDangKy::du_lieu`], JSON) needs the number, so it is
//! usually stored at step 3, with [`SoDangKy::xac_nhan_kem`], in the same transaction as the
//! confirmation.
//!
//! Each step is one transaction of its own, so at any moment the register holds one of:
//!
//! - no entry (a crash before step 1 committed): nothing was taken;
//! - a reservation ([`TrangThai::GiuCho`]): the number is taken and will never be given to
//!   another document, whatever happens next. A crash between steps 1 and 3 leaves it here;
//!   [`SoDangKy::cac_giu_cho`] lists such entries, and the caller looks at the file the entry
//!   names: if it carries the entry's id and number, [`SoDangKy::xac_nhan`], otherwise
//!   [`SoDangKy::huy_giu_cho`] with the reason. The number stays in the book either way, so the
//!   book never has a gap;
//! - a given number ([`TrangThai::DaCap`]) or a cancelled one ([`TrangThai::DaHuy`], with its
//!   reason), both final but for [`SoDangKy::huy`], which cancels a given number.
//!
//! The caller therefore never writes a number into a file before step 1 has returned, and
//! writes the entry's id ([`CapSo::ma`]) with it: running again on a numbered file finds the
//! entry with [`SoDangKy::tim`] and changes nothing. [`SoDangKy::xac_nhan`] on a given entry
//! does nothing, so a retried step 3 is harmless.
//!
//! # Several writers
//!
//! Any number of processes, on one machine (SQLite) or several (PostgreSQL), may open the same
//! register at once, each with its own [`SoDangKy`]. SQLite: the file is in WAL mode, synchronous
//! `FULL` (a committed step survives a power cut), and each writing step is a `BEGIN IMMEDIATE`
//! transaction that waits up to 30 s for another writer. PostgreSQL: each book has a row in
//! `so_sach`, locked (`SELECT … FOR UPDATE`) by the transaction that takes its next number, so
//! takers of one book queue while other books proceed, and a `UNIQUE (sach, nam, so)` constraint
//! is the last guard. A step that meets a busy lock, a serialization failure or a lost race is
//! retried a few times before [`LoiSo::BiKhoa`].
//!
//! # Addresses
//!
//! [`SoDangKy::mo`] takes a file path (SQLite, created if missing; its directory must exist)
//! or a `postgres://` / `postgresql://` URL (or a `host=… dbname=…` string) as the
//! [`postgres`] crate reads it, including a
//! Unix socket directory as the host (`postgres://user@%2Fvar%2Frun%2Fpostgresql/db`). The
//! tables go in the connection's current schema: to keep a register in a schema of its own,
//! create the schema and add `options=-c%20search_path%3Dmy_schema` to the URL. Connections are
//! made without TLS (a local server or a trusted network). The schema is created or upgraded on
//! opening: numbered steps, applied in one transaction and recorded in `phien_ban_luoc_do`; a
//! register written by a newer vanban is refused ([`LoiSo::PhienBanMoiHon`]).

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod kho_pg;
mod kho_sqlite;
mod kieu;
mod loi;
mod migrations;

use std::fmt;
use std::time::Duration;

pub use kieu::{BatThuong, CapSo, Loc, MucDangKy, MucSo, SoSach, TrangThai};
pub use loi::LoiSo;

/// The register: one connection to a SQLite file or a PostgreSQL database.
pub struct SoDangKy {
    kho: Box<dyn Kho>,
    dia_chi: String,
    postgres: bool,
}

impl fmt::Debug for SoDangKy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SoDangKy")
            .field("dia_chi", &self.dia_chi)
            .field("postgres", &self.postgres)
            .finish_non_exhaustive()
    }
}

impl SoDangKy {
    /// The schema version this build writes (the last migration step).
    pub const PHIEN_BAN_LUOC_DO: i64 = migrations::moi_nhat(migrations::SQLITE);

    /// Opens the register at `dia_chi`: a `postgres://` or `postgresql://` URL (or a
    /// `host=… dbname=…` connection string), or else the path of a SQLite file (created if
    /// missing). Creates or upgrades its schema.
    ///
    /// # Errors
    ///
    /// [`LoiSo::MoSqlite`] / [`LoiSo::MoPostgres`] naming the address when it cannot be opened,
    /// [`LoiSo::DiaChiKhongHieu`] for a URL of another kind, [`LoiSo::PhienBanMoiHon`] when a
    /// newer vanban wrote it.
    pub fn mo(dia_chi: &str) -> Result<SoDangKy, LoiSo> {
        if dia_chi.trim().is_empty() {
            return Err(LoiSo::DiaChiTrong);
        }
        let postgres = la_postgres(dia_chi);
        if !postgres && dia_chi.contains("://") {
            return Err(LoiSo::DiaChiKhongHieu(loi::an_mat_khau(dia_chi)));
        }
        let (kho, hien): (Box<dyn Kho>, String) = if postgres {
            let hien = loi::an_mat_khau(dia_chi);
            (Box::new(kho_pg::KhoPg::mo(dia_chi, &hien)?), hien)
        } else {
            (Box::new(kho_sqlite::KhoSqlite::mo(dia_chi)?), dia_chi.to_owned())
        };
        Ok(SoDangKy { kho, dia_chi: hien, postgres })
    }

    /// The address it was opened with (a password hidden).
    pub fn dia_chi(&self) -> &str {
        &self.dia_chi
    }

    /// Whether it is a PostgreSQL register (else SQLite).
    pub fn la_postgres(&self) -> bool {
        self.postgres
    }

    /// Takes the next number of `sach` for `muc`, as a reservation with a new id: see the crate
    /// documentation for what the caller does next.
    ///
    /// # Errors
    ///
    /// [`LoiSo::GiaTri`] for a bad book or entry, [`LoiSo::BiKhoa`] when other writers held
    /// the register too long, database errors.
    pub fn giu_cho(&mut self, sach: &SoSach, muc: &MucDangKy) -> Result<CapSo, LoiSo> {
        self.giu_cho_ma(sach, muc, &ma_moi())
    }

    /// [`SoDangKy::giu_cho`] with the caller's id `ma` (1–64 characters among `A–Z a–z 0–9 - _ . :`).
    ///
    /// # Errors
    ///
    /// Those of [`SoDangKy::giu_cho`], and [`LoiSo::MaTrung`] when an entry has this id already.
    pub fn giu_cho_ma(&mut self, sach: &SoSach, muc: &MucDangKy, ma: &str) -> Result<CapSo, LoiSo> {
        kiem_sach(sach)?;
        kiem_ma(ma)?;
        let dong = DongGhi::tu(sach, muc, ma)?;
        let so = thu_lai(|| self.kho.giu_cho(&dong))?;
        Ok(CapSo { sach: sach.clone(), so, ma: ma.to_owned() })
    }

    /// Marks the reservation `ma` given: the document file carries its number. Does nothing to
    /// an entry already given.
    ///
    /// # Errors
    ///
    /// [`LoiSo::KhongCoMa`], [`LoiSo::KhongPhaiGiuCho`] for a cancelled entry, database errors.
    pub fn xac_nhan(&mut self, ma: &str) -> Result<MucSo, LoiSo> {
        self.xac_nhan_kem(ma, None)
    }

    /// [`SoDangKy::xac_nhan`], storing with it, in the same transaction, the entry's
    /// Phụ lục VI metadata record `du_lieu` (JSON text, kept as given: see
    /// [`MucDangKy::du_lieu`]), which needs the number and so is known only once the file
    /// carries it. `None` leaves the stored record as it is. On an entry already given the
    /// state stays and a `Some` record replaces the stored one.
    ///
    /// # Errors
    ///
    /// Those of [`SoDangKy::xac_nhan`], and [`LoiSo::GiaTri`] for a record with a NUL
    /// character.
    pub fn xac_nhan_kem(&mut self, ma: &str, du_lieu: Option<&str>) -> Result<MucSo, LoiSo> {
        if du_lieu.is_some_and(|d| d.contains('\0')) {
            return Err(LoiSo::gia_tri(
                "dữ liệu văn bản",
                "the document record",
                "có ký tự NUL",
                "it contains a NUL character",
            ));
        }
        thu_lai(|| self.kho.doi(ma, &Doi::XacNhan(du_lieu)))
    }

    /// Cancels the reservation `ma` (the file could not be written), keeping its number with
    /// the reason `ly_do`.
    ///
    /// # Errors
    ///
    /// [`LoiSo::KhongCoMa`], [`LoiSo::KhongPhaiGiuCho`] for an entry given or cancelled,
    /// [`LoiSo::GiaTri`] for an empty reason, database errors.
    pub fn huy_giu_cho(&mut self, ma: &str, ly_do: &str) -> Result<MucSo, LoiSo> {
        kiem_ly_do(ly_do)?;
        thu_lai(|| self.kho.doi(ma, &Doi::HuyGiuCho(ly_do)))
    }

    /// Cancels the given number `so` of `sach` with the reason `ly_do`: it stays in the book,
    /// cancelled, and is never given again.
    ///
    /// # Errors
    ///
    /// [`LoiSo::KhongCoSo`] for a number the book has not given, [`LoiSo::SoDaHuy`] for one
    /// cancelled already, [`LoiSo::SoChuaCap`] for a reservation, [`LoiSo::GiaTri`] for an
    /// empty reason, database errors.
    pub fn huy(&mut self, sach: &SoSach, so: u32, ly_do: &str) -> Result<MucSo, LoiSo> {
        kiem_sach(sach)?;
        kiem_ly_do(ly_do)?;
        thu_lai(|| self.kho.huy(sach, so, ly_do))
    }

    /// The entry with id `ma`, if any.
    ///
    /// # Errors
    ///
    /// Database errors.
    pub fn tim(&self, ma: &str) -> Result<Option<MucSo>, LoiSo> {
        self.kho.tim(ma)
    }

    /// The reservations neither confirmed nor cancelled, by year, book and number.
    ///
    /// # Errors
    ///
    /// Database errors.
    pub fn cac_giu_cho(&self) -> Result<Vec<MucSo>, LoiSo> {
        self.kho.cac_muc(&Loc::tat_ca().trang_thai(TrangThai::GiuCho))
    }

    /// The entries `loc` selects, ordered by year, book name and number.
    ///
    /// # Errors
    ///
    /// Database errors.
    pub fn cac_muc(&self, loc: &Loc) -> Result<Vec<MucSo>, LoiSo> {
        self.kho.cac_muc(loc)
    }

    /// The register's inconsistencies: numbers missing from a book and year, and reservations
    /// left dangling (which may also be a writer still at work: see their time).
    ///
    /// # Errors
    ///
    /// Database errors.
    pub fn kiem_tra(&self) -> Result<Vec<BatThuong>, LoiSo> {
        Ok(kieu::tim_bat_thuong(&self.kho.cac_muc(&Loc::tat_ca())?))
    }
}

/// Whether `dia_chi` names a PostgreSQL database: a `postgres://` or `postgresql://` URL, or
/// a `key=value` connection string starting with `host=`, `hostaddr=`, `dbname=`, `user=` or
/// `port=`.
pub fn la_postgres(dia_chi: &str) -> bool {
    ["postgres://", "postgresql://", "host=", "hostaddr=", "dbname=", "user=", "port="]
        .iter()
        .any(|dau| dia_chi.starts_with(dau))
}

/// One database behind the register: each writing method is one transaction.
pub(crate) trait Kho: Send {
    /// Inserts `dong` as a reservation with the next number of its book; returns the number.
    fn giu_cho(&mut self, dong: &DongGhi<'_>) -> Result<u32, LoiSo>;
    /// Confirms (storing the record it carries, if any) or cancels the reservation `ma`.
    fn doi(&mut self, ma: &str, doi: &Doi<'_>) -> Result<MucSo, LoiSo>;
    /// Cancels a given number.
    fn huy(&mut self, sach: &SoSach, so: u32, ly_do: &str) -> Result<MucSo, LoiSo>;
    /// The entry `ma`.
    fn tim(&self, ma: &str) -> Result<Option<MucSo>, LoiSo>;
    /// The entries `loc` selects, by year, book, number.
    fn cac_muc(&self, loc: &Loc) -> Result<Vec<MucSo>, LoiSo>;
}

/// What to do to a reservation.
#[derive(Debug)]
pub(crate) enum Doi<'a> {
    /// Mark it given, storing this Phụ lục VI record (JSON) if any.
    XacNhan(Option<&'a str>),
    /// Cancel it with this reason.
    HuyGiuCho(&'a str),
}

impl Doi<'_> {
    /// The state and reason an entry `ma` in state `hien_tai` moves to, or `None` when it is
    /// there already.
    pub(crate) fn chuyen(
        &self,
        ma: &str,
        hien_tai: TrangThai,
    ) -> Result<Option<(TrangThai, Option<&str>)>, LoiSo> {
        match (hien_tai, self) {
            (TrangThai::GiuCho, Doi::XacNhan(_)) => Ok(Some((TrangThai::DaCap, None))),
            (TrangThai::GiuCho, Doi::HuyGiuCho(ly_do)) => Ok(Some((TrangThai::DaHuy, Some(*ly_do)))),
            (TrangThai::DaCap, Doi::XacNhan(_)) => Ok(None),
            (trang_thai, _) => Err(LoiSo::KhongPhaiGiuCho { ma: ma.to_owned(), trang_thai }),
        }
    }

    /// The record to store, if any.
    pub(crate) fn du_lieu(&self) -> Option<&str> {
        match self {
            Doi::XacNhan(du_lieu) => *du_lieu,
            Doi::HuyGiuCho(_) => None,
        }
    }
}

/// Refuses to cancel number `so` of `sach`, entry `ma`, unless it is given.
pub(crate) fn kiem_huy(sach: &SoSach, so: u32, ma: &str, hien_tai: TrangThai) -> Result<(), LoiSo> {
    match hien_tai {
        TrangThai::DaCap => Ok(()),
        TrangThai::DaHuy => Err(LoiSo::SoDaHuy { sach: sach.clone(), so }),
        TrangThai::GiuCho => Err(LoiSo::SoChuaCap { sach: sach.clone(), so, ma: ma.to_owned() }),
    }
}

/// The columns read back, in the order of [`DongDoc`], but the time (each database formats it).
pub(crate) const COT: &str = "sach, nam, so, ma, trang_thai, ly_do_huy, ky_hieu, ngay, loai, \
    trich_yeu, nguoi_ky, chuc_vu, noi_nhan, don_vi_luu, so_ban, so_trang, tep, ghi_chu, du_lieu";

/// An entry as the databases take it.
#[derive(Debug)]
pub(crate) struct DongGhi<'a> {
    pub sach: &'a str,
    pub nam: i32,
    pub ma: &'a str,
    pub ky_hieu: Option<&'a str>,
    pub ngay: Option<String>,
    pub loai: &'a str,
    pub trich_yeu: &'a str,
    pub nguoi_ky: Option<&'a str>,
    pub chuc_vu: Option<&'a str>,
    pub noi_nhan: Option<&'a str>,
    pub don_vi_luu: Option<&'a str>,
    pub so_ban: Option<i32>,
    pub so_trang: Option<i32>,
    pub tep: Option<&'a str>,
    pub ghi_chu: Option<&'a str>,
    pub du_lieu: Option<&'a str>,
}

impl<'a> DongGhi<'a> {
    /// The row for `muc` in `sach` with id `ma`, refusing values the databases cannot keep.
    fn tu(sach: &'a SoSach, muc: &'a MucDangKy, ma: &'a str) -> Result<DongGhi<'a>, LoiSo> {
        if muc.loai.trim().is_empty() {
            return Err(LoiSo::gia_tri("tên loại văn bản", "the document type", "để trống", "empty"));
        }
        let van_ban = [
            Some(muc.loai.as_str()),
            Some(muc.trich_yeu.as_str()),
            muc.ky_hieu.as_deref(),
            muc.nguoi_ky.as_deref(),
            muc.chuc_vu.as_deref(),
            muc.noi_nhan.as_deref(),
            muc.don_vi_luu.as_deref(),
            muc.tep.as_deref(),
            muc.ghi_chu.as_deref(),
            muc.du_lieu.as_deref(),
        ];
        if van_ban.iter().flatten().any(|s| s.contains('\0')) {
            return Err(LoiSo::gia_tri(
                "mục đăng ký",
                "the entry",
                "có ký tự NUL",
                "it contains a NUL character",
            ));
        }
        let ngay = match muc.ngay {
            Some(ngay) => {
                kiem_nam(chrono::Datelike::year(&ngay), "năm của ngày văn bản", "the document date's year")?;
                Some(ngay.format("%Y-%m-%d").to_string())
            }
            None => None,
        };
        Ok(DongGhi {
            sach: &sach.ten,
            nam: sach.nam,
            ma,
            ky_hieu: muc.ky_hieu.as_deref(),
            ngay,
            loai: &muc.loai,
            trich_yeu: &muc.trich_yeu,
            nguoi_ky: muc.nguoi_ky.as_deref(),
            chuc_vu: muc.chuc_vu.as_deref(),
            noi_nhan: muc.noi_nhan.as_deref(),
            don_vi_luu: muc.don_vi_luu.as_deref(),
            so_ban: so_nguyen(muc.so_ban, "số bản", "the number of copies")?,
            so_trang: so_nguyen(muc.so_trang, "số trang", "the number of pages")?,
            tep: muc.tep.as_deref(),
            ghi_chu: muc.ghi_chu.as_deref(),
            du_lieu: muc.du_lieu.as_deref(),
        })
    }
}

/// `n` as the databases' INTEGER.
fn so_nguyen(n: Option<u32>, truong: &'static str, truong_en: &'static str) -> Result<Option<i32>, LoiSo> {
    n.map(|n| {
        i32::try_from(n).map_err(|_| {
            LoiSo::gia_tri(truong, truong_en, format!("{n} quá lớn"), format!("{n} is too large"))
        })
    })
    .transpose()
}

/// An entry as the databases give it back.
#[derive(Debug)]
pub(crate) struct DongDoc {
    pub sach: String,
    pub nam: i64,
    pub so: i64,
    pub ma: String,
    pub trang_thai: String,
    pub ly_do_huy: Option<String>,
    pub ky_hieu: Option<String>,
    pub ngay: Option<String>,
    pub loai: String,
    pub trich_yeu: String,
    pub nguoi_ky: Option<String>,
    pub chuc_vu: Option<String>,
    pub noi_nhan: Option<String>,
    pub don_vi_luu: Option<String>,
    pub so_ban: Option<i64>,
    pub so_trang: Option<i64>,
    pub tep: Option<String>,
    pub ghi_chu: Option<String>,
    pub du_lieu: Option<String>,
    pub thoi_diem: String,
}

impl DongDoc {
    /// The entry, or [`LoiSo::DuLieuHong`] for a value this version cannot read.
    pub(crate) fn thanh_muc(self) -> Result<MucSo, LoiSo> {
        let hong = |cot: &str, gia_tri: &dyn fmt::Display| LoiSo::DuLieuHong {
            chi_tiet: format!("mục “{}”, cột {cot}: “{gia_tri}”", self.ma),
        };
        let trang_thai =
            TrangThai::tu_ma(&self.trang_thai).ok_or_else(|| hong("trang_thai", &self.trang_thai))?;
        let nam = i32::try_from(self.nam).map_err(|_| hong("nam", &self.nam))?;
        let so = u32::try_from(self.so).map_err(|_| hong("so", &self.so))?;
        let ngay = match &self.ngay {
            Some(s) => Some(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| hong("ngay", s))?),
            None => None,
        };
        let so_ban = self.so_ban.map(|n| u32::try_from(n).map_err(|_| hong("so_ban", &n))).transpose()?;
        let so_trang =
            self.so_trang.map(|n| u32::try_from(n).map_err(|_| hong("so_trang", &n))).transpose()?;
        Ok(MucSo {
            sach: SoSach { ten: self.sach, nam },
            so,
            ma: self.ma,
            trang_thai,
            ly_do_huy: self.ly_do_huy,
            muc: MucDangKy {
                ky_hieu: self.ky_hieu,
                ngay,
                loai: self.loai,
                trich_yeu: self.trich_yeu,
                nguoi_ky: self.nguoi_ky,
                chuc_vu: self.chuc_vu,
                noi_nhan: self.noi_nhan,
                don_vi_luu: self.don_vi_luu,
                so_ban,
                so_trang,
                tep: self.tep,
                ghi_chu: self.ghi_chu,
                du_lieu: self.du_lieu,
            },
            thoi_diem: self.thoi_diem,
        })
    }
}

/// The smallest and largest year the register takes (those of vanban's dates).
const NAM: std::ops::RangeInclusive<i32> = 1945..=2999;

fn kiem_nam(nam: i32, truong: &'static str, truong_en: &'static str) -> Result<(), LoiSo> {
    if NAM.contains(&nam) {
        return Ok(());
    }
    Err(LoiSo::gia_tri(
        truong,
        truong_en,
        format!("{nam} nằm ngoài khoảng {}–{}", NAM.start(), NAM.end()),
        format!("{nam} is outside {}–{}", NAM.start(), NAM.end()),
    ))
}

fn kiem_sach(sach: &SoSach) -> Result<(), LoiSo> {
    let (truong, truong_en) = ("tên sổ", "the book's name");
    let ten = &sach.ten;
    if ten.trim().is_empty() {
        return Err(LoiSo::gia_tri(truong, truong_en, "để trống", "empty"));
    }
    if ten.trim() != ten {
        return Err(LoiSo::gia_tri(
            truong,
            truong_en,
            format!("“{ten}” có khoảng trắng ở đầu hoặc cuối"),
            format!("“{ten}” has white space at an end"),
        ));
    }
    if ten.chars().count() > 100 || ten.chars().any(char::is_control) {
        return Err(LoiSo::gia_tri(
            truong,
            truong_en,
            "dài quá 100 ký tự hoặc có ký tự điều khiển",
            "longer than 100 characters or with a control character",
        ));
    }
    kiem_nam(sach.nam, "năm của sổ", "the book's year")
}

fn kiem_ma(ma: &str) -> Result<(), LoiSo> {
    let hop_le = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    if (1..=64).contains(&ma.len()) && ma.chars().all(hop_le) {
        return Ok(());
    }
    Err(LoiSo::gia_tri(
        "mã mục",
        "the entry id",
        format!("“{ma}” phải gồm 1–64 ký tự A–Z, a–z, 0–9, “-”, “_”, “.”, “:”"),
        format!("“{ma}” must be 1–64 characters among A–Z, a–z, 0–9, “-”, “_”, “.”, “:”"),
    ))
}

fn kiem_ly_do(ly_do: &str) -> Result<(), LoiSo> {
    let (truong, truong_en) = ("lý do huỷ", "the reason for cancelling");
    if ly_do.trim().is_empty() {
        return Err(LoiSo::gia_tri(truong, truong_en, "để trống", "empty"));
    }
    if ly_do.contains('\0') {
        return Err(LoiSo::gia_tri(truong, truong_en, "có ký tự NUL", "it contains a NUL character"));
    }
    Ok(())
}

/// How many times a step meeting a lock or a lost race is tried.
const SO_LAN_THU: u32 = 6;

/// Runs `f` again, after a short and growing pause, while it fails in a way a retry may mend.
fn thu_lai<T>(mut f: impl FnMut() -> Result<T, LoiSo>) -> Result<T, LoiSo> {
    let mut lan = 0;
    loop {
        match f() {
            Err(e) if e.thu_lai_duoc() && lan + 1 < SO_LAN_THU => {
                lan += 1;
                let jitter = u64::from(std::process::id() ^ gio_nano()) % 20;
                std::thread::sleep(Duration::from_millis((10u64 << lan) + jitter));
            }
            r => return r,
        }
    }
}

/// The clock's nanoseconds, for mixing (0 if the clock is before 1970).
fn gio_nano() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos())
}

/// A new entry id: 32 hexadecimal digits from the time, the process, a counter and the
/// standard library's random hash keys, unique in practice (the database refuses a duplicate).
fn ma_moi() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static DEM: AtomicU64 = AtomicU64::new(0);
    let dem = DEM.fetch_add(1, Ordering::Relaxed);
    let gio = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut ma = String::with_capacity(32);
    for phan in 0..2u8 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(gio);
        h.write_u32(std::process::id());
        h.write_u64(dem);
        h.write_u8(phan);
        ma.push_str(&format!("{:016x}", h.finish()));
    }
    ma
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_differ_and_are_valid() {
        let a = ma_moi();
        let b = ma_moi();
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(kiem_ma(&a).is_ok());
    }

    #[test]
    fn values_refused() {
        assert!(kiem_ma("").is_err());
        assert!(kiem_ma("a b").is_err());
        assert!(kiem_ma(&"x".repeat(65)).is_err());
        assert!(kiem_sach(&SoSach::new(" UBND", 2024)).is_err());
        assert!(kiem_sach(&SoSach::new("UBND", 1900)).is_err());
        assert!(kiem_sach(&SoSach::new("UBND", 2024)).is_ok());
        assert!(kiem_ly_do("  ").is_err());
        assert!(la_postgres("host=/var/run/postgresql dbname=x"));
        assert!(!la_postgres("/tmp/so.sqlite"));
        assert!(matches!(SoDangKy::mo("mysql://h/db"), Err(LoiSo::DiaChiKhongHieu(_))));
        let sach = SoSach::new("UBND", 2024);
        let mut muc = MucDangKy::new("", "x");
        assert!(DongGhi::tu(&sach, &muc, "a").is_err());
        muc.loai = "Công văn".into();
        muc.so_ban = Some(u32::MAX);
        let e = DongGhi::tu(&sach, &muc, "a").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some(
                "số bản không hợp lệ: 4294967295 quá lớn (the number of copies is invalid: 4294967295 is too large)"
            )
        );
    }

    #[test]
    fn register_moves_between_threads() {
        fn gui<T: Send>() {}
        gui::<SoDangKy>();
    }

    #[test]
    fn transitions() {
        assert!(matches!(Doi::XacNhan(None).chuyen("a", TrangThai::DaCap), Ok(None)));
        assert!(Doi::XacNhan(Some("{}")).chuyen("a", TrangThai::DaHuy).is_err());
        assert_eq!(Doi::XacNhan(Some("{}")).du_lieu(), Some("{}"));
        assert_eq!(Doi::HuyGiuCho("x").du_lieu(), None);
        assert!(Doi::HuyGiuCho("x").chuyen("a", TrangThai::DaCap).is_err());
        assert!(matches!(
            Doi::HuyGiuCho("x").chuyen("a", TrangThai::GiuCho),
            Ok(Some((TrangThai::DaHuy, Some("x"))))
        ));
    }
}
