//! The register in a SQLite file.

use std::fmt;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::migrations::{self, BANG_PHIEN_BAN};
use crate::{COT, Doi, DongDoc, DongGhi, Kho, Loc, LoiSo, MucSo, SoSach, TrangThai, kiem_huy, thu_lai};

/// How long a step waits for another writer's transaction.
const THOI_GIAN_CHO: Duration = Duration::from_secs(30);

/// The columns of an entry, its time included.
const CHON: &str = "thoi_diem";

/// A connection to the file.
pub(crate) struct KhoSqlite {
    conn: Connection,
    duong_dan: String,
}

impl fmt::Debug for KhoSqlite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KhoSqlite").field("duong_dan", &self.duong_dan).finish_non_exhaustive()
    }
}

/// SQLite's errors as the register's: a busy or locked database may be retried.
fn loi(e: rusqlite::Error) -> LoiSo {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            LoiSo::BiKhoa { chi_tiet: e.to_string() }
        }
        _ => LoiSo::CoSoDuLieu { chi_tiet: e.to_string(), nguon: Box::new(e) },
    }
}

/// `.loi()`: a SQLite result as the register's.
trait VeLoi<T> {
    fn loi(self) -> Result<T, LoiSo>;
}

impl<T> VeLoi<T> for rusqlite::Result<T> {
    fn loi(self) -> Result<T, LoiSo> {
        self.map_err(loi)
    }
}

impl KhoSqlite {
    /// Opens (creates) the file at `duong_dan`, in WAL mode, and brings its schema up to date.
    pub(crate) fn mo(duong_dan: &str) -> Result<KhoSqlite, LoiSo> {
        let loi_mo = |chi_tiet: String| LoiSo::MoSqlite { duong_dan: duong_dan.to_owned(), chi_tiet };
        let co = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(duong_dan, co).map_err(|e| loi_mo(e.to_string()))?;
        conn.busy_timeout(THOI_GIAN_CHO).map_err(|e| loi_mo(e.to_string()))?;
        let mut kho = KhoSqlite { conn, duong_dan: duong_dan.to_owned() };
        thu_lai(|| kho.chuan_bi()).map_err(|e| match e {
            LoiSo::CoSoDuLieu { chi_tiet, .. } => loi_mo(chi_tiet),
            khac => khac,
        })?;
        Ok(kho)
    }

    /// Sets the connection's modes and applies the migration steps the file lacks.
    fn chuan_bi(&mut self) -> Result<(), LoiSo> {
        let _: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).loi()?;
        self.conn.pragma_update(None, "synchronous", "FULL").loi()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).loi()?;
        tx.execute_batch(BANG_PHIEN_BAN).loi()?;
        let hien: i64 = tx
            .query_row("SELECT COALESCE(MAX(phien_ban), 0) FROM phien_ban_luoc_do", [], |r| r.get(0))
            .loi()?;
        let toi_da = migrations::moi_nhat(migrations::SQLITE);
        if hien > toi_da {
            return Err(LoiSo::PhienBanMoiHon { dia_chi: self.duong_dan.clone(), phien_ban: hien, toi_da });
        }
        for buoc in migrations::SQLITE.iter().filter(|b| b.phien_ban > hien) {
            tx.execute_batch(buoc.sql).loi()?;
            tx.execute(
                "INSERT INTO phien_ban_luoc_do (phien_ban, mo_ta, thoi_diem) \
                 VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                params![buoc.phien_ban, buoc.mo_ta],
            )
            .loi()?;
        }
        tx.commit().loi()
    }
}

/// An entry from a row of `SELECT {COT}, {CHON}`.
fn doc_dong(r: &rusqlite::Row<'_>) -> rusqlite::Result<DongDoc> {
    Ok(DongDoc {
        sach: r.get(0)?,
        nam: r.get(1)?,
        so: r.get(2)?,
        ma: r.get(3)?,
        trang_thai: r.get(4)?,
        ly_do_huy: r.get(5)?,
        ky_hieu: r.get(6)?,
        ngay: r.get(7)?,
        loai: r.get(8)?,
        trich_yeu: r.get(9)?,
        nguoi_ky: r.get(10)?,
        chuc_vu: r.get(11)?,
        noi_nhan: r.get(12)?,
        don_vi_luu: r.get(13)?,
        so_ban: r.get(14)?,
        so_trang: r.get(15)?,
        tep: r.get(16)?,
        ghi_chu: r.get(17)?,
        du_lieu: r.get(18)?,
        thoi_diem: r.get(19)?,
    })
}

/// The entry `ma`, read through `conn` (a transaction or the connection).
fn doc_ma(conn: &Connection, ma: &str) -> Result<Option<MucSo>, LoiSo> {
    let sql = format!("SELECT {COT}, {CHON} FROM muc_so WHERE ma = ?1");
    let dong = conn.query_row(&sql, [ma], doc_dong).optional().loi()?;
    dong.map(DongDoc::thanh_muc).transpose()
}

/// A stored state, or [`LoiSo::DuLieuHong`].
fn trang_thai(ma: &str, s: &str) -> Result<TrangThai, LoiSo> {
    TrangThai::tu_ma(s).ok_or_else(|| LoiSo::DuLieuHong {
        chi_tiet: format!("mục “{ma}”, cột trang_thai: “{s}”"),
    })
}

