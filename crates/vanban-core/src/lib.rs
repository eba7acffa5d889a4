//! Typed models of Vietnamese administrative documents and the rules of
//! Nghị định 30/2020/NĐ-CP that do not depend on layout: numbering, ký hiệu, dates, signing
//! authority, recipient lists, capitalisation. No typesetting happens here.
//!
//! A document file (TOML, or Markdown with TOML front matter) becomes a [`VanBan`] through
//! [`parse`]; every problem in the file is reported at once, each with its place. [`doc`]
//! also gives where each key and value is written in the file ([`ViTri`]), to place what is
//! found later; [`doc_tep`] reads a document file with the shared files it takes keys from
//! (`dung_chung`, [`Nguon`]).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod anh_png;
mod ban_sao;
mod bang_chu;
mod bien_ban;
mod co_chu;
mod co_quan;
mod cong_dien;
mod diagnostics;
mod do_khan;
pub mod du_lieu_di;
mod du_thao;
mod giay_gioi_thieu;
mod giay_moi;
mod giay_nghi_phep;
pub mod khoa;
mod kinh_gui;
mod ky_so;
pub mod le;
mod lien_he;
pub mod limits;
pub mod lint;
mod loai;
mod ly_do_io;
mod ngay;
mod nguoi_ky;
mod noi_dung;
mod noi_nhan;
mod phu_luc;
mod quyet_dinh;
pub(crate) mod reader;
mod so_hieu;
pub mod sua_tep;
mod text;
mod trich_yeu;
mod value_error;
mod van_ban;
pub mod xml;

pub use self::ban_sao::{BanSao, DinhDangSao, HinhThucSao};
pub use self::bang_chu::bang_chu;
pub use self::bien_ban::BienBan;
pub use self::co_chu::CoChu;
pub use self::co_quan::CoQuan;
pub use self::cong_dien::CongDien;
pub use self::diagnostics::{Diagnostic, Diagnostics, MucDo, NgonNgu, QuyTac, ma};
pub use self::do_khan::{DoKhan, DoMat};
pub use self::du_lieu_di::DuLieuVanBanDi;
pub use self::du_thao::DuThao;
pub use self::giay_gioi_thieu::GiayGioiThieu;
pub use self::giay_moi::GiayMoi;
pub use self::giay_nghi_phep::{GiayNghiPhep, XacNhan};
pub use self::kinh_gui::KinhGui;
pub use self::ky_so::{Anh, Dau, KySo, ThoiDiemKy};
pub use self::lien_he::LienHe;
pub use self::loai::{LoaiVanBan, MauVanBan};
pub use self::ly_do_io::ly_do_io;
pub use self::ngay::Ngay;
pub use self::nguoi_ky::{NguoiKy, QuyenHan, TienTo};
pub use self::noi_dung::{Bang, CanLe, CapTieuDe, Chu, DongChu, Khoi, NoiDung, phan_chuong};
pub use self::noi_nhan::NoiNhan;
pub use self::phu_luc::{PhuLuc, VanBanKemTheo, so_la_ma};
pub use self::quyet_dinh::{CanCu, QuyetDinh, so_dieu};
pub use self::reader::{
    DangTep, Khuon, MucViTri, Nguon, ViTri, doc, doc_bytes, doc_tep, parse, parse_bytes, tep_qua_lon,
};
/// The names a template knows besides a row's columns, and its filters.
pub mod khuon {
    pub use crate::reader::{BO_LOC, DONG, MauChuoi};
}
pub use self::so_hieu::{KyHieu, MaDangKy, So, SoHieu, VietTat};
pub use self::text::{dau_ket_hop, in_hoa, vo_hinh};
pub use self::trich_yeu::TrichYeu;
pub use self::value_error::ValueError;
pub use self::van_ban::{CongVan, Mau, VanBan, VanBanCoTenLoai};
