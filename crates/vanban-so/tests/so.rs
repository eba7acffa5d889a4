//! The register's one test suite, run on SQLite and on PostgreSQL: every case below is a
//! module with a `sqlite` and a `postgres` test.
//!
//! The PostgreSQL tests need a server: set `VANBAN_POSTGRES_URL` (see `POSTGRES.md` beside
//! this crate's `Cargo.toml`); without it they fail. Each test gets a schema of its own
//! (`vb_<test>_<pid>`, dropped at the end), reached by adding
//! `options=-c search_path=<schema>` to that URL, so tests run in parallel.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use chrono::NaiveDate;
use vanban_so::{BatThuong, Loc, LoiSo, MucDangKy, SoDangKy, SoSach, TrangThai};

/// The variable naming the PostgreSQL server.
const BIEN_PG: &str = "VANBAN_POSTGRES_URL";

/// The variables a child process of the multi-process tests reads.
const BIEN_CON: &str = "VANBAN_SO_CON";
const BIEN_CON_DIA_CHI: &str = "VANBAN_SO_CON_DIA_CHI";
const BIEN_CON_THU_MUC: &str = "VANBAN_SO_CON_THU_MUC";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nen {
    Sqlite,
    Postgres,
}

/// The PostgreSQL URL, or a failure saying how to get one.
fn url_pg() -> String {
    match std::env::var(BIEN_PG) {
        Ok(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => url,
        Ok(url) => panic!("{BIEN_PG}={url:?} is not a postgres:// URL"),
        Err(_) => panic!(
            "{BIEN_PG} is not set: the register's PostgreSQL tests need a server. On Debian, as \
             root: `apt-get install postgresql && pg_ctlcluster 15 main start && su postgres -c \
             \"psql -c 'CREATE ROLE root SUPERUSER LOGIN'\" && su postgres -c \"createdb -O root \
             vanban_test\"`, then `export {BIEN_PG}='postgres://root@%2Fvar%2Frun%2Fpostgresql/vanban_test'` \
             (crates/vanban-so/POSTGRES.md)"
        ),
    }
}

/// A fresh register for one test: a file in a temporary directory, or a schema of its own.
struct Moi {
    nen: Nen,
    dia_chi: String,
    thu_muc: tempfile::TempDir,
    /// The server's URL and the schema, dropped at the end.
    luoc_do: Option<(String, String)>,
}

impl Moi {
    fn tao(nen: Nen, ten: &str) -> Moi {
        let thu_muc = tempfile::tempdir().expect("a temporary directory");
        match nen {
            Nen::Sqlite => {
                let dia_chi = thu_muc.path().join("so-dang-ky.sqlite").display().to_string();
                Moi { nen, dia_chi, thu_muc, luoc_do: None }
            }
            Nen::Postgres => {
                let url = url_pg();
                let luoc_do = format!("vb_{}_{}", &ten[..ten.len().min(40)], std::process::id());
                let mut client = postgres::Client::connect(&url, postgres::NoTls)
                    .unwrap_or_else(|e| panic!("cannot connect to {BIEN_PG}={url}: {e:?}"));
                client
                    .batch_execute(&format!(
                        "DROP SCHEMA IF EXISTS {luoc_do} CASCADE; CREATE SCHEMA {luoc_do}"
                    ))
                    .expect("create the test schema");
                let noi = if url.contains('?') { '&' } else { '?' };
                let dia_chi = format!("{url}{noi}options=-c%20search_path%3D{luoc_do}");
                Moi { nen, dia_chi, thu_muc, luoc_do: Some((url, luoc_do)) }
            }
        }
    }

    fn mo(&self) -> SoDangKy {
        SoDangKy::mo(&self.dia_chi).unwrap_or_else(|e| panic!("open {}: {e}", self.dia_chi))
    }

    /// Runs `sql` on the register's database directly.
    fn thuc_thi(&self, sql: &str) {
        match self.nen {
            Nen::Sqlite => {
                rusqlite::Connection::open(&self.dia_chi).and_then(|c| c.execute_batch(sql)).expect(sql)
            }
            Nen::Postgres => postgres::Client::connect(&self.dia_chi, postgres::NoTls)
                .and_then(|mut c| c.batch_execute(sql))
                .expect(sql),
        }
    }

    /// The number `sql` counts, read directly.
    fn dem(&self, sql: &str) -> i64 {
        match self.nen {
            Nen::Sqlite => rusqlite::Connection::open(&self.dia_chi)
                .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
                .expect(sql),
            Nen::Postgres => postgres::Client::connect(&self.dia_chi, postgres::NoTls)
                .and_then(|mut c| c.query_one(sql, &[])?.try_get(0))
                .expect(sql),
        }
    }
}

impl Drop for Moi {
    fn drop(&mut self) {
        if let Some((url, luoc_do)) = &self.luoc_do
            && let Ok(mut c) = postgres::Client::connect(url, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {luoc_do} CASCADE"));
        }
    }
}

/// Each case as a module with a test per database.
macro_rules! hai_nen {
    ($( $(#[doc = $doc:literal])* fn $ten:ident($moi:ident) $than:block )*) => {$(
        $(#[doc = $doc])*
        mod $ten {
            use super::*;

            fn chay($moi: &Moi) $than

            #[test]
            fn sqlite() {
                chay(&Moi::tao(Nen::Sqlite, stringify!($ten)));
            }

            #[test]
            fn postgres() {
                chay(&Moi::tao(Nen::Postgres, stringify!($ten)));
            }
        }
    )*};
}

fn cong_van(trich_yeu: &str) -> MucDangKy {
    MucDangKy::new("Công văn", trich_yeu)
}

/// Takes and confirms a number.
fn cap_so(so: &mut SoDangKy, sach: &SoSach, muc: &MucDangKy) -> u32 {
    let cap = so.giu_cho(sach, muc).expect("giu_cho");
    so.xac_nhan(&cap.ma).expect("xac_nhan");
    cap.so
}

fn so_cua(so: &SoDangKy, loc: &Loc) -> Vec<(String, i32, u32)> {
    so.cac_muc(loc).expect("cac_muc").into_iter().map(|m| (m.sach.ten, m.sach.nam, m.so)).collect()
}

hai_nen! {
    /// Numbers run from 1 in each book and each year, independently.
    fn so_tu_mot_theo_sach_va_nam(moi) {
        let mut so = moi.mo();
        let ubnd24 = SoSach::new("UBND", 2024);
        let qppl24 = SoSach::new("QPPL", 2024);
        let ubnd25 = SoSach::new("UBND", 2025);
        assert_eq!(cap_so(&mut so, &ubnd24, &cong_van("a")), 1);
        assert_eq!(cap_so(&mut so, &ubnd24, &cong_van("b")), 2);
        assert_eq!(cap_so(&mut so, &qppl24, &cong_van("c")), 1);
        assert_eq!(cap_so(&mut so, &ubnd25, &cong_van("d")), 1);
        assert_eq!(cap_so(&mut so, &ubnd24, &cong_van("e")), 3);
        assert_eq!(cap_so(&mut so, &ubnd25, &cong_van("f")), 2);
        assert_eq!(
            so_cua(&so, &Loc::tat_ca()),
            vec![
                ("QPPL".into(), 2024, 1),
                ("UBND".into(), 2024, 1),
                ("UBND".into(), 2024, 2),
                ("UBND".into(), 2024, 3),
                ("UBND".into(), 2025, 1),
                ("UBND".into(), 2025, 2),
            ]
        );
        assert_eq!(so_cua(&so, &Loc::tat_ca().sach("UBND").nam(2025)).len(), 2);
        assert_eq!(so_cua(&so, &Loc::tat_ca().nam(2024)).len(), 4);
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());
    }

    /// Every field comes back as recorded; the date range selects by the document's date.
    fn muc_luu_du_va_loc_theo_ngay(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        let mut muc = MucDangKy::new("Kế hoạch", "Triển khai công tác chuyển đổi số năm 2024");
        muc.ky_hieu = Some("KH-UBND".into());
        muc.ngay = NaiveDate::from_ymd_opt(2024, 3, 5);
        muc.nguoi_ky = Some("Nguyễn Văn A".into());
        muc.chuc_vu = Some("Chủ tịch".into());
        muc.noi_nhan = Some("- Như trên;\n- Lưu: VT, VP.".into());
        muc.don_vi_luu = Some("VP, Trần Thị B".into());
        muc.so_ban = Some(12);
        muc.so_trang = Some(3);
        muc.tep = Some("/văn bản/kế hoạch.toml".into());
        muc.ghi_chu = Some("khẩn".into());
        muc.du_lieu = Some(r#"{ "CodeNumber": "12", "Subject": "Triển khai…" }"#.into());
        let cap = so.giu_cho(&sach, &muc).expect("giu_cho");
        let m = so.xac_nhan(&cap.ma).expect("xac_nhan");
        assert_eq!(m.muc, muc);
        assert_eq!((m.so, m.trang_thai, m.ly_do_huy.as_deref()), (1, TrangThai::DaCap, None));
        assert_eq!(m.sach, sach);
        assert_eq!(m.thoi_diem.len(), "2024-01-01T00:00:00.000Z".len(), "{}", m.thoi_diem);
        assert!(m.thoi_diem.ends_with('Z'));

        for (thang, ngay) in [(1, 31), (3, 6), (12, 31)] {
            let mut m = cong_van("x");
            m.ngay = NaiveDate::from_ymd_opt(2024, thang, ngay);
            cap_so(&mut so, &sach, &m);
        }
        cap_so(&mut so, &sach, &cong_van("no date"));
        let d = |m, n| NaiveDate::from_ymd_opt(2024, m, n);
        let loc = Loc::tat_ca().tu_den(d(3, 1), d(3, 31));
        assert_eq!(so_cua(&so, &loc), vec![("UBND".into(), 2024, 1), ("UBND".into(), 2024, 3)]);
        let loc = Loc::tat_ca().tu_den(d(3, 6), None);
        assert_eq!(so_cua(&so, &loc).iter().map(|x| x.2).collect::<Vec<_>>(), vec![3, 4]);
        let loc = Loc::tat_ca().tu_den(None, d(3, 5));
        assert_eq!(so_cua(&so, &loc).iter().map(|x| x.2).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(so_cua(&so, &Loc::tat_ca()).len(), 5);
    }

    /// A cancelled number stays, cancelled, and is never given again.
    fn so_huy_khong_dung_lai(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        for _ in 0..3 {
            cap_so(&mut so, &sach, &cong_van("x"));
        }
        let m = so.huy(&sach, 3, "ban hành nhầm").expect("huy");
        assert_eq!((m.so, m.trang_thai, m.ly_do_huy.as_deref()), (3, TrangThai::DaHuy, Some("ban hành nhầm")));
        assert_eq!(cap_so(&mut so, &sach, &cong_van("y")), 4);
        so.huy(&sach, 2, "sai thể thức").expect("huy 2");
        assert_eq!(cap_so(&mut so, &sach, &cong_van("z")), 5);

        let e = so.huy(&sach, 2, "lần nữa").expect_err("cancelled twice");
        assert!(matches!(e, LoiSo::SoDaHuy { so: 2, .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "số 2 của sổ UBND/2024 đã bị huỷ trước đó (number 2 of book UBND/2024 was already cancelled)"
        );
        let e = so.huy(&sach, 99, "x").expect_err("unknown number");
        assert!(matches!(e, LoiSo::KhongCoSo { so: 99, .. }), "{e:?}");
        assert!(e.to_string().contains("chưa cấp số 99 (book UBND/2024 has not given number 99)"), "{e}");
        let e = so.huy(&SoSach::new("QPPL", 2024), 1, "x").expect_err("unknown book");
        assert!(matches!(e, LoiSo::KhongCoSo { so: 1, .. }), "{e:?}");
        let e = so.huy(&sach, u32::MAX, "x").expect_err("huge number");
        assert!(matches!(e, LoiSo::KhongCoSo { .. }), "{e:?}");
        let e = so.huy(&sach, 1, "  ").expect_err("empty reason");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");

        let giu = so.giu_cho(&sach, &cong_van("đang ghi")).expect("giu_cho");
        let e = so.huy(&sach, giu.so, "x").expect_err("a reservation");
        assert!(matches!(&e, LoiSo::SoChuaCap { ma, .. } if *ma == giu.ma), "{e:?}");

        let trang_thai: Vec<_> =
            so.cac_muc(&Loc::tat_ca()).expect("cac_muc").into_iter().map(|m| (m.so, m.trang_thai)).collect();
        use TrangThai::*;
        assert_eq!(trang_thai, vec![(1, DaCap), (2, DaHuy), (3, DaHuy), (4, DaCap), (5, DaCap), (6, GiuCho)]);
    }

    /// A reservation is confirmed, or cancelled with its reason; either is final.
    fn giu_cho_xac_nhan_huy(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        let a = so.giu_cho(&sach, &cong_van("a")).expect("giu_cho a");
        assert_eq!(a.so, 1);
        assert_eq!(so.tim(&a.ma).expect("tim").map(|m| m.trang_thai), Some(TrangThai::GiuCho));
        assert_eq!(so.xac_nhan(&a.ma).expect("xac_nhan").trang_thai, TrangThai::DaCap);
        // Confirming again does nothing.
        assert_eq!(so.xac_nhan(&a.ma).expect("xac_nhan again").trang_thai, TrangThai::DaCap);
        let e = so.huy_giu_cho(&a.ma, "x").expect_err("not a reservation");
        assert!(matches!(e, LoiSo::KhongPhaiGiuCho { trang_thai: TrangThai::DaCap, .. }), "{e:?}");

        let b = so.giu_cho(&sach, &cong_van("b")).expect("giu_cho b");
        assert_eq!(b.so, 2);
        let m = so.huy_giu_cho(&b.ma, "không ghi được tệp: ổ đĩa đã đầy").expect("huy_giu_cho");
        assert_eq!((m.trang_thai, m.ly_do_huy.as_deref()), (TrangThai::DaHuy, Some("không ghi được tệp: ổ đĩa đã đầy")));
        let e = so.xac_nhan(&b.ma).expect_err("cancelled");
        assert!(matches!(e, LoiSo::KhongPhaiGiuCho { trang_thai: TrangThai::DaHuy, .. }), "{e:?}");
        let e = so.huy_giu_cho(&b.ma, "x").expect_err("cancelled twice");
        assert!(matches!(e, LoiSo::KhongPhaiGiuCho { .. }), "{e:?}");
        let e = so.huy_giu_cho(&b.ma, "").expect_err("empty reason");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");

        let e = so.xac_nhan("khong-co").expect_err("unknown id");
        assert!(matches!(&e, LoiSo::KhongCoMa(ma) if ma == "khong-co"), "{e:?}");
        assert_eq!(
            e.to_string(),
            "sổ đăng ký không có mục nào mã “khong-co” (the register has no entry with id “khong-co”)"
        );
        assert!(matches!(so.huy_giu_cho("khong-co", "x"), Err(LoiSo::KhongCoMa(_))));
        assert_eq!(cap_so(&mut so, &sach, &cong_van("c")), 3);
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());
    }

    /// Reservations left by a crash are listed, and the checks report them and any gap.
    fn giu_cho_treo_va_kiem_tra(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        let qppl = SoSach::new("QPPL", 2024);
        let a = so.giu_cho(&sach, &cong_van("a")).expect("a");
        let b = so.giu_cho(&sach, &cong_van("b")).expect("b");
        let c = so.giu_cho(&qppl, &cong_van("c")).expect("c");
        so.xac_nhan(&b.ma).expect("xac_nhan b");
        drop(so);

        // The next run finds them.
        let mut so = moi.mo();
        let treo: Vec<_> =
            so.cac_giu_cho().expect("cac_giu_cho").into_iter().map(|m| (m.sach.ten, m.so, m.ma)).collect();
        assert_eq!(treo, vec![("QPPL".into(), 1, c.ma.clone()), ("UBND".into(), 1, a.ma.clone())]);
        let bt = so.kiem_tra().expect("kiem_tra");
        assert_eq!(bt.len(), 2, "{bt:?}");
        assert!(bt.iter().all(|b| matches!(b, BatThuong::GiuChoTreo { .. })), "{bt:?}");
        assert!(bt[1].to_string().contains(&format!("số 1 của sổ UBND/2024 (mã {})", a.ma)), "{}", bt[1]);

        so.xac_nhan(&a.ma).expect("xac_nhan a");
        so.huy_giu_cho(&c.ma, "tệp không mang số").expect("huy_giu_cho c");
        assert!(so.cac_giu_cho().expect("cac_giu_cho").is_empty());
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());

        // A gap can only come from outside the register: the checks find it.
        cap_so(&mut so, &sach, &cong_van("d"));
        cap_so(&mut so, &sach, &cong_van("e"));
        moi.thuc_thi("DELETE FROM muc_so WHERE sach = 'UBND' AND so IN (2, 3)");
        cap_so(&mut so, &sach, &cong_van("f"));
        assert_eq!(
            so.kiem_tra().expect("kiem_tra"),
            vec![BatThuong::ThieuSo { sach: sach.clone(), tu: 2, den: 3 }]
        );
    }

    /// `tim` finds an entry by the id the caller gave or the register made.
    fn tim_theo_ma(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        let cap = so.giu_cho_ma(&sach, &cong_van("a"), "VB-2024:0001").expect("giu_cho_ma");
        assert_eq!((cap.so, cap.ma.as_str()), (1, "VB-2024:0001"));
        let m = so.tim("VB-2024:0001").expect("tim").expect("found");
        assert_eq!((m.so, m.muc.trich_yeu.as_str(), m.trang_thai), (1, "a", TrangThai::GiuCho));
        let e = so.giu_cho_ma(&sach, &cong_van("b"), "VB-2024:0001").expect_err("same id");
        assert!(matches!(&e, LoiSo::MaTrung(ma) if ma == "VB-2024:0001"), "{e:?}");
        let e = so.giu_cho_ma(&sach, &cong_van("b"), "có dấu").expect_err("bad id");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");
        assert!(so.tim("khong-co").expect("tim").is_none());

        let sinh = so.giu_cho(&sach, &cong_van("c")).expect("giu_cho");
        assert_eq!(sinh.so, 2);
        assert_eq!(so.tim(&sinh.ma).expect("tim").map(|m| m.so), Some(2));
        let e = so.giu_cho(&sach, &MucDangKy::new(" ", "x")).expect_err("no type");
        assert!(e.to_string().starts_with("tên loại văn bản không hợp lệ: để trống"), "{e}");
        let e = so.giu_cho(&SoSach::new("", 2024), &cong_van("x")).expect_err("no book name");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");
        let e = so.giu_cho(&SoSach::new("UBND", 99), &cong_van("x")).expect_err("bad year");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");
        let e = so.giu_cho(&sach, &cong_van("nul\0")).expect_err("NUL");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");
        // Refused entries took no number.
        assert_eq!(so.giu_cho(&sach, &cong_van("d")).expect("giu_cho").so, 3);
    }

    /// The Phụ lục VI record given at confirmation is stored with it and returned; `None`
    /// leaves the stored one; a cancelled entry takes none.
    fn du_lieu_khi_xac_nhan(moi) {
        let mut so = moi.mo();
        let sach = SoSach::new("UBND", 2024);
        let ghi = r#"{"CodeNumber":1,"CodeNotation":"UBND-VP","Subject":"V/v báo cáo"}"#;
        let a = so.giu_cho(&sach, &cong_van("a")).expect("giu_cho a");
        assert_eq!(so.tim(&a.ma).expect("tim").expect("found").muc.du_lieu, None);
        let m = so.xac_nhan_kem(&a.ma, Some(ghi)).expect("xac_nhan_kem");
        assert_eq!((m.trang_thai, m.muc.du_lieu.as_deref()), (TrangThai::DaCap, Some(ghi)));
        let m = so.tim(&a.ma).expect("tim").expect("found");
        assert_eq!(m.muc.du_lieu.as_deref(), Some(ghi));
        // Confirming again without a record keeps it.
        assert_eq!(so.xac_nhan(&a.ma).expect("xac_nhan").muc.du_lieu.as_deref(), Some(ghi));

        // A record given at reservation is kept when the confirmation brings none.
        let mut muc = cong_van("b");
        muc.du_lieu = Some("{}".into());
        let b = so.giu_cho(&sach, &muc).expect("giu_cho b");
        assert_eq!(so.xac_nhan_kem(&b.ma, None).expect("xac_nhan").muc.du_lieu.as_deref(), Some("{}"));

        let c = so.giu_cho(&sach, &cong_van("c")).expect("giu_cho c");
        let e = so.xac_nhan_kem(&c.ma, Some("nul\0")).expect_err("NUL");
        assert!(matches!(e, LoiSo::GiaTri { .. }), "{e:?}");
        assert_eq!(so.tim(&c.ma).expect("tim").map(|m| m.trang_thai), Some(TrangThai::GiuCho));
        so.huy_giu_cho(&c.ma, "x").expect("huy_giu_cho");
        let e = so.xac_nhan_kem(&c.ma, Some(ghi)).expect_err("cancelled");
        assert!(matches!(e, LoiSo::KhongPhaiGiuCho { .. }), "{e:?}");
        assert_eq!(so.tim(&c.ma).expect("tim").expect("found").muc.du_lieu, None);
        let e = so.xac_nhan_kem("khong-co", Some(ghi)).expect_err("unknown id");
        assert!(matches!(e, LoiSo::KhongCoMa(_)), "{e:?}");
    }

    /// Reopening applies no step twice; a register from a newer version is refused.
    fn mo_lai_va_phien_ban(moi) {
        let sach = SoSach::new("UBND", 2024);
        {
            let mut so = moi.mo();
            cap_so(&mut so, &sach, &cong_van("a"));
        }
        for _ in 0..3 {
            let mut so = moi.mo();
            assert!(so.dia_chi().contains(if moi.nen == Nen::Postgres { "postgres" } else { "sqlite" }));
            assert_eq!(so.la_postgres(), moi.nen == Nen::Postgres);
            let n = cap_so(&mut so, &sach, &cong_van("b"));
            assert!(n >= 2);
        }
        assert_eq!(moi.dem("SELECT COUNT(*) FROM phien_ban_luoc_do"), SoDangKy::PHIEN_BAN_LUOC_DO);
        assert_eq!(moi.dem("SELECT COUNT(*) FROM muc_so"), 4);

        moi.thuc_thi("INSERT INTO phien_ban_luoc_do (phien_ban, mo_ta, thoi_diem) VALUES (999, 'future', 'x')");
        let e = SoDangKy::mo(&moi.dia_chi).expect_err("newer register");
        assert!(matches!(e, LoiSo::PhienBanMoiHon { phien_ban: 999, .. }), "{e:?}");
        let text = e.to_string();
        assert!(text.contains("lược đồ số 999") && text.contains("update vanban"), "{text}");
        assert_eq!(moi.dem("SELECT COUNT(*) FROM muc_so"), 4);
    }

    /// An address that cannot be opened is an error naming it.
    fn dia_chi_sai(moi) {
        assert!(matches!(SoDangKy::mo(""), Err(LoiSo::DiaChiTrong)));
        match moi.nen {
            Nen::Sqlite => {
                let khong_co = moi.thu_muc.path().join("khong-co").join("so.sqlite");
                let khong_co = khong_co.display().to_string();
                let e = SoDangKy::mo(&khong_co).expect_err("missing directory");
                assert!(matches!(e, LoiSo::MoSqlite { .. }), "{e:?}");
                assert!(e.to_string().starts_with(&format!("không mở được sổ đăng ký “{khong_co}”")), "{e}");
                assert!(e.to_string().contains(&format!("(cannot open the register “{khong_co}”)")), "{e}");

                let rac = moi.thu_muc.path().join("rac.sqlite");
                std::fs::write(&rac, vec![b'x'; 4096]).expect("write");
                let e = SoDangKy::mo(&rac.display().to_string()).expect_err("not a database");
                assert!(matches!(e, LoiSo::MoSqlite { .. }), "{e:?}");

                let e = SoDangKy::mo(&moi.thu_muc.path().display().to_string()).expect_err("a directory");
                assert!(matches!(e, LoiSo::MoSqlite { .. }), "{e:?}");
            }
            Nen::Postgres => {
                let url = "postgres://vanban:bi-mat@127.0.0.1:1/khong_co";
                let e = SoDangKy::mo(url).expect_err("no server");
                let text = e.to_string();
                assert!(matches!(e, LoiSo::MoPostgres { .. }), "{e:?}");
                assert!(text.contains("postgres://vanban:***@127.0.0.1:1/khong_co"), "{text}");
                assert!(!text.contains("bi-mat"), "{text}");

                let e = SoDangKy::mo("postgres://h/db?khong_biet=1").expect_err("bad URL");
                assert!(matches!(e, LoiSo::MoPostgres { .. }), "{e:?}");

                let url = url_pg();
                let i = url.rfind('/').expect("a database in the URL");
                let khong_co_db = format!("{}/vanban_khong_co_db", &url[..i]);
                let e = SoDangKy::mo(&khong_co_db).expect_err("no database");
                assert!(e.to_string().contains("vanban_khong_co_db"), "{e}");

                let noi = if url.contains('?') { '&' } else { '?' };
                let e = SoDangKy::mo(&format!("{url}{noi}options=-c%20search_path%3Dkhong_co_luoc_do"))
                    .expect_err("no schema");
                assert!(e.to_string().contains("search_path"), "{e}");
            }
        }
    }

    /// 8 threads, each with its own connection, 100 numbers each: 1..=800, each once.
    fn dong_thoi_8_luong(moi) {
        drop(moi.mo());
        let sach = SoSach::new("UBND", 2024);
        let bat_dau = Arc::new(Barrier::new(8));
        let luong: Vec<_> = (0..8)
            .map(|i| {
                let (dia_chi, sach, bat_dau) = (moi.dia_chi.clone(), sach.clone(), Arc::clone(&bat_dau));
                std::thread::spawn(move || {
                    let mut so = SoDangKy::mo(&dia_chi).expect("open");
                    bat_dau.wait();
                    (0..100).map(|k| cap_so(&mut so, &sach, &cong_van(&format!("{i}-{k}")))).collect::<Vec<_>>()
                })
            })
            .collect();
        let mut cac_so: Vec<u32> = luong.into_iter().flat_map(|l| l.join().expect("a thread panicked")).collect();
        cac_so.sort_unstable();
        assert_eq!(cac_so, (1..=800).collect::<Vec<_>>());
        let so = moi.mo();
        let muc = so.cac_muc(&Loc::tat_ca()).expect("cac_muc");
        assert_eq!(muc.iter().map(|m| m.so).collect::<Vec<_>>(), (1..=800).collect::<Vec<_>>());
        assert!(muc.iter().all(|m| m.trang_thai == TrangThai::DaCap));
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());
    }

    /// 8 processes, 100 numbers each, every one written into a file between the two steps:
    /// 1..=800, each once, every file carrying the number the register records.
    fn dong_thoi_8_tien_trinh(moi) {
        drop(moi.mo());
        let con: Vec<Child> = (0..8).map(|i| chay_con(moi, i)).collect();
        let mut cac_so = Vec::new();
        for c in con {
            let ra = c.wait_with_output().expect("wait for a child");
            let loi = String::from_utf8_lossy(&ra.stderr);
            let text = String::from_utf8_lossy(&ra.stdout);
            assert!(ra.status.success(), "a child failed: {}\n{text}\n{loi}", ra.status);
            // libtest prints `test tien_trinh_con ... ` before the first line.
            cac_so.extend(text.lines().filter_map(|l| l.find("SO ").map(|i| &l[i + 3..])).map(|l| {
                let (so, ma) = l.split_once(' ').expect("SO <so> <ma>");
                (so.parse::<u32>().expect("a number"), ma.to_owned())
            }));
        }
        let mut chi_so: Vec<u32> = cac_so.iter().map(|x| x.0).collect();
        chi_so.sort_unstable();
        assert_eq!(chi_so, (1..=800).collect::<Vec<_>>());
        let so = moi.mo();
        let muc = so.cac_muc(&Loc::tat_ca()).expect("cac_muc");
        assert_eq!(muc.len(), 800);
        for m in &muc {
            assert_eq!(m.trang_thai, TrangThai::DaCap);
            assert!(cac_so.contains(&(m.so, m.ma.clone())), "{} {}", m.so, m.ma);
            assert_eq!(doc_tep(m.muc.tep.as_deref()), Some((m.so, m.ma.clone())));
        }
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());
    }

    /// The same, with half of the processes killed at random moments: no gap, no duplicate;
    /// what a killed process left is a reservation, resolved by looking at its file.
    fn dong_thoi_giet_tien_trinh(moi) {
        drop(moi.mo());
        let mut con: Vec<Child> = (0..8).map(|i| chay_con(moi, i)).collect();
        for (i, c) in con.iter_mut().enumerate().filter(|(i, _)| i % 2 == 0) {
            std::thread::sleep(Duration::from_millis(50 + 37 * i as u64 + u64::from(std::process::id() % 50)));
            let _ = c.kill();
        }
        for c in con {
            let _ = c.wait_with_output();
        }
        let mut so = moi.mo();
        for m in so.cac_giu_cho().expect("cac_giu_cho") {
            if doc_tep(m.muc.tep.as_deref()) == Some((m.so, m.ma.clone())) {
                so.xac_nhan(&m.ma).expect("xac_nhan");
            } else {
                so.huy_giu_cho(&m.ma, "tiến trình bị dừng trước khi ghi tệp").expect("huy_giu_cho");
            }
        }
        let muc = so.cac_muc(&Loc::tat_ca()).expect("cac_muc");
        assert!(muc.len() >= 400, "{}", muc.len());
        assert_eq!(muc.iter().map(|m| m.so).collect::<Vec<_>>(), (1..=muc.len() as u32).collect::<Vec<_>>());
        let mut ma = BTreeSet::new();
        for m in &muc {
            assert!(ma.insert(m.ma.clone()), "id {} twice", m.ma);
            if m.trang_thai == TrangThai::DaCap {
                assert_eq!(doc_tep(m.muc.tep.as_deref()), Some((m.so, m.ma.clone())));
            }
        }
        assert!(so.kiem_tra().expect("kiem_tra").is_empty());
    }
}

/// Starts child `i` of the multi-process tests: this test binary running [`tien_trinh_con`].
fn chay_con(moi: &Moi, i: usize) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["tien_trinh_con", "--exact", "--nocapture", "--test-threads", "1"])
        .env(BIEN_CON, i.to_string())
        .env(BIEN_CON_DIA_CHI, &moi.dia_chi)
        .env(BIEN_CON_THU_MUC, moi.thu_muc.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a child")
}

/// The number and id a document file written by [`tien_trinh_con`] carries.
fn doc_tep(tep: Option<&str>) -> Option<(u32, String)> {
    let text = std::fs::read_to_string(tep?).ok()?;
    let mut dong = text.lines();
    let so = dong.next()?.strip_prefix("so = ")?.parse().ok()?;
    let ma = dong.next()?.strip_prefix("ma = ")?.to_owned();
    Some((so, ma))
}

/// A child of the multi-process tests (does nothing unless started by one): takes 100 numbers,
/// writing each into a file of its own between the two steps, and prints `SO <so> <ma>`.
#[test]
fn tien_trinh_con() {
    let Ok(i) = std::env::var(BIEN_CON) else { return };
    let dia_chi = std::env::var(BIEN_CON_DIA_CHI).expect(BIEN_CON_DIA_CHI);
    let thu_muc = std::env::var(BIEN_CON_THU_MUC).expect(BIEN_CON_THU_MUC);
    let mut so = SoDangKy::mo(&dia_chi).expect("open");
    let sach = SoSach::new("UBND", 2024);
    for k in 0..100 {
        let ma = format!("con{i}-{k}");
        let tep = Path::new(&thu_muc).join(format!("{ma}.toml"));
        let mut muc = cong_van(&ma);
        muc.tep = Some(tep.display().to_string());
        let cap = so.giu_cho_ma(&sach, &muc, &ma).expect("giu_cho");
        let tam = tep.with_extension("tmp");
        std::fs::write(&tam, format!("so = {}\nma = {}\n", cap.so, cap.ma)).expect("write");
        std::fs::rename(&tam, &tep).expect("rename");
        so.xac_nhan(&cap.ma).expect("xac_nhan");
        println!("SO {} {}", cap.so, cap.ma);
    }
}
