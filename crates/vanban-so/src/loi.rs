//! Why the register refused or failed.

use thiserror::Error;

use crate::{SoSach, TrangThai};

/// An error of the register. Messages are in Vietnamese followed by English in parentheses;
/// a database's own text, when there is one, follows them as given (English).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LoiSo {
    /// [`crate::SoDangKy::mo`] was given an empty address.
    #[error("chưa ghi địa chỉ sổ đăng ký (no register address given)")]
    DiaChiTrong,
    /// A URL of a kind the register does not read (only `postgres://`, `postgresql://`).
    #[error(
        "không hiểu địa chỉ sổ đăng ký “{0}”: chỉ dùng đường dẫn tệp SQLite hoặc URL postgres:// \
         (cannot read the register address “{0}”: give a SQLite file path or a postgres:// URL)"
    )]
    DiaChiKhongHieu(String),
    /// The SQLite file could not be opened, created or read as a register.
    #[error("không mở được sổ đăng ký “{duong_dan}” (cannot open the register “{duong_dan}”): {chi_tiet}")]
    MoSqlite {
        /// The path given.
        duong_dan: String,
        /// What failed.
        chi_tiet: String,
    },
    /// The PostgreSQL server could not be reached or refused the register.
    #[error(
        "không kết nối được sổ đăng ký PostgreSQL “{dia_chi}” (cannot connect to the PostgreSQL \
         register “{dia_chi}”): {chi_tiet}"
    )]
    MoPostgres {
        /// The URL given, its password hidden.
        dia_chi: String,
        /// What failed.
        chi_tiet: String,
    },
    /// The register's schema is newer than this version knows.
    #[error(
        "sổ đăng ký “{dia_chi}” do phiên bản vanban mới hơn ghi (lược đồ số {phien_ban}, phiên \
         bản này chỉ biết tới số {toi_da}): hãy cập nhật vanban (the register “{dia_chi}” was \
         written by a newer vanban: schema {phien_ban}, this one knows up to {toi_da}; update vanban)"
    )]
    PhienBanMoiHon {
        /// The register's address, its password hidden.
        dia_chi: String,
        /// The register's schema version.
        phien_ban: i64,
        /// The newest version this build knows.
        toi_da: i64,
    },
    /// Other writers held the register locked, or kept conflicting, through every retry.
    #[error("sổ đăng ký đang bị khoá quá lâu (the register stayed locked too long): {chi_tiet}")]
    BiKhoa {
        /// The database's last error.
        chi_tiet: String,
    },
    /// A value given to the register is not acceptable.
    #[error("{truong} không hợp lệ: {ly_do} ({truong_en} is invalid: {ly_do_en})")]
    GiaTri {
        /// What, in Vietnamese.
        truong: &'static str,
        /// What, in English.
        truong_en: &'static str,
        /// Why, in Vietnamese.
        ly_do: String,
        /// Why, in English.
        ly_do_en: String,
    },
    /// No entry has this id.
    #[error("sổ đăng ký không có mục nào mã “{0}” (the register has no entry with id “{0}”)")]
    KhongCoMa(String),
    /// An entry with this id already exists.
    #[error("sổ đăng ký đã có mục mã “{0}” (the register already has an entry with id “{0}”)")]
    MaTrung(String),
    /// The book has not given this number.
    #[error("sổ {sach} chưa cấp số {so} (book {sach} has not given number {so})")]
    KhongCoSo {
        /// The book.
        sach: SoSach,
        /// The number asked for.
        so: u32,
    },
    /// The number was cancelled before.
    #[error("số {so} của sổ {sach} đã bị huỷ trước đó (number {so} of book {sach} was already cancelled)")]
    SoDaHuy {
        /// The book.
        sach: SoSach,
        /// The number.
        so: u32,
    },
    /// The number is only reserved: cancel the reservation (by its id) instead.
    #[error(
        "số {so} của sổ {sach} mới được giữ chỗ (mã {ma}), chưa cấp: hãy huỷ giữ chỗ (number {so} \
         of book {sach} is only reserved, id {ma}, not given: cancel the reservation instead)"
    )]
    SoChuaCap {
        /// The book.
        sach: SoSach,
        /// The number.
        so: u32,
        /// The reservation's id.
        ma: String,
    },
    /// The entry is not (or no longer) a reservation.
    #[error(
        "mục “{ma}” đang ở trạng thái {trang_thai}, không phải giữ chỗ (entry “{ma}” is {}, not \
         reserved)",
        trang_thai.en()
    )]
    KhongPhaiGiuCho {
        /// The entry's id.
        ma: String,
        /// Its state.
        trang_thai: TrangThai,
    },
    /// A stored row this version cannot read.
    #[error("sổ đăng ký có dữ liệu hỏng (the register holds damaged data): {chi_tiet}")]
    DuLieuHong {
        /// What is wrong.
        chi_tiet: String,
    },
    /// Any other failure of the database.
    #[error("lỗi cơ sở dữ liệu của sổ đăng ký (register database error): {chi_tiet}")]
    CoSoDuLieu {
        /// The database's message.
        chi_tiet: String,
        /// The database's error.
        #[source]
        nguon: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl LoiSo {
    /// A value refused: `truong`/`truong_en` name it, `ly_do`/`ly_do_en` say why.
    pub(crate) fn gia_tri(
        truong: &'static str,
        truong_en: &'static str,
        ly_do: impl Into<String>,
        ly_do_en: impl Into<String>,
    ) -> LoiSo {
        LoiSo::GiaTri { truong, truong_en, ly_do: ly_do.into(), ly_do_en: ly_do_en.into() }
    }

    /// Whether a retry may succeed (another writer held the lock or won a race).
    pub(crate) fn thu_lai_duoc(&self) -> bool {
        matches!(self, LoiSo::BiKhoa { .. })
    }
}

/// `url` with the password of its user part, and any `password=` parameter, replaced by `***`.
pub(crate) fn an_mat_khau(url: &str) -> String {
    let mut ket_qua = url.to_owned();
    if let Some(dau) = url.find("://") {
        let sau = dau + 3;
        let het = url[sau..].find(['/', '?']).map_or(url.len(), |i| sau + i);
        if let Some(at) = url[sau..het].rfind('@') {
            let nguoi = &url[sau..sau + at];
            if let Some(hai_cham) = nguoi.find(':') {
                ket_qua = format!("{}***{}", &url[..sau + hai_cham + 1], &url[sau + at..]);
            }
        }
    }
    while let Some(i) = ket_qua.find("password=") {
        let bat_dau = i + "password=".len();
        if ket_qua[bat_dau..].starts_with("***") {
            break;
        }
        let het = ket_qua[bat_dau..].find(['&', ' ']).map_or(ket_qua.len(), |j| bat_dau + j);
        ket_qua.replace_range(bat_dau..het, "***");
    }
    ket_qua
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hidden() {
        assert_eq!(an_mat_khau("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(an_mat_khau("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(an_mat_khau("postgres://h/db?password=x&a=b"), "postgres://h/db?password=***&a=b");
        assert_eq!(an_mat_khau("postgres://u:p@h/db?password=x"), "postgres://u:***@h/db?password=***");
    }

    #[test]
    fn messages_in_both_languages() {
        let e = LoiSo::KhongPhaiGiuCho { ma: "x".into(), trang_thai: TrangThai::DaCap };
        assert_eq!(
            e.to_string(),
            "mục “x” đang ở trạng thái đã cấp, không phải giữ chỗ (entry “x” is given, not reserved)"
        );
    }
}
