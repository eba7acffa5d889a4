//! The register in a PostgreSQL database.

use std::cell::RefCell;
use std::fmt;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, NoTls, Row};

use crate::kho_sqlite::so_tiep;
use crate::migrations::{self, BANG_PHIEN_BAN};
use crate::{COT, Doi, DongDoc, DongGhi, Kho, Loc, LoiSo, MucSo, SoSach, TrangThai, kiem_huy, thu_lai};

/// The time of an entry, in the same form as SQLite's.
const CHON: &str = "to_char(thoi_diem AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

/// The constraint that keeps a number from being given twice.
const RANG_BUOC_SO: &str = "muc_so_so_duy_nhat";

/// The constraint that keeps ids unique.
const RANG_BUOC_MA: &str = "muc_so_ma_duy_nhat";

/// A connection to the database (in a cell: the client's reads need `&mut`).
pub(crate) struct KhoPg {
    client: RefCell<Client>,
    dia_chi: String,
}

impl fmt::Debug for KhoPg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KhoPg").field("dia_chi", &self.dia_chi).finish_non_exhaustive()
    }
}

/// PostgreSQL's errors as the register's: a lock timeout, a serialization failure, a deadlock
/// or a number taken by a concurrent writer may be retried.
fn loi(e: postgres::Error) -> LoiSo {
    let thu_lai = match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => {
            e.as_db_error().and_then(|d| d.constraint()) == Some(RANG_BUOC_SO)
        }
        Some(c) => {
            *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::LOCK_NOT_AVAILABLE
        }
        None => false,
    };
    if thu_lai {
        return LoiSo::BiKhoa { chi_tiet: chi_tiet(&e) };
    }
    LoiSo::CoSoDuLieu { chi_tiet: chi_tiet(&e), nguon: Box::new(e) }
}

/// The error's text with the server's message (the crate's `Display` gives only "db error").
fn chi_tiet(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{}: {}", d.code().code(), d.message()),
        None => e.to_string(),
    }
}

/// `.loi()`: a PostgreSQL result as the register's.
trait VeLoi<T> {
    fn loi(self) -> Result<T, LoiSo>;
}

impl<T> VeLoi<T> for Result<T, postgres::Error> {
    fn loi(self) -> Result<T, LoiSo> {
        self.map_err(loi)
    }
}

impl KhoPg {
    /// Connects to `url` (`hien`: the same with its password hidden) and brings the schema up
    /// to date.
    pub(crate) fn mo(url: &str, hien: &str) -> Result<KhoPg, LoiSo> {
        let loi_mo = |chi_tiet: String| LoiSo::MoPostgres { dia_chi: hien.to_owned(), chi_tiet };
        let mut cau_hinh: Config = url.parse().map_err(|e: postgres::Error| loi_mo(e.to_string()))?;
        if cau_hinh.get_connect_timeout().is_none() {
            cau_hinh.connect_timeout(Duration::from_secs(10));
        }
        if cau_hinh.get_application_name().is_none() {
            cau_hinh.application_name("vanban-so");
        }
        let mut client = cau_hinh.connect(NoTls).map_err(|e| loi_mo(chi_tiet(&e)))?;
        client.batch_execute("SET lock_timeout = '30s'").map_err(|e| loi_mo(chi_tiet(&e)))?;
        let luoc_do: Option<String> = client
            .query_one("SELECT current_schema()", &[])
            .and_then(|r| r.try_get(0))
            .map_err(|e| loi_mo(chi_tiet(&e)))?;
        if luoc_do.is_none() {
            return Err(loi_mo(
                "search_path không chỉ tới lược đồ (schema) nào có thật: hãy tạo lược đồ trước \
                 (search_path names no existing schema: create the schema first)"
                    .to_owned(),
            ));
        }
        let mut kho = KhoPg { client: RefCell::new(client), dia_chi: hien.to_owned() };
        thu_lai(|| kho.nang_cap()).map_err(|e| match e {
            LoiSo::CoSoDuLieu { chi_tiet, .. } => loi_mo(chi_tiet),
            khac => khac,
        })?;
        Ok(kho)
    }

