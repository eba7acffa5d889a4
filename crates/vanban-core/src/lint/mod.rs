//! Lint: rules of the decree a document can break and still be laid out. Each rule has a
//! stable id, the provision it applies and a suggested fix; what it finds is a warning
//! (the document renders, but a reviewer would send it back) or an error.
//!
//! The model's own checks (a file that cannot become a [`VanBan`]) come first, from
//! [`parse`](crate::parse); lint looks at a document that parsed.

mod bo_dau;
mod danh_sach;
mod hoa;
mod ket_thuc;
mod ky_hieu;
mod nhu_tren;
mod so_trung;
mod tham_quyen;
mod thu_tu;
mod trich_yeu;
mod vi_tri;

use crate::{Diagnostic, QuyTac, VanBan, ViTri};

pub use self::so_trung::{SoDaDung, so_trung};

use self::vi_tri::ViTriTrongTep;

/// `V/v` or `Về việc` typed at the start of a công văn's trích yếu.
pub const VV_TRONG_TRICH_YEU: QuyTac = QuyTac { id: "vv-trong-trich-yeu", can_cu: "Phụ lục I, II.5.b" };
/// A body whose last paragraph does not end with `./.`.
pub const KET_THUC_NOI_DUNG: QuyTac = QuyTac {
    id: "ket-thuc-noi-dung",
    can_cu: "Phụ lục III, Mục II (các mẫu kết thúc nội dung bằng “./.”)",
};
/// `Như trên` among the recipients of a document with no Kính gửi.
pub const NHU_TREN_KHONG_KINH_GUI: QuyTac =
    QuyTac { id: "nhu-tren-khong-kinh-gui", can_cu: "Phụ lục I, II.9.b" };
/// A document with a Kính gửi whose recipient list does not start with `Như trên`.
pub const NHU_TREN_DAU_TIEN: QuyTac = QuyTac { id: "nhu-tren-dau-tien", can_cu: "Phụ lục I, II.9.b" };
/// Authority prefixes in an order or combination the decree does not provide for.
pub const CHUOI_THAM_QUYEN: QuyTac =
    QuyTac { id: "chuoi-tham-quyen", can_cu: "Điều 13; Phụ lục I, II.7" };
/// A typed ký hiệu whose type abbreviation is not the document's type.
pub const KY_HIEU_SAI_LOAI: QuyTac =
    QuyTac { id: "ky-hieu-sai-loai", can_cu: "Phụ lục I, II.3; Phụ lục III, Mục I" };
/// A place name with a syllable not capitalised.
pub const HOA_DIA_DANH: QuyTac =
    QuyTac { id: "hoa-dia-danh", can_cu: "Phụ lục I, II.4.a; Phụ lục II" };
/// An agency name not capitalised as Phụ lục II says (all capitals, or a proper name in
/// lower case).
pub const HOA_TEN_CO_QUAN: QuyTac =
    QuyTac { id: "hoa-ten-co-quan", can_cu: "Phụ lục II (tên cơ quan, tổ chức; địa danh)" };
/// Old-style and new-style tone-mark placement (`hoà` and `hòa`) in one document.
pub const BO_DAU_LAN_LON: QuyTac = QuyTac {
    id: "bo-dau-lan-lon",
    can_cu: "Phụ lục I, I (phông chữ tiếng Việt Unicode, TCVN 6909:2001)",
};
/// A number and ký hiệu used by two documents of one agency in one year.
pub const SO_TRUNG: QuyTac = QuyTac { id: "so-trung", can_cu: "Điều 15; Phụ lục I, II.3" };

/// Articles not numbered 1, 2, 3 … through the document.
pub const THU_TU_DIEU: QuyTac = QuyTac { id: "thu-tu-dieu", can_cu: "Phụ lục I, II.6.a" };
/// Points not lettered a), b), c), d), đ), e), g) … in order.
pub const THU_TU_DIEM: QuyTac = QuyTac { id: "thu-tu-diem", can_cu: "Phụ lục I, II.6.a" };