impl Kho for KhoSqlite {
    fn giu_cho(&mut self, d: &DongGhi<'_>) -> Result<u32, LoiSo> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).loi()?;
        tx.execute("INSERT OR IGNORE INTO so_sach (ten, nam) VALUES (?1, ?2)", params![d.sach, d.nam])
            .loi()?;
        let co: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM muc_so WHERE ma = ?1)", [d.ma], |r| r.get(0)).loi()?;
        if co {
            return Err(LoiSo::MaTrung(d.ma.to_owned()));
        }
        let cuoi: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(so), 0) FROM muc_so WHERE sach = ?1 AND nam = ?2",
                params![d.sach, d.nam],
                |r| r.get(0),
            )
            .loi()?;
        let so = so_tiep(cuoi)?;
        tx.execute(
            "INSERT INTO muc_so (sach, nam, so, ma, trang_thai, ky_hieu, ngay, loai, trich_yeu, \
             nguoi_ky, chuc_vu, noi_nhan, don_vi_luu, so_ban, so_trang, tep, ghi_chu, du_lieu) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            params![
                d.sach,
                d.nam,
                so,
                d.ma,
                TrangThai::GiuCho.ma(),
                d.ky_hieu,
                d.ngay,
                d.loai,
                d.trich_yeu,
                d.nguoi_ky,
                d.chuc_vu,
                d.noi_nhan,
                d.don_vi_luu,
                d.so_ban,
                d.so_trang,
                d.tep,
                d.ghi_chu,
                d.du_lieu
            ],
        )
        .loi()?;
        tx.commit().loi()?;
        Ok(so)
    }

    fn doi(&mut self, ma: &str, doi: &Doi<'_>) -> Result<MucSo, LoiSo> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).loi()?;
        let hien: Option<String> = tx
            .query_row("SELECT trang_thai FROM muc_so WHERE ma = ?1", [ma], |r| r.get(0))
            .optional()
            .loi()?;
        let hien = hien.ok_or_else(|| LoiSo::KhongCoMa(ma.to_owned()))?;
        if let Some((moi, ly_do)) = doi.chuyen(ma, trang_thai(ma, &hien)?)? {
            tx.execute(
                "UPDATE muc_so SET trang_thai = ?1, ly_do_huy = ?2 WHERE ma = ?3",
                params![moi.ma(), ly_do, ma],
            )
            .loi()?;
        }
        if let Some(du_lieu) = doi.du_lieu() {
            tx.execute("UPDATE muc_so SET du_lieu = ?1 WHERE ma = ?2", params![du_lieu, ma]).loi()?;
        }
        let muc = doc_ma(&tx, ma)?.ok_or_else(|| LoiSo::KhongCoMa(ma.to_owned()))?;
        tx.commit().loi()?;
        Ok(muc)
    }

    fn huy(&mut self, sach: &SoSach, so: u32, ly_do: &str) -> Result<MucSo, LoiSo> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).loi()?;
        let dong: Option<(String, String)> = tx
            .query_row(
                "SELECT ma, trang_thai FROM muc_so WHERE sach = ?1 AND nam = ?2 AND so = ?3",
                params![sach.ten, sach.nam, so],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .loi()?;
        let (ma, hien) = dong.ok_or_else(|| LoiSo::KhongCoSo { sach: sach.clone(), so })?;
        kiem_huy(sach, so, &ma, trang_thai(&ma, &hien)?)?;
        tx.execute(
            "UPDATE muc_so SET trang_thai = ?1, ly_do_huy = ?2 WHERE ma = ?3",
            params![TrangThai::DaHuy.ma(), ly_do, ma],
        )
        .loi()?;
        let muc = doc_ma(&tx, &ma)?.ok_or_else(|| LoiSo::KhongCoMa(ma.clone()))?;
        tx.commit().loi()?;
        Ok(muc)
    }

    fn tim(&self, ma: &str) -> Result<Option<MucSo>, LoiSo> {
        doc_ma(&self.conn, ma)
    }

    fn cac_muc(&self, loc: &Loc) -> Result<Vec<MucSo>, LoiSo> {
        let sql = format!(
            "SELECT {COT}, {CHON} FROM muc_so WHERE (?1 IS NULL OR sach = ?1) \
             AND (?2 IS NULL OR nam = ?2) AND (?3 IS NULL OR ngay >= ?3) \
             AND (?4 IS NULL OR ngay <= ?4) AND (?5 IS NULL OR trang_thai = ?5) \
             ORDER BY nam, sach, so"
        );
        let mut lenh = self.conn.prepare_cached(&sql).loi()?;
        let ngay = |n: Option<chrono::NaiveDate>| n.map(|n| n.format("%Y-%m-%d").to_string());
        let dong = lenh
            .query_map(
                params![
                    loc.sach,
                    loc.nam,
                    ngay(loc.tu_ngay),
                    ngay(loc.den_ngay),
                    loc.trang_thai.map(TrangThai::ma)
                ],
                doc_dong,
            )
            .loi()?;
        dong.map(|d| d.loi().and_then(DongDoc::thanh_muc)).collect()
    }
}

/// The number after `cuoi`, the largest a book holds, or an error when the book is full.
pub(crate) fn so_tiep(cuoi: i64) -> Result<u32, LoiSo> {
    match i32::try_from(cuoi + 1) {
        Ok(so) if so >= 1 => Ok(so.unsigned_abs()),
        _ => Err(LoiSo::gia_tri(
            "số tiếp theo",
            "the next number",
            format!("sổ đã dùng hết số (số cuối {cuoi})"),
            format!("the book has used up its numbers (last {cuoi})"),
        )),
    }
}
