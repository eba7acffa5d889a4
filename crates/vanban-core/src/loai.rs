//! Document types of Art. 7 with their tên loại and abbreviations (Phụ lục III, Mục I).

use std::fmt;

/// Which template of Phụ lục III, Mục II a document type is laid out with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MauVanBan {
    /// Mẫu 1.1: nghị quyết (cá biệt).
    Mau1_1,
    /// Mẫu 1.2: quyết định (cá biệt) quy định trực tiếp.
    Mau1_2,
    /// Mẫu 1.6: công điện.
    Mau1_6,
    /// Mẫu 1.7: giấy mời.
    Mau1_7,
    /// Mẫu 1.8: giấy giới thiệu.
    Mau1_8,
    /// Mẫu 1.9: biên bản.
    Mau1_9,
    /// Mẫu 1.10: giấy nghỉ phép.
    Mau1_10,
    /// Mẫu 1.4: văn bản có tên loại.
    Mau1_4,
    /// Mẫu 1.5: công văn.
    Mau1_5,
    /// No template in Phụ lục III (hợp đồng, bản ghi nhớ, bản thỏa thuận, thư công): laid out
    /// by the decree's general rules, as Mẫu 1.4 lays out a typed document.
    ChungNhuMau1_4,
}

macro_rules! loai_van_ban {
    ($( $(#[$doc:meta])* $variant:ident => $slug:literal, $ten:literal, $viet_tat:expr, $mau:ident; )*) => {
        /// A type of administrative document (Art. 7 of the decree).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum LoaiVanBan {
            $( $(#[$doc])* $variant, )*
        }

        impl LoaiVanBan {
            /// Every type, in the order of Phụ lục III, Mục I.
            pub const ALL: &'static [LoaiVanBan] = &[$(LoaiVanBan::$variant),*];

            /// The slug used for `loai` in document files (`"ke-hoach"`).
            pub fn slug(self) -> &'static str {
                match self { $(LoaiVanBan::$variant => $slug,)* }
            }

            /// The printed type name, in capitals (`"KẾ HOẠCH"`).
            pub fn ten_loai(self) -> &'static str {
                match self { $(LoaiVanBan::$variant => $ten,)* }
            }

            /// The abbreviation used in the ký hiệu (`"KH"`); `None` for công văn and thư công.
            pub fn viet_tat(self) -> Option<&'static str> {
                match self { $(LoaiVanBan::$variant => $viet_tat,)* }
            }

            /// The template this type is laid out with.
            pub fn mau(self) -> MauVanBan {
                match self { $(LoaiVanBan::$variant => MauVanBan::$mau,)* }
            }
        }
    };
}

loai_van_ban! {
    /// Nghị quyết (cá biệt).
    NghiQuyet => "nghi-quyet", "NGHỊ QUYẾT", Some("NQ"), Mau1_1;
    /// Quyết định (cá biệt).
    QuyetDinh => "quyet-dinh", "QUYẾT ĐỊNH", Some("QĐ"), Mau1_2;
    /// Chỉ thị.
    ChiThi => "chi-thi", "CHỈ THỊ", Some("CT"), Mau1_4;
    /// Quy chế.
    QuyChe => "quy-che", "QUY CHẾ", Some("QC"), Mau1_4;
    /// Quy định.
    QuyDinh => "quy-dinh", "QUY ĐỊNH", Some("QyĐ"), Mau1_4;
    /// Thông cáo.
    ThongCao => "thong-cao", "THÔNG CÁO", Some("TC"), Mau1_4;
    /// Thông báo.
    ThongBao => "thong-bao", "THÔNG BÁO", Some("TB"), Mau1_4;
    /// Hướng dẫn.
    HuongDan => "huong-dan", "HƯỚNG DẪN", Some("HD"), Mau1_4;
    /// Chương trình.
    ChuongTrinh => "chuong-trinh", "CHƯƠNG TRÌNH", Some("CTr"), Mau1_4;
    /// Kế hoạch.
    KeHoach => "ke-hoach", "KẾ HOẠCH", Some("KH"), Mau1_4;
    /// Phương án.
    PhuongAn => "phuong-an", "PHƯƠNG ÁN", Some("PA"), Mau1_4;
    /// Đề án.
    DeAn => "de-an", "ĐỀ ÁN", Some("ĐA"), Mau1_4;
    /// Dự án.
    DuAn => "du-an", "DỰ ÁN", Some("DA"), Mau1_4;
    /// Báo cáo.
    BaoCao => "bao-cao", "BÁO CÁO", Some("BC"), Mau1_4;
    /// Biên bản.
    BienBan => "bien-ban", "BIÊN BẢN", Some("BB"), Mau1_9;
    /// Tờ trình.
    ToTrinh => "to-trinh", "TỜ TRÌNH", Some("TTr"), Mau1_4;
    /// Hợp đồng.
    HopDong => "hop-dong", "HỢP ĐỒNG", Some("HĐ"), ChungNhuMau1_4;
    /// Công điện.
    CongDien => "cong-dien", "CÔNG ĐIỆN", Some("CĐ"), Mau1_6;
    /// Bản ghi nhớ.
    BanGhiNho => "ban-ghi-nho", "BẢN GHI NHỚ", Some("BGN"), ChungNhuMau1_4;
    /// Bản thỏa thuận.
    BanThoaThuan => "ban-thoa-thuan", "BẢN THỎA THUẬN", Some("BTT"), ChungNhuMau1_4;
    /// Giấy ủy quyền.
    GiayUyQuyen => "giay-uy-quyen", "GIẤY ỦY QUYỀN", Some("GUQ"), Mau1_4;
    /// Giấy mời.
    GiayMoi => "giay-moi", "GIẤY MỜI", Some("GM"), Mau1_7;
    /// Giấy giới thiệu.
    GiayGioiThieu => "giay-gioi-thieu", "GIẤY GIỚI THIỆU", Some("GGT"), Mau1_8;
    /// Giấy nghỉ phép.
    GiayNghiPhep => "giay-nghi-phep", "GIẤY NGHỈ PHÉP", Some("GNP"), Mau1_10;
    /// Phiếu gửi.
    PhieuGui => "phieu-gui", "PHIẾU GỬI", Some("PG"), Mau1_4;
    /// Phiếu chuyển.
    PhieuChuyen => "phieu-chuyen", "PHIẾU CHUYỂN", Some("PC"), Mau1_4;
    /// Phiếu báo.
    PhieuBao => "phieu-bao", "PHIẾU BÁO", Some("PB"), Mau1_4;
    /// Công văn: no type name and no abbreviation (Mẫu 1.5).
    CongVan => "cong-van", "CÔNG VĂN", None, Mau1_5;
    /// Thư công: no abbreviation.
    ThuCong => "thu-cong", "THƯ CÔNG", None, ChungNhuMau1_4;
}