/// Phần and Chương not numbered I, II, III … through the document, or Mục and Tiểu mục not
/// numbered 1, 2, 3 … within their Chương and Mục.
pub const THU_TU_PHAN_CHUONG: QuyTac = QuyTac { id: "thu-tu-phan-chuong", can_cu: "Phụ lục I, II.6.a" };

/// List punctuation vanban prints itself typed in a list it lays out (a dash before an entry,
/// `;` or `.` after it, a `Lưu:` line among the recipients): dropped, and named.
pub const DAU_CAU_DANH_SACH: QuyTac = QuyTac {
    id: "dau-cau-danh-sach",
    can_cu: "Phụ lục I, II.9 (Kính gửi, Nơi nhận); Phụ lục III, Mẫu 1.1, 1.2, 1.6, 1.7, 1.9",
};

/// Every rule, by id.
pub const QUY_TAC: &[QuyTac] = &[
    VV_TRONG_TRICH_YEU,
    KET_THUC_NOI_DUNG,
    NHU_TREN_KHONG_KINH_GUI,
    NHU_TREN_DAU_TIEN,
    CHUOI_THAM_QUYEN,
    KY_HIEU_SAI_LOAI,
    HOA_DIA_DANH,
    HOA_TEN_CO_QUAN,
    BO_DAU_LAN_LON,
    SO_TRUNG,
    THU_TU_DIEU,
    THU_TU_DIEM,
    THU_TU_PHAN_CHUONG,
    DAU_CAU_DANH_SACH,
];

/// Runs every single-document rule on `van_ban`, read from `source` with the places
/// `vi_tri` (both from [`doc`](crate::doc)); what they find is placed on the file's lines.
pub fn kiem_tra(van_ban: &VanBan, source: &str, vi_tri: &ViTri) -> Vec<Diagnostic> {
    let mut lint = Lint { vi_tri: ViTriTrongTep::new(source, vi_tri), found: Vec::new() };
    trich_yeu::kiem_tra(van_ban, &mut lint);
    ket_thuc::kiem_tra(van_ban, &mut lint);
    nhu_tren::kiem_tra(van_ban, &mut lint);
    tham_quyen::kiem_tra(van_ban, &mut lint);
    ky_hieu::kiem_tra(van_ban, &mut lint);
    hoa::kiem_tra(van_ban, &mut lint);
    bo_dau::kiem_tra(van_ban, &mut lint);
    thu_tu::kiem_tra(van_ban, &mut lint);
    danh_sach::kiem_tra(van_ban, &mut lint);
    lint.found
}

/// What one finding says, in both languages.
pub(crate) struct Loi<'a> {
    pub(crate) vi: String,
    pub(crate) en: String,
    pub(crate) sua_vi: &'a str,
    pub(crate) sua_en: &'a str,
}

/// The findings of one document.
pub(crate) struct Lint<'a> {
    vi_tri: ViTriTrongTep<'a>,
    found: Vec<Diagnostic>,
}

impl Lint<'_> {
    /// A warning of `rule` about the value at `key`, placed at `needle` inside it when given.
    pub(crate) fn canh_bao(&mut self, rule: QuyTac, key: &str, needle: Option<&str>, loi: Loi<'_>) {
        let d = Diagnostic::canh_bao(rule, loi.vi)
            .en(loi.en)
            .with_hint(loi.sua_vi)
            .hint_en(loi.sua_en)
            .with_key(key);
        let at = match needle {
            Some(n) => self.vi_tri.in_value(key, n),
            None => self.vi_tri.of(key),
        };
        self.found.push(match at {
            Some(offset) => self.vi_tri.dat(d, offset),
            None => d,
        });
    }
}