    /// Applies the migration steps the schema lacks, one writer at a time (an advisory lock
    /// named after the schema).
    fn nang_cap(&mut self) -> Result<(), LoiSo> {
        let mut tx = self.client.get_mut().transaction().loi()?;
        tx.batch_execute("SELECT pg_advisory_xact_lock(hashtext('vanban-so:' || current_schema()))").loi()?;
        tx.batch_execute(BANG_PHIEN_BAN).loi()?;
        let hien: i64 = tx
            .query_one("SELECT COALESCE(MAX(phien_ban), 0)::bigint FROM phien_ban_luoc_do", &[])
            .and_then(|r| r.try_get(0))
            .loi()?;
        let toi_da = migrations::moi_nhat(migrations::POSTGRES);
        if hien > toi_da {
            return Err(LoiSo::PhienBanMoiHon { dia_chi: self.dia_chi.clone(), phien_ban: hien, toi_da });
        }
        for buoc in migrations::POSTGRES.iter().filter(|b| b.phien_ban > hien) {
            tx.batch_execute(buoc.sql).loi()?;
            tx.execute(
                "INSERT INTO phien_ban_luoc_do (phien_ban, mo_ta, thoi_diem) \
                 VALUES ($1::bigint, $2, now()::text)",
                &[&buoc.phien_ban, &buoc.mo_ta],
            )
            .loi()?;
        }
        tx.commit().loi()
    }

    /// The client, for a read through `&self`.
    fn doc(&self) -> Result<std::cell::RefMut<'_, Client>, LoiSo> {
        self.client.try_borrow_mut().map_err(|e| LoiSo::CoSoDuLieu {
            chi_tiet: "kết nối đang bận (the connection is busy)".to_owned(),
            nguon: Box::new(e),
        })
    }
}

/// An entry from a row of `SELECT {COT}, {CHON}`.
fn doc_dong(r: &Row) -> Result<DongDoc, postgres::Error> {
    let so_nguyen = |i: usize| -> Result<Option<i64>, postgres::Error> {
        Ok(r.try_get::<_, Option<i32>>(i)?.map(i64::from))
    };
    Ok(DongDoc {
        sach: r.try_get(0)?,
        nam: i64::from(r.try_get::<_, i32>(1)?),
        so: i64::from(r.try_get::<_, i32>(2)?),
        ma: r.try_get(3)?,
        trang_thai: r.try_get(4)?,
        ly_do_huy: r.try_get(5)?,
        ky_hieu: r.try_get(6)?,
        ngay: r.try_get(7)?,
        loai: r.try_get(8)?,
        trich_yeu: r.try_get(9)?,
        nguoi_ky: r.try_get(10)?,
        chuc_vu: r.try_get(11)?,
        noi_nhan: r.try_get(12)?,
        don_vi_luu: r.try_get(13)?,
        so_ban: so_nguyen(14)?,
        so_trang: so_nguyen(15)?,
        tep: r.try_get(16)?,
        ghi_chu: r.try_get(17)?,
        du_lieu: r.try_get(18)?,
        thoi_diem: r.try_get(19)?,
    })
}

/// The entry `ma`, read through `conn` (a transaction or the client).
fn doc_ma(conn: &mut impl postgres::GenericClient, ma: &str) -> Result<Option<MucSo>, LoiSo> {
    let sql = format!("SELECT {COT}, {CHON} FROM muc_so WHERE ma = $1");
    let dong = conn.query_opt(&sql, &[&ma]).loi()?;
    dong.map(|r| doc_dong(&r).loi().and_then(DongDoc::thanh_muc)).transpose()
}

/// A stored state, or [`LoiSo::DuLieuHong`].
fn trang_thai(ma: &str, s: &str) -> Result<TrangThai, LoiSo> {
    TrangThai::tu_ma(s).ok_or_else(|| LoiSo::DuLieuHong {
        chi_tiet: format!("mục “{ma}”, cột trang_thai: “{s}”"),
    })
}