impl LoaiVanBan {
    /// Looks a type up by its slug (`"ke-hoach"`).
    pub fn from_slug(slug: &str) -> Option<LoaiVanBan> {
        Self::ALL.iter().copied().find(|l| l.slug() == slug)
    }

    /// The type `typed` most likely means when it is no slug: the same words without
    /// diacritics, capitals or spaces (`tờ trình`, `TO_TRINH` → `to-trinh`), else the closest
    /// by spelling, as the reader suggests it; `None` when nothing is close.
    pub fn gan_dung(typed: &str) -> Option<LoaiVanBan> {
        crate::reader::loai_gan_dung(typed).and_then(Self::from_slug)
    }

    /// Whether the type is laid out as Mẫu 1.1 or 1.2: authority, căn cứ and articles.
    pub fn co_dieu(self) -> bool {
        matches!(self.mau(), MauVanBan::Mau1_1 | MauVanBan::Mau1_2)
    }

    /// The type name as written in running text and in the register, capital first
    /// (`"Kế hoạch"`, `"Công văn"`).
    pub fn ten_loai_thuong(self) -> String {
        let thuong = self.ten_loai().to_lowercase();
        let mut c = thuong.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }

    /// Whether the decree lets this type carry a Kính gửi: công văn, tờ trình and báo cáo.
    pub fn co_kinh_gui(self) -> bool {
        matches!(self, LoaiVanBan::CongVan | LoaiVanBan::ToTrinh | LoaiVanBan::BaoCao)
    }
}

impl fmt::Display for LoaiVanBan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_nine_types_twenty_seven_abbreviations() {
        assert_eq!(LoaiVanBan::ALL.len(), 29);
        let with = LoaiVanBan::ALL.iter().filter(|l| l.viet_tat().is_some()).count();
        assert_eq!(with, 27);
    }

    #[test]
    fn abbreviations_follow_the_decree_not_common_mistakes() {
        assert_eq!(LoaiVanBan::QuyChe.viet_tat(), Some("QC"));
        assert_eq!(LoaiVanBan::DuAn.viet_tat(), Some("DA"));
        assert_eq!(LoaiVanBan::QuyDinh.viet_tat(), Some("QyĐ"));
        assert_eq!(LoaiVanBan::ChuongTrinh.viet_tat(), Some("CTr"));
        assert_eq!(LoaiVanBan::ToTrinh.viet_tat(), Some("TTr"));
    }

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for l in LoaiVanBan::ALL {
            assert_eq!(LoaiVanBan::from_slug(l.slug()), Some(*l));
        }
        assert_eq!(LoaiVanBan::from_slug("ke_hoach"), None);
    }

    #[test]
    fn mau_1_4_serves_the_seventeen_types_of_the_decree() {
        let n = LoaiVanBan::ALL.iter().filter(|l| l.mau() == MauVanBan::Mau1_4).count();
        assert_eq!(n, 17);
        let chung: Vec<&str> = LoaiVanBan::ALL
            .iter()
            .filter(|l| l.mau() == MauVanBan::ChungNhuMau1_4)
            .map(|l| l.slug())
            .collect();
        assert_eq!(chung, ["hop-dong", "ban-ghi-nho", "ban-thoa-thuan", "thu-cong"]);
    }
}
