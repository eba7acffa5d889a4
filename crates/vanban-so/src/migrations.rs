//! The register's schema, as numbered steps for each database.
//!
//! Each step runs once, in the same transaction as the row recording it in
//! `phien_ban_luoc_do`; opening a register applies the steps it lacks. Steps are only ever
//! appended: a released step is never edited, and a register whose table names a version
//! above the last step here was written by a newer vanban and is refused.

/// One step of the schema.
#[derive(Debug)]
pub(crate) struct Buoc {
    /// Its number: 1, 2, 3, … in order.
    pub phien_ban: i64,
    /// What it does (kept in the version table).
    pub mo_ta: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// The version table, created before any step (both databases).
pub(crate) const BANG_PHIEN_BAN: &str = "CREATE TABLE IF NOT EXISTS phien_ban_luoc_do (
    phien_ban INTEGER PRIMARY KEY,
    mo_ta TEXT NOT NULL,
    thoi_diem TEXT NOT NULL
)";

/// The steps for SQLite.
pub(crate) const SQLITE: &[Buoc] = &[Buoc {
    phien_ban: 1,
    mo_ta: "so_sach, muc_so",
    sql: "
CREATE TABLE so_sach (
    ten TEXT NOT NULL,
    nam INTEGER NOT NULL,
    PRIMARY KEY (ten, nam)
);
CREATE TABLE muc_so (
    id INTEGER PRIMARY KEY,
    sach TEXT NOT NULL,
    nam INTEGER NOT NULL,
    so INTEGER NOT NULL CHECK (so >= 1),
    ma TEXT NOT NULL,
    trang_thai TEXT NOT NULL CHECK (trang_thai IN ('giu_cho', 'da_cap', 'da_huy')),
    ly_do_huy TEXT,
    ky_hieu TEXT,
    ngay TEXT,
    loai TEXT NOT NULL,
    trich_yeu TEXT NOT NULL,
    nguoi_ky TEXT,
    chuc_vu TEXT,
    noi_nhan TEXT,
    don_vi_luu TEXT,
    so_ban INTEGER,
    so_trang INTEGER,
    tep TEXT,
    ghi_chu TEXT,
    du_lieu TEXT,
    thoi_diem TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT muc_so_ma_duy_nhat UNIQUE (ma),
    CONSTRAINT muc_so_so_duy_nhat UNIQUE (sach, nam, so)
);
CREATE INDEX muc_so_ngay ON muc_so (ngay);
CREATE INDEX muc_so_trang_thai ON muc_so (trang_thai);
",
}];

/// The steps for PostgreSQL.
pub(crate) const POSTGRES: &[Buoc] = &[Buoc {
    phien_ban: 1,
    mo_ta: "so_sach, muc_so",
    sql: "
CREATE TABLE so_sach (
    ten TEXT NOT NULL,
    nam INTEGER NOT NULL,
    PRIMARY KEY (ten, nam)
);
CREATE TABLE muc_so (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sach TEXT NOT NULL,
    nam INTEGER NOT NULL,
    so INTEGER NOT NULL CHECK (so >= 1),
    ma TEXT NOT NULL,
    trang_thai TEXT NOT NULL CHECK (trang_thai IN ('giu_cho', 'da_cap', 'da_huy')),
    ly_do_huy TEXT,
    ky_hieu TEXT,
    ngay TEXT,
    loai TEXT NOT NULL,
    trich_yeu TEXT NOT NULL,
    nguoi_ky TEXT,
    chuc_vu TEXT,
    noi_nhan TEXT,
    don_vi_luu TEXT,
    so_ban INTEGER,
    so_trang INTEGER,
    tep TEXT,
    ghi_chu TEXT,
    du_lieu TEXT,
    thoi_diem TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT muc_so_ma_duy_nhat UNIQUE (ma),
    CONSTRAINT muc_so_so_duy_nhat UNIQUE (sach, nam, so)
);
CREATE INDEX muc_so_ngay ON muc_so (ngay);
CREATE INDEX muc_so_trang_thai ON muc_so (trang_thai);
",
}];

/// The newest version `buoc` reaches.
pub(crate) const fn moi_nhat(buoc: &[Buoc]) -> i64 {
    match buoc.last() {
        Some(b) => b.phien_ban,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_numbered_from_one_in_order() {
        for buoc in [SQLITE, POSTGRES] {
            for (i, b) in buoc.iter().enumerate() {
                assert_eq!(b.phien_ban, i as i64 + 1, "{}", b.mo_ta);
            }
        }
        assert_eq!(moi_nhat(SQLITE), moi_nhat(POSTGRES));
    }
}