impl Kho for KhoPg {
    fn giu_cho(&mut self, d: &DongGhi<'_>) -> Result<u32, LoiSo> {
        let mut tx = self.client.get_mut().transaction().loi()?;
        tx.execute(
            "INSERT INTO so_sach (ten, nam) VALUES ($1, $2) ON CONFLICT (ten, nam) DO NOTHING",
            &[&d.sach, &d.nam],
        )
        .loi()?;
        tx.query("SELECT 1 FROM so_sach WHERE ten = $1 AND nam = $2 FOR UPDATE", &[&d.sach, &d.nam]).loi()?;
        let co: bool = tx
            .query_one("SELECT EXISTS (SELECT 1 FROM muc_so WHERE ma = $1)", &[&d.ma])
            .and_then(|r| r.try_get(0))
            .loi()?;
        if co {
            return Err(LoiSo::MaTrung(d.ma.to_owned()));
        }
        let cuoi: i32 = tx
            .query_one(
                "SELECT COALESCE(MAX(so), 0) FROM muc_so WHERE sach = $1 AND nam = $2",
                &[&d.sach, &d.nam],
            )
            .and_then(|r| r.try_get(0))
            .loi()?;
        let so = so_tiep(i64::from(cuoi))?;
        let so_i32 = cuoi + 1;
        let ket_qua = tx.execute(
            "INSERT INTO muc_so (sach, nam, so, ma, trang_thai, ky_hieu, ngay, loai, trich_yeu, \
             nguoi_ky, chuc_vu, noi_nhan, don_vi_luu, so_ban, so_trang, tep, ghi_chu, du_lieu) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            &[
                &d.sach,
                &d.nam,
                &so_i32,
                &d.ma,
                &TrangThai::GiuCho.ma(),
                &d.ky_hieu,
                &d.ngay,
                &d.loai,
                &d.trich_yeu,
                &d.nguoi_ky,
                &d.chuc_vu,
                &d.noi_nhan,
                &d.don_vi_luu,
                &d.so_ban,
                &d.so_trang,
                &d.tep,
                &d.ghi_chu,
                &d.du_lieu,
            ],
        );
        if let Err(e) = ket_qua {
            if e.as_db_error().and_then(|d| d.constraint()) == Some(RANG_BUOC_MA) {
                return Err(LoiSo::MaTrung(d.ma.to_owned()));
            }
            return Err(loi(e));
        }
        tx.commit().loi()?;
        Ok(so)
    }

    fn doi(&mut self, ma: &str, doi: &Doi<'_>) -> Result<MucSo, LoiSo> {
        let mut tx = self.client.get_mut().transaction().loi()?;
        let hien: String = tx
            .query_opt("SELECT trang_thai FROM muc_so WHERE ma = $1 FOR UPDATE", &[&ma])
            .loi()?
            .ok_or_else(|| LoiSo::KhongCoMa(ma.to_owned()))?
            .try_get(0)
            .loi()?;
        if let Some((moi, ly_do)) = doi.chuyen(ma, trang_thai(ma, &hien)?)? {
            tx.execute(
                "UPDATE muc_so SET trang_thai = $1, ly_do_huy = $2 WHERE ma = $3",
                &[&moi.ma(), &ly_do, &ma],
            )
            .loi()?;
        }
        if let Some(du_lieu) = doi.du_lieu() {
            tx.execute("UPDATE muc_so SET du_lieu = $1 WHERE ma = $2", &[&du_lieu, &ma]).loi()?;
        }
        let muc = doc_ma(&mut tx, ma)?.ok_or_else(|| LoiSo::KhongCoMa(ma.to_owned()))?;
        tx.commit().loi()?;
        Ok(muc)
    }

    fn huy(&mut self, sach: &SoSach, so: u32, ly_do: &str) -> Result<MucSo, LoiSo> {
        let khong_co = || LoiSo::KhongCoSo { sach: sach.clone(), so };
        let so_i32 = i32::try_from(so).map_err(|_| khong_co())?;
        let mut tx = self.client.get_mut().transaction().loi()?;
        let dong = tx
            .query_opt(
                "SELECT ma, trang_thai FROM muc_so WHERE sach = $1 AND nam = $2 AND so = $3 FOR UPDATE",
                &[&sach.ten, &sach.nam, &so_i32],
            )
            .loi()?
            .ok_or_else(khong_co)?;
        let ma: String = dong.try_get(0).loi()?;
        let hien: String = dong.try_get(1).loi()?;
        kiem_huy(sach, so, &ma, trang_thai(&ma, &hien)?)?;
        tx.execute(
            "UPDATE muc_so SET trang_thai = $1, ly_do_huy = $2 WHERE ma = $3",
            &[&TrangThai::DaHuy.ma(), &ly_do, &ma],
        )
        .loi()?;
        let muc = doc_ma(&mut tx, &ma)?.ok_or_else(|| LoiSo::KhongCoMa(ma.clone()))?;
        tx.commit().loi()?;
        Ok(muc)
    }

    fn tim(&self, ma: &str) -> Result<Option<MucSo>, LoiSo> {
        doc_ma(&mut *self.doc()?, ma)
    }

    fn cac_muc(&self, loc: &Loc) -> Result<Vec<MucSo>, LoiSo> {
        let sql = format!(
            "SELECT {COT}, {CHON} FROM muc_so WHERE ($1::text IS NULL OR sach = $1) \
             AND ($2::int4 IS NULL OR nam = $2) \
             AND ($3::text IS NULL OR ngay COLLATE \"C\" >= $3) \
             AND ($4::text IS NULL OR ngay COLLATE \"C\" <= $4) \
             AND ($5::text IS NULL OR trang_thai = $5) \
             ORDER BY nam, sach COLLATE \"C\", so"
        );
        let ngay = |n: Option<chrono::NaiveDate>| n.map(|n| n.format("%Y-%m-%d").to_string());
        let (tu, den) = (ngay(loc.tu_ngay), ngay(loc.den_ngay));
        let trang_thai = loc.trang_thai.map(TrangThai::ma);
        let dong = self.doc()?.query(&sql, &[&loc.sach, &loc.nam, &tu, &den, &trang_thai]).loi()?;
        dong.iter().map(|r| doc_dong(r).loi().and_then(DongDoc::thanh_muc)).collect()
    }
}