impl Lint<'_> {
    /// A warning of `rule` about the value at `key`, placed at byte `at` of the file when
    /// given, else on the value.
    pub(crate) fn canh_bao_tai(&mut self, rule: QuyTac, key: &str, at: Option<usize>, loi: Loi<'_>) {
        let d = Diagnostic::canh_bao(rule, loi.vi)
            .en(loi.en)
            .with_hint(loi.sua_vi)
            .hint_en(loi.sua_en)
            .with_key(key);
        let at = at.or_else(|| self.vi_tri.of(key));
        self.found.push(match at {
            Some(offset) => self.vi_tri.dat(d, offset),
            None => d,
        });
    }

    /// A warning of `rule` about text that may be anywhere in the file, placed at the
    /// first place `needle` is written (as typed, composed or decomposed).
    pub(crate) fn canh_bao_o(&mut self, rule: QuyTac, needle: &str, loi: Loi<'_>) {
        use unicode_normalization::UnicodeNormalization;
        let d = Diagnostic::canh_bao(rule, loi.vi).en(loi.en).with_hint(loi.sua_vi).hint_en(loi.sua_en);
        let source = self.vi_tri.source();
        let nfd: String = needle.nfd().collect();
        let at = source.find(needle).or_else(|| source.find(&nfd));
        self.found.push(match at {
            Some(offset) => self.vi_tri.dat(d, offset),
            None => d,
        });
    }
}

impl Lint<'_> {
    /// An error of `rule` about a part of the body, placed at occurrence `nth` (from 0) of
    /// `needle` in the file (as typed, composed or decomposed).
    pub(crate) fn loi_o(&mut self, rule: QuyTac, needle: &str, nth: usize, loi: Loi<'_>) {
        use unicode_normalization::UnicodeNormalization;
        let d = Diagnostic::loi(rule, loi.vi).en(loi.en).with_hint(loi.sua_vi).hint_en(loi.sua_en);
        let source = self.vi_tri.source();
        let find = |n: &str| source.match_indices(n).nth(nth).map(|(at, _)| at);
        let nfd: String = needle.nfd().collect();
        let at = find(needle).or_else(|| find(&nfd));
        self.found.push(match at {
            Some(offset) => self.vi_tri.dat(d, offset),
            None => d,
        });
    }
}

/// Test helpers: a document from TOML text, and the rule ids lint finds in it.
#[cfg(test)]
pub(crate) mod test_util {
    /// A valid công văn; tests replace lines of it.
    pub(crate) const CONG_VAN: &str = r#"loai = "cong-van"
don_vi_soan_thao = "NV"
dia_danh = "Phong Thổ"
ngay = "2024-03-05"
trich_yeu = "triển khai phong trào thi đua"
kinh_gui = ["Các cơ quan, đơn vị"]
noi_dung = """
Ủy ban nhân dân huyện đề nghị các cơ quan thực hiện./.
"""
[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"
[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"
[noi_nhan]
gui = ["Như trên", "Lãnh đạo UBND huyện"]
luu = ["VT", "NV"]
"#;

    /// `CONG_VAN` with the line starting `key =` replaced by `line` (or `line` added
    /// after the first line when no line starts so).
    pub(crate) fn with(key: &str, line: &str) -> String {
        with_in(CONG_VAN, key, line)
    }

    /// `source` with its line starting `key =` replaced by `line`.
    pub(crate) fn with_in(source: &str, key: &str, line: &str) -> String {
        let prefix = format!("{key} =");
        let mut replaced = false;
        let mut out: Vec<String> = source
            .lines()
            .map(|l| {
                if !replaced && l.starts_with(&prefix) {
                    replaced = true;
                    line.to_owned()
                } else {
                    l.to_owned()
                }
            })
            .collect();
        if !replaced {
            out.insert(1, line.to_owned());
        }
        out.join("\n") + "\n"
    }

    /// The ids of the rules lint finds in `source`; panics when it does not parse.
    pub(crate) fn ids(source: &str) -> Vec<&'static str> {
        let (vb, vi_tri) =
            crate::doc(source, crate::DangTep::Toml).unwrap_or_else(|e| panic!("{e}\n{source}"));
        super::kiem_tra(&vb, source, &vi_tri).iter().filter_map(|d| d.quy_tac.map(|q| q.id)).collect()
    }

    #[test]
    fn the_base_document_is_clean() {
        assert_eq!(ids(CONG_VAN), Vec::<&str>::new());
    }

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for q in super::QUY_TAC {
            assert!(seen.insert(q.id), "{} twice", q.id);
            assert!(q.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", q.id);
            assert!(!q.can_cu.is_empty());
        }
    }
}
