//! The values the register stores and returns.

use std::fmt;

use chrono::NaiveDate;

/// A book of the register: numbers run from 1 in each book and each year.
///
/// `ten` is the book's name: the agency's abbreviation (`[co_quan] viet_tat`, e.g. `"UBND"`)
/// for its general book, or the name of a separate book (e.g. `"QPPL"` for văn bản quy phạm
/// pháp luật). Names are compared exactly: `"UBND"` and `"ubnd"` are two books.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SoSach {
    /// The book's name (not empty, no surrounding white space, at most 100 characters).
    pub ten: String,
    /// The year the numbers belong to (1945–2999).
    pub nam: i32,
}

impl SoSach {
    /// The book `ten` of year `nam`.
    pub fn new(ten: impl Into<String>, nam: i32) -> SoSach {
        SoSach { ten: ten.into(), nam }
    }
}

impl fmt::Display for SoSach {
    /// `UBND/2024`: the same in both languages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.ten, self.nam)
    }
}

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrangThai {
    /// Reserved (giữ chỗ): the number is taken, the document file is being written.
    GiuCho,
    /// Given (đã cấp): the document carries the number.
    DaCap,
    /// Cancelled (đã huỷ): kept with its reason, never given again.
    DaHuy,
}

impl TrangThai {
    /// The word stored in the database.
    pub(crate) fn ma(self) -> &'static str {
        match self {
            TrangThai::GiuCho => "giu_cho",
            TrangThai::DaCap => "da_cap",
            TrangThai::DaHuy => "da_huy",
        }
    }

    /// The state a stored word names.
    pub(crate) fn tu_ma(s: &str) -> Option<TrangThai> {
        match s {
            "giu_cho" => Some(TrangThai::GiuCho),
            "da_cap" => Some(TrangThai::DaCap),
            "da_huy" => Some(TrangThai::DaHuy),
            _ => None,
        }
    }

    /// The state in English words (the `Display` is Vietnamese).
    pub fn en(self) -> &'static str {
        match self {
            TrangThai::GiuCho => "reserved",
            TrangThai::DaCap => "given",
            TrangThai::DaHuy => "cancelled",
        }
    }
}

impl fmt::Display for TrangThai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TrangThai::GiuCho => "giữ chỗ",
            TrangThai::DaCap => "đã cấp",
            TrangThai::DaHuy => "đã huỷ",
        })
    }
}

/// What the register records about a document: the columns of the Sổ đăng ký văn bản đi
/// (Phụ lục IV of the decree) and the Phụ lục VI metadata record.
///
/// Only `loai` is required (not empty); everything else may be left out. Texts may not
/// contain NUL characters; `so_ban` and `so_trang` are at most 2,147,483,647.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MucDangKy {
    /// Ký hiệu, e.g. `"UBND-VP"`.
    pub ky_hieu: Option<String>,
    /// The document's date (ngày tháng văn bản).
    pub ngay: Option<NaiveDate>,
    /// The type's name (tên loại), e.g. `"Công văn"`.
    pub loai: String,
    /// Trích yếu (may be empty for types that have none).
    pub trich_yeu: String,
    /// The signer (người ký).
    pub nguoi_ky: Option<String>,
    /// The signer's position (chức vụ).
    pub chuc_vu: Option<String>,
    /// Nơi nhận, as text.
    pub noi_nhan: Option<String>,
    /// Đơn vị, người nhận bản lưu.
    pub don_vi_luu: Option<String>,
    /// Số lượng bản (copies issued).
    pub so_ban: Option<u32>,
    /// Number of pages.
    pub so_trang: Option<u32>,
    /// The document file's path, as text.
    pub tep: Option<String>,
    /// Ghi chú.
    pub ghi_chu: Option<String>,
    /// The Phụ lục VI metadata record as JSON text, stored and returned as given (not checked).
    pub du_lieu: Option<String>,
}

impl MucDangKy {
    /// An entry of type `loai` with trích yếu `trich_yeu` and nothing else.
    pub fn new(loai: impl Into<String>, trich_yeu: impl Into<String>) -> MucDangKy {
        MucDangKy { loai: loai.into(), trich_yeu: trich_yeu.into(), ..MucDangKy::default() }
    }
}

/// A number taken by [`crate::SoDangKy::giu_cho`]: reserved until confirmed or cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapSo {
    /// The book.
    pub sach: SoSach,
    /// The number (from 1).
    pub so: u32,
    /// The entry's stable id: write it into the document file.
    pub ma: String,
}

/// An entry as stored in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MucSo {
    /// The book.
    pub sach: SoSach,
    /// The number.
    pub so: u32,
    /// The stable id.
    pub ma: String,
    /// Reserved, given or cancelled.
    pub trang_thai: TrangThai,
    /// Why it was cancelled (only when [`TrangThai::DaHuy`]).
    pub ly_do_huy: Option<String>,
    /// What was recorded.
    pub muc: MucDangKy,
    /// When the number was taken: UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`, the database's clock.
    pub thoi_diem: String,
}

/// Which entries [`crate::SoDangKy::cac_muc`] returns; the default is all of them.
///
/// A date range compares the document's date (`ngay`), both ends included: entries with no
/// date are left out when either end is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Loc {
    /// Only this book's name.
    pub sach: Option<String>,
    /// Only this year.
    pub nam: Option<i32>,
    /// Only documents dated on or after this day.
    pub tu_ngay: Option<NaiveDate>,
    /// Only documents dated on or before this day.
    pub den_ngay: Option<NaiveDate>,
    /// Only entries in this state.
    pub trang_thai: Option<TrangThai>,
}

