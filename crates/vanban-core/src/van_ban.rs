//! A whole document: the thể thức components of Phụ lục I, with the body.

use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::{
    BanSao, BienBan, CoChu, CoQuan, CongDien, DoKhan, DoMat, DuThao, GiayGioiThieu, GiayMoi, GiayNghiPhep,
    KinhGui, KySo, LoaiVanBan, Ngay, NguoiKy, NoiDung, NoiNhan, PhuLuc, QuyetDinh, SoHieu, TrichYeu,
    VanBanKemTheo,
};

/// A công văn (Mẫu 1.5): no type name, `V/v` summary under its number, and Kính gửi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CongVan {
    /// The summary, printed `V/v …`.
    pub trich_yeu: TrichYeu,
    /// The addressees.
    pub kinh_gui: KinhGui,
}

/// A văn bản có tên loại (Mẫu 1.4): type name and summary centred under the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VanBanCoTenLoai {
    /// The type; always one that Mẫu 1.4 serves.
    pub loai: LoaiVanBan,
    /// The summary under the type name, if any.
    pub trich_yeu: Option<TrichYeu>,
    /// Addressees: only a tờ trình or báo cáo sent to a superior has them.
    pub kinh_gui: Option<KinhGui>,
}

/// The template a document follows, with the parts only that template has.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mau {
    /// Mẫu 1.5.
    CongVan(CongVan),
    /// Mẫu 1.4.
    CoTenLoai(VanBanCoTenLoai),
    /// Mẫu 1.1 (nghị quyết) and 1.2 (quyết định).
    QuyetDinh(QuyetDinh),
    /// Mẫu 1.6.
    CongDien(CongDien),
    /// Mẫu 1.7.
    GiayMoi(GiayMoi),
    /// Mẫu 1.8.
    GiayGioiThieu(GiayGioiThieu),
    /// Mẫu 1.9.
    BienBan(BienBan),
    /// Mẫu 1.10.
    GiayNghiPhep(GiayNghiPhep),
}

/// An administrative document, checked against the decree.
#[derive(Debug, Clone, PartialEq)]
pub struct VanBan {
    /// Template-specific parts.
    pub mau: Mau,
    /// Issuing body (ô 2).
    pub co_quan: CoQuan,
    /// Number and code (ô 3).
    pub so_hieu: SoHieu,
    /// The register entry the number came from (`ma_dang_ky`, written by `render cap-so`).
    pub ma_dang_ky: Option<crate::MaDangKy>,
    /// Place name (ô 4), as written before the date: `Phong Thổ`; `None` for a biên bản,
    /// whose header has no place-and-date line.
    pub dia_danh: Option<String>,
    /// Date of issue (ô 4); for a biên bản, the day it was drawn up, which is not printed.
    pub ngay: Ngay,
    /// Body (ô 6).
    pub noi_dung: NoiDung,
    /// Signer (ô 7).
    pub nguoi_ky: NguoiKy,
    /// Recipients of copies (ô 9b).
    pub noi_nhan: NoiNhan,
    /// Draft marker, if this is a draft.
    pub du_thao: Option<DuThao>,
    /// Dấu chỉ độ mật (ô 10a), for a secret document.
    pub do_mat: Option<DoMat>,
    /// Dấu chỉ mức độ khẩn (ô 10b), for an urgent document.
    pub do_khan: Option<DoKhan>,
    /// Chỉ dẫn về phạm vi lưu hành (ô 11): `Xem xong trả lại`, `Lưu hành nội bộ`, …,
    /// printed boxed in capitals in the top band.
    pub pham_vi_luu_hanh: Option<String>,
    /// The document it issues or approves (Mẫu 1.3), for a quyết định or nghị quyết.
    pub kem_theo: Option<VanBanKemTheo>,
    /// Appendices issued with it in the same file (Mẫu 2.1), in order.
    pub phu_luc: Vec<PhuLuc>,
    /// A copy of the document (Mẫu 3.1, 3.2), when this is one.
    pub ban_sao: Option<BanSao>,
    /// The signature and seal images of an electronic document, if it shows them.
    pub ky_so: Option<KySo>,
    /// Size step of the Quốc hiệu, Tiêu ngữ and date line.
    pub co_chu: CoChu,
}

impl VanBan {
    /// The document's type.
    pub fn loai(&self) -> LoaiVanBan {
        match &self.mau {
            Mau::CongVan(_) => LoaiVanBan::CongVan,
            Mau::CoTenLoai(v) => v.loai,
            Mau::QuyetDinh(q) => q.loai,
            Mau::CongDien(_) => LoaiVanBan::CongDien,
            Mau::GiayMoi(_) => LoaiVanBan::GiayMoi,
            Mau::GiayGioiThieu(_) => LoaiVanBan::GiayGioiThieu,
            Mau::BienBan(_) => LoaiVanBan::BienBan,
            Mau::GiayNghiPhep(_) => LoaiVanBan::GiayNghiPhep,
        }
    }

    /// The summary, whatever the template.
    pub fn trich_yeu(&self) -> Option<&TrichYeu> {
        match &self.mau {
            Mau::CongVan(c) => Some(&c.trich_yeu),
            Mau::CoTenLoai(v) => v.trich_yeu.as_ref(),
            Mau::QuyetDinh(q) => Some(&q.trich_yeu),
            Mau::CongDien(c) => Some(&c.trich_yeu),
            Mau::GiayMoi(g) => g.trich_yeu.as_ref(),
            Mau::BienBan(b) => b.trich_yeu.as_ref(),
            Mau::GiayGioiThieu(_) | Mau::GiayNghiPhep(_) => None,
        }
    }

    /// The addressees, whatever the template.
    pub fn kinh_gui(&self) -> Option<&KinhGui> {
        match &self.mau {
            Mau::CongVan(c) => Some(&c.kinh_gui),
            Mau::CoTenLoai(v) => v.kinh_gui.as_ref(),
            Mau::QuyetDinh(_)
            | Mau::CongDien(_)
            | Mau::GiayMoi(_)
            | Mau::GiayGioiThieu(_)
            | Mau::BienBan(_)
            | Mau::GiayNghiPhep(_) => None,
        }
    }

    /// The line under an appendix's title that names this document (Mẫu 2.1): `(Kèm theo
    /// Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân huyện Phong Thổ)`;
    /// a công văn is called `Văn bản`, and a number not yet given is left blank. On an
    /// electronic document ([`KySo`]) the number and date are not filled in (Mẫu 2.2):
    /// `(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của …)`; the system gives
    /// them (Art. 15.3).
    pub fn dong_kem_theo(&self) -> String {
        let loai = match self.loai() {
            LoaiVanBan::CongVan => "Văn bản".to_owned(),
            l => {
                let lower = l.ten_loai().to_lowercase();
                let mut c = lower.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        };
        let co_quan = self.co_quan.ten.join(" ");
        if self.ky_so.is_some() {
            let ky_hieu = &self.so_hieu.ky_hieu;
            return format!("(Kèm theo {loai} số …/{ky_hieu} ngày … tháng … năm … của {co_quan})");
        }
        let so = match self.so_hieu.so {
            Some(n) => format!("{n}/{}", self.so_hieu.ky_hieu),
            None => format!("     /{}", self.so_hieu.ky_hieu),
        };
        format!("(Kèm theo {loai} số {so} {} của {co_quan})", self.ngay)
    }

    /// The agency's signature text on the first page of a part in a separate file (Mẫu 1.3,
    /// 2.2): `Số: 12/QĐ-UBND; 05/3/2020; 14:30:15+07:00`, the document's number and the
    /// signing time. `None` without a number or a signing time.
    pub fn dong_tep_rieng(&self) -> Option<String> {
        let so = self.so_hieu.so?;
        let t = self.ky_so.as_ref()?.thoi_gian?;
        Some(format!("Số: {so}/{}; {}; {}", self.so_hieu.ky_hieu, t.ngay_so(), t.gio()))
    }

    /// The parts issued as files of their own, in the order they follow the document, each
    /// by the name that tells its file apart: `kem-theo`, `phu-luc`, `phu-luc-II` ….
    pub fn tep_rieng(&self) -> Vec<String> {
        let n = self.phu_luc.len();
        let kem_theo = self.kem_theo.iter().filter(|k| k.tep_rieng).map(|_| "kem-theo".to_owned());
        let phu_luc = self.phu_luc.iter().enumerate().filter(|(_, p)| p.tep_rieng);
        kem_theo.chain(phu_luc.map(|(i, _)| PhuLuc::ten_tep(i, n))).collect()
    }

    /// The place-and-date line: `Phong Thổ, ngày 05 tháng 3 năm 2020`; `None` for a biên bản.
    pub fn dia_danh_thoi_gian(&self) -> Option<String> {
        self.dia_danh.as_ref().map(|d| format!("{d}, {}", self.ngay))
    }
}

/// `loai`: the type of the document.
pub const LOAI: Khoa = Khoa {
    ten: "loai",
    kieu: Kieu::MotTrong(|| LoaiVanBan::ALL.iter().map(|l| l.slug()).collect()),
    co_mat: khoa::bat_buoc,
    mo_ta: "Loại văn bản (Điều 7): quyết định mẫu trình bày, tên loại in ra và chữ viết tắt trong ký hiệu.",
    mo_ta_en: "Document type (Art. 7): decides the template, the printed type name and the abbreviation in the code.",
    vi_du: "\"ke-hoach\"",
    thay_the: ("", ""),
};

/// `dia_danh`: where the agency sits, printed before the date.
pub const DIA_DANH: Khoa = Khoa {
    ten: "dia_danh",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: |l| khoa::chi_khi(l != LoaiVanBan::BienBan),
    mo_ta: "Địa danh nơi ban hành, in trước ngày tháng: \"Phong Thổ, ngày …\"; viết hoa chữ cái đầu mỗi âm tiết của tên riêng. Biên bản không có dòng địa danh và ngày tháng.",
    mo_ta_en: "Place of issue, printed before the date (\"Phong Thổ, ngày …\"); capitalise every syllable of the proper name. A biên bản has no place-and-date line.",
    vi_du: "\"Phong Thổ\"",
    thay_the: (
        "ghi nơi họp vào [bien_ban] dia_diem",
        "write where the meeting took place as dia_diem under [bien_ban]",
    ),
};