impl Loc {
    /// Every entry.
    pub fn tat_ca() -> Loc {
        Loc::default()
    }

    /// Only the book named `ten`.
    #[must_use]
    pub fn sach(mut self, ten: impl Into<String>) -> Loc {
        self.sach = Some(ten.into());
        self
    }

    /// Only year `nam`.
    #[must_use]
    pub fn nam(mut self, nam: i32) -> Loc {
        self.nam = Some(nam);
        self
    }

    /// Only documents dated `tu..=den`.
    #[must_use]
    pub fn tu_den(mut self, tu: Option<NaiveDate>, den: Option<NaiveDate>) -> Loc {
        self.tu_ngay = tu;
        self.den_ngay = den;
        self
    }

    /// Only entries in state `trang_thai`.
    #[must_use]
    pub fn trang_thai(mut self, trang_thai: TrangThai) -> Loc {
        self.trang_thai = Some(trang_thai);
        self
    }
}

/// An inconsistency [`crate::SoDangKy::kiem_tra`] finds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatThuong {
    /// Numbers `tu..=den` of a book are missing (the register itself never leaves this: it
    /// means rows were removed or written by something else).
    ThieuSo {
        /// The book.
        sach: SoSach,
        /// The first missing number.
        tu: u32,
        /// The last missing number.
        den: u32,
    },
    /// A reservation neither confirmed nor cancelled: a crash between
    /// [`crate::SoDangKy::giu_cho`] and [`crate::SoDangKy::xac_nhan`], or a caller still at
    /// work (compare `thoi_diem`).
    GiuChoTreo {
        /// The book.
        sach: SoSach,
        /// The reserved number.
        so: u32,
        /// The entry's id.
        ma: String,
        /// When it was reserved.
        thoi_diem: String,
    },
}

impl fmt::Display for BatThuong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatThuong::ThieuSo { sach, tu, den } if tu == den => {
                write!(f, "sổ {sach} thiếu số {tu} (book {sach} lacks number {tu})")
            }
            BatThuong::ThieuSo { sach, tu, den } => {
                write!(f, "sổ {sach} thiếu các số {tu}–{den} (book {sach} lacks numbers {tu}–{den})")
            }
            BatThuong::GiuChoTreo { sach, so, ma, thoi_diem } => write!(
                f,
                "số {so} của sổ {sach} (mã {ma}) được giữ chỗ lúc {thoi_diem} nhưng chưa xác nhận \
                 hay huỷ (number {so} of book {sach}, id {ma}, was reserved at {thoi_diem} but \
                 neither confirmed nor cancelled)"
            ),
        }
    }
}

/// The gaps among the entries `muc`, sorted by book and number, and the dangling reservations.
pub(crate) fn tim_bat_thuong(muc: &[MucSo]) -> Vec<BatThuong> {
    let mut ket_qua = Vec::new();
    let mut truoc: Option<(&SoSach, u32)> = None;
    for m in muc {
        let cuoi = match truoc {
            Some((sach, so)) if *sach == m.sach => so,
            _ => 0,
        };
        if m.so > cuoi + 1 {
            ket_qua.push(BatThuong::ThieuSo { sach: m.sach.clone(), tu: cuoi + 1, den: m.so - 1 });
        }
        truoc = Some((&m.sach, m.so.max(cuoi)));
    }
    for m in muc.iter().filter(|m| m.trang_thai == TrangThai::GiuCho) {
        ket_qua.push(BatThuong::GiuChoTreo {
            sach: m.sach.clone(),
            so: m.so,
            ma: m.ma.clone(),
            thoi_diem: m.thoi_diem.clone(),
        });
    }
    ket_qua
}

#[cfg(test)]
mod tests {
    use super::*;

    fn muc(ten: &str, nam: i32, so: u32, trang_thai: TrangThai) -> MucSo {
        MucSo {
            sach: SoSach::new(ten, nam),
            so,
            ma: format!("{ten}-{nam}-{so}"),
            trang_thai,
            ly_do_huy: None,
            muc: MucDangKy::new("Công văn", ""),
            thoi_diem: "2024-01-01T00:00:00.000Z".into(),
        }
    }

    #[test]
    fn gaps_and_dangling_reservations() {
        let ds = [
            muc("A", 2024, 2, TrangThai::DaCap),
            muc("A", 2024, 3, TrangThai::DaHuy),
            muc("A", 2024, 6, TrangThai::GiuCho),
            muc("A", 2025, 1, TrangThai::DaCap),
            muc("B", 2024, 1, TrangThai::DaCap),
        ];
        let bt = tim_bat_thuong(&ds);
        assert_eq!(
            bt,
            vec![
                BatThuong::ThieuSo { sach: SoSach::new("A", 2024), tu: 1, den: 1 },
                BatThuong::ThieuSo { sach: SoSach::new("A", 2024), tu: 4, den: 5 },
                BatThuong::GiuChoTreo {
                    sach: SoSach::new("A", 2024),
                    so: 6,
                    ma: "A-2024-6".into(),
                    thoi_diem: "2024-01-01T00:00:00.000Z".into(),
                },
            ]
        );
        assert_eq!(bt[0].to_string(), "sổ A/2024 thiếu số 1 (book A/2024 lacks number 1)");
        assert!(bt[1].to_string().contains("4–5"));
    }

    #[test]
    fn states_round_trip() {
        for t in [TrangThai::GiuCho, TrangThai::DaCap, TrangThai::DaHuy] {
            assert_eq!(TrangThai::tu_ma(t.ma()), Some(t));
        }
        assert_eq!(TrangThai::tu_ma("x"), None);
    }
}
