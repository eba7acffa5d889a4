//! The keys of a document file, each defined once: its name, what it holds, which document
//! types require, allow or refuse it, what it means (in Vietnamese and English) and a sample
//! value. The reader's key lists, `render schema`, the README's key table and the tests are
//! derived from these tables; the definitions themselves live beside the concept they
//! describe (`co_quan.rs` holds the keys of `[co_quan]`, `giay_moi.rs` those of a giấy mời).

use crate::LoaiVanBan;

pub use crate::ban_sao::BAN_SAO;
pub use crate::bien_ban::BIEN_BAN;
pub use crate::co_chu::CO_CHU_QUOC_HIEU;
pub use crate::co_quan::CO_QUAN;
pub use crate::cong_dien::DIEN;
pub use crate::do_khan::{DO_KHAN, DO_MAT, PHAM_VI_LUU_HANH};
pub use crate::du_thao::DU_THAO;
pub use crate::giay_gioi_thieu::GIOI_THIEU;
pub use crate::giay_moi::{CHU_TRI, DIA_DIEM, KINH_MOI, THOI_GIAN, TOI_DU};
pub use crate::giay_nghi_phep::NGHI_PHEP;
pub use crate::kinh_gui::KINH_GUI;
pub use crate::ky_so::KY_SO;
pub use crate::ngay::NGAY;
pub use crate::nguoi_ky::NGUOI_KY;
pub use crate::noi_dung::NOI_DUNG;
pub use crate::noi_nhan::NOI_NHAN;
pub use crate::phu_luc::{KEM_THEO, PHU_LUC};
pub use crate::quyet_dinh::{CAN_CU, THAM_QUYEN, THEO_DE_NGHI};
pub use crate::reader::DUNG_CHUNG;
pub use crate::so_hieu::{DON_VI_SOAN_THAO, KY_HIEU, MA_DANG_KY, SO};
pub use crate::trich_yeu::TRICH_YEU;
pub use crate::van_ban::{DIA_DANH, LOAI};

/// The keys of the tables, for code that names one of them.
pub mod trong {
    /// The keys of `[co_quan]`.
    pub mod co_quan {
        pub use crate::co_quan::{CHU_QUAN, DIA_CHI, DIEN_THOAI, EMAIL, FAX, KHOA, TEN, VIET_TAT, WEBSITE};
    }
    /// The keys of `[nguoi_ky]`.
    pub mod nguoi_ky {
        pub use crate::nguoi_ky::{CHUC_VU, HO_TEN, KHOA, KHOA_BAN_SAO, QUYEN_HAN};
    }
    /// The keys of `[noi_nhan]`.
    pub mod noi_nhan {
        pub use crate::noi_nhan::{GUI, KHOA, LUU, NGUOI_SOAN_THAO, SO_BAN};
    }
    /// The keys of `[ky_so]`.
    pub mod ky_so {
        pub use crate::ky_so::{CHU_KY, DAU, DAU_MM, KHOA, THOI_GIAN};
    }
    /// The keys of `[ban_sao]`.
    pub mod ban_sao {
        pub use crate::ban_sao::{
            CO_QUAN, DIA_DANH, HINH_THUC, KHOA, NGAY, NGUOI_KY, NOI_NHAN, SO, THOI_GIAN, VIET_TAT,
        };
    }
}

/// The shape of a text value, for the schema and the documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dang {
    /// Free text on one line.
    Tu,
    /// An abbreviation or ký hiệu: groups of letters and digits joined by `-`.
    KyHieu,
    /// A date of issue: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Ngay,
    /// A full date, `YYYY-MM-DD`.
    NgayDayDu,
    /// An ISO 8601 date and time.
    ThoiDiem,
    /// A relative path to a PNG image.
    Anh,
    /// An authority line starting with one of the prefixes of [`TienTo`](crate::TienTo).
    QuyenHan,
    /// A text of the shape this regular expression gives (the model type checks the same; a
    /// test of the type holds them together), described by the words after it.
    Khop(&'static str, &'static str),
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kieu {
    /// One text of the shape given.
    Chuoi(Dang),
    /// One text, or a list of at least `it_nhat` texts, of the shape given.
    DanhSach {
        /// The shape of each text.
        dang: Dang,
        /// The fewest entries a list may have.
        it_nhat: usize,
        /// One entry, described in Vietnamese (for the schema).
        muc: &'static str,
        /// The keys of an entry written as a table instead of a text (`{ ten = "…", … }`),
        /// where the list allows it.
        bang: Option<&'static [&'static Khoa]>,
    },
    /// An integer from `nho_nhat` (to `lon_nhat`).
    SoNguyen {
        /// The smallest value.
        nho_nhat: i64,
        /// The largest value, if any.
        lon_nhat: Option<i64>,
    },
    /// A number from `nho_nhat` to `lon_nhat`.
    SoThuc {
        /// The smallest value.
        nho_nhat: f64,
        /// The largest value.
        lon_nhat: f64,
    },
    /// One of the texts the function gives.
    MotTrong(fn() -> Vec<&'static str>),
    /// One of the integers the function gives.
    SoMotTrong(fn() -> Vec<i64>),
    /// `true` or `false`.
    DungSai,
    /// `true`/`false`, or an integer from 1 to `lon_nhat`.
    DungSaiHoacSo {
        /// The largest integer.
        lon_nhat: i64,
    },
    /// `true`/`false`, or a text.
    DungSaiHoacChuoi,
    /// A Markdown body, of at most `toi_da` characters when given.
    NoiDung {
        /// The most characters.
        toi_da: Option<usize>,
    },
    /// A table of the keys given.
    Bang(&'static [&'static Khoa]),
    /// A list of tables of the keys given (`[[phu_luc]]`).
    CacBang(&'static [&'static Khoa]),
}

/// Whether a document of a type has a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoMat {
    /// The key must be given.
    BatBuoc,
    /// The key may be given.
    TuyChon,
    /// The key is refused: it belongs to other types.
    Khong,
}

/// One key of a document file.
#[derive(Debug)]
pub struct Khoa {
    /// The key as written in the file (`dia_danh`).
    pub ten: &'static str,
    /// What it holds.
    pub kieu: Kieu,
    /// Whether a document of a type has it.
    pub co_mat: fn(LoaiVanBan) -> CoMat,
    /// What it means, in Vietnamese.
    pub mo_ta: &'static str,
    /// What it means, in English.
    pub mo_ta_en: &'static str,
    /// A sample value as written in a TOML file (`"Phong Thổ"`, `5`, `["VT", "NV"]`).
    pub vi_du: &'static str,
    /// Where the key is refused, what to write instead, in Vietnamese and English (`("", "")`:
    /// nothing but removing it).
    pub thay_the: (&'static str, &'static str),
}

/// Every type may have the key.
pub fn tuy_chon(_: LoaiVanBan) -> CoMat {
    CoMat::TuyChon
}

/// Every type must have the key.
pub fn bat_buoc(_: LoaiVanBan) -> CoMat {
    CoMat::BatBuoc
}

/// `BatBuoc` when `yes`, else `Khong`: a key of some types only, required there.
pub fn chi_khi(yes: bool) -> CoMat {
    if yes { CoMat::BatBuoc } else { CoMat::Khong }
}

impl Khoa {
    /// The key's line in a TOML file with its sample value (`dia_danh = "Phong Thổ"`).
    pub fn dong_vi_du(&self) -> String {
        format!("{} = {}", self.ten, self.vi_du)
    }

    /// The types that have the key (`BatBuoc` or `TuyChon`), and those that must.
    pub fn cac_loai(&self) -> (Vec<LoaiVanBan>, Vec<LoaiVanBan>) {
        let co: Vec<LoaiVanBan> =
            LoaiVanBan::ALL.iter().copied().filter(|l| (self.co_mat)(*l) != CoMat::Khong).collect();
        let bat_buoc = co.iter().copied().filter(|l| (self.co_mat)(*l) == CoMat::BatBuoc).collect();
        (co, bat_buoc)
    }

    /// Which types have the key and which must, in words (`Bắt buộc. Chỉ có ở: giấy mời.`),
    /// in Vietnamese and in English.
    pub fn co_mat_bang_chu(&self) -> (String, String) {
        let (co, bat_buoc) = self.cac_loai();
        let vi =
            |ls: &[LoaiVanBan]| ls.iter().map(|l| l.ten_loai().to_lowercase()).collect::<Vec<_>>().join(", ");
        let en = |ls: &[LoaiVanBan]| ls.iter().map(|l| l.slug()).collect::<Vec<_>>().join(", ");
        let (mut out_vi, mut out_en) = if bat_buoc.len() == co.len() {
            ("Bắt buộc.".to_owned(), "Required.".to_owned())
        } else if bat_buoc.is_empty() {
            ("Không bắt buộc.".to_owned(), "Optional.".to_owned())
        } else {
            (
                format!("Bắt buộc với: {}; không bắt buộc với các loại khác.", vi(&bat_buoc)),
                format!("Required for: {}; optional for the others.", en(&bat_buoc)),
            )
        };
        let (o_vi, o_en) = self.co_o_bang_chu();
        if !o_vi.is_empty() {
            out_vi = format!("{out_vi} {o_vi}");
            out_en = format!("{out_en} {o_en}");
        }
        (out_vi, out_en)
    }

    /// Which types have the key, in words (`Chỉ có ở: giấy mời.`, `Không có ở: biên bản.`), in
    /// Vietnamese and in English; empty for a key of every type.
    pub fn co_o_bang_chu(&self) -> (String, String) {
        let (co, _) = self.cac_loai();
        let khong: Vec<LoaiVanBan> = LoaiVanBan::ALL.iter().copied().filter(|l| !co.contains(l)).collect();
        let vi =
            |ls: &[LoaiVanBan]| ls.iter().map(|l| l.ten_loai().to_lowercase()).collect::<Vec<_>>().join(", ");
        let en = |ls: &[LoaiVanBan]| ls.iter().map(|l| l.slug()).collect::<Vec<_>>().join(", ");
        if khong.is_empty() {
            (String::new(), String::new())
        } else if co.len() <= khong.len() {
            (format!("Chỉ có ở: {}.", vi(&co)), format!("Only for: {}.", en(&co)))
        } else {
            (format!("Không có ở: {}.", vi(&khong)), format!("Not for: {}.", en(&khong)))
        }
    }
}

/// The path of a key through its tables (`co_quan.ten`), for messages.
pub fn duong(parts: &[&Khoa]) -> String {
    parts.iter().map(|k| k.ten).collect::<Vec<_>>().join(".")
}

/// The keys of a table, by name.
pub fn ten_cac_khoa(bang: &[&Khoa]) -> Vec<&'static str> {
    bang.iter().map(|k| k.ten).collect()
}

/// The keys at the top level of a document file, in the order the schema and the
/// documentation list them.
pub const VAN_BAN: &[&Khoa] = &[
    &crate::reader::DUNG_CHUNG,
    &crate::van_ban::LOAI,
    &crate::so_hieu::SO,
    &crate::so_hieu::MA_DANG_KY,
    &crate::so_hieu::KY_HIEU,
    &crate::co_chu::CO_CHU_QUOC_HIEU,
    &crate::so_hieu::DON_VI_SOAN_THAO,
    &crate::van_ban::DIA_DANH,
    &crate::ngay::NGAY,
    &crate::trich_yeu::TRICH_YEU,
    &crate::kinh_gui::KINH_GUI,
    &crate::quyet_dinh::THAM_QUYEN,
    &crate::quyet_dinh::CAN_CU,
    &crate::quyet_dinh::THEO_DE_NGHI,
    &crate::cong_dien::DIEN,
    &crate::giay_moi::KINH_MOI,
    &crate::giay_moi::TOI_DU,
    &crate::giay_moi::CHU_TRI,
    &crate::giay_moi::THOI_GIAN,
    &crate::giay_moi::DIA_DIEM,
    &crate::noi_dung::NOI_DUNG,
    &crate::du_thao::DU_THAO,
    &crate::do_khan::DO_MAT,
    &crate::do_khan::DO_KHAN,
    &crate::do_khan::PHAM_VI_LUU_HANH,
    &crate::co_quan::CO_QUAN,
    &crate::nguoi_ky::NGUOI_KY,
    &crate::noi_nhan::NOI_NHAN,
    &crate::ky_so::KY_SO,
    &crate::giay_gioi_thieu::GIOI_THIEU,
    &crate::bien_ban::BIEN_BAN,
    &crate::giay_nghi_phep::NGHI_PHEP,
    &crate::ban_sao::BAN_SAO,
    &crate::phu_luc::PHU_LUC,
    &crate::phu_luc::KEM_THEO,
];

/// The keys of the table at `path` (`""` for the top level, `co_quan`, `ban_sao.nguoi_ky`,
/// `phu_luc`), if there is such a table.
pub fn cua_bang(path: &str) -> Option<&'static [&'static Khoa]> {
    let mut bang = VAN_BAN;
    if path.is_empty() {
        return Some(bang);
    }
    for part in path.split('.') {
        let khoa = bang.iter().find(|k| k.ten == part)?;
        bang = match khoa.kieu {
            Kieu::Bang(b) | Kieu::CacBang(b) => b,
            _ => return None,
        };
    }
    Some(bang)
}

/// The key at `path` (`co_quan.ten`, `loai`), if there is one.
pub fn khoa(path: &str) -> Option<&'static Khoa> {
    let (bang, ten) = match path.rsplit_once('.') {
        Some((bang, ten)) => (cua_bang(bang)?, ten),
        None => (VAN_BAN, path),
    };
    bang.iter().copied().find(|k| k.ten == ten)
}

/// Every key of every table, with its path (`co_quan.ten`), depth first in the order of
/// the tables.
pub fn tat_ca() -> Vec<(String, &'static Khoa)> {
    fn walk(prefix: &str, bang: &'static [&'static Khoa], out: &mut Vec<(String, &'static Khoa)>) {
        for k in bang {
            let path = format!("{prefix}{}", k.ten);
            out.push((path.clone(), k));
            if let Kieu::Bang(b) | Kieu::CacBang(b) = k.kieu {
                walk(&format!("{path}."), b, out);
            }
        }
    }
    let mut out = Vec::new();
    walk("", VAN_BAN, &mut out);
    out
}

impl Kieu {
    /// What the key holds, in English words for the documentation.
    pub fn bang_chu_en(&self) -> String {
        let dang = |d: Dang| match d {
            Dang::Tu => "text",
            Dang::KyHieu => "abbreviation (`A-B`)",
            Dang::Ngay => "date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
            Dang::NgayDayDu => "date `YYYY-MM-DD`",
            Dang::ThoiDiem => "date and time (ISO 8601)",
            Dang::Anh => "relative path of a PNG",
            Dang::QuyenHan => "authority line (`KT. …`)",
            Dang::Khop(_, words) => words,
        };
        match *self {
            Kieu::Chuoi(d) => dang(d).to_owned(),
            Kieu::DanhSach { dang: d, it_nhat, bang, .. } => {
                let list = match it_nhat {
                    0 => format!("{} or a list of them", dang(d)),
                    n => format!("{} or a list of at least {n}", dang(d)),
                };
                match bang {
                    Some(keys) => {
                        format!("{list}; an entry may be a table of `{}`", ten_cac_khoa(keys).join("`, `"))
                    }
                    None => list,
                }
            }
            Kieu::SoNguyen { nho_nhat, lon_nhat: Some(max) } => format!("integer {nho_nhat}–{max}"),
            Kieu::SoNguyen { nho_nhat, lon_nhat: None } => format!("integer ≥ {nho_nhat}"),
            Kieu::SoThuc { nho_nhat, lon_nhat } => format!("number {nho_nhat}–{lon_nhat}"),
            Kieu::MotTrong(values) => {
                let v: Vec<String> = values().iter().map(|v| format!("`{v}`")).collect();
                format!("one of {}", v.join(", "))
            }
            Kieu::SoMotTrong(values) => {
                let v: Vec<String> = values().iter().map(|v| format!("`{v}`")).collect();
                format!("one of {}", v.join(", "))
            }
            Kieu::DungSai => "`true` or `false`".to_owned(),
            Kieu::DungSaiHoacSo { lon_nhat } => format!("`true`/`false` or 1–{lon_nhat}"),
            Kieu::DungSaiHoacChuoi => "`true`/`false` or text".to_owned(),
            Kieu::NoiDung { toi_da: Some(n) } => format!("Markdown, at most {n} characters"),
            Kieu::NoiDung { toi_da: None } => "Markdown".to_owned(),
            Kieu::Bang(_) => "table".to_owned(),
            Kieu::CacBang(_) => "list of tables (`[[…]]`)".to_owned(),
        }
    }
}

/// Every key as a Markdown table (key, what it holds, which types have it, what it means,
/// a sample): the README's key table is this text, between its `khoa` markers.
pub fn bang_markdown() -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', "\\n");
    let mut out = String::from("| key | holds | types | meaning | sample |\n|---|---|---|---|---|\n");
    for (path, k) in tat_ca() {
        let (_, co_mat) = k.co_mat_bang_chu();
        let shown = match k.kieu {
            Kieu::Bang(_) => format!("`[{path}]`"),
            Kieu::CacBang(_) => format!("`[[{path}]]`"),
            _ => format!("`{path}`"),
        };
        out.push_str(&format!(
            "| {shown} | {} | {} | {} | `{}` |\n",
            cell(&k.kieu.bang_chu_en()),
            cell(&co_mat),
            cell(k.mo_ta_en),
            cell(k.vi_du).replace('`', "'"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_names_each_key_once() {
        let mut tables = vec![("".to_owned(), VAN_BAN)];
        for (path, k) in tat_ca() {
            if let Kieu::Bang(b) | Kieu::CacBang(b) = k.kieu {
                tables.push((path, b));
            }
        }
        for (path, b) in tables {
            let mut names = ten_cac_khoa(b);
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "a key is defined twice in table “{path}”");
        }
    }

    #[test]
    fn paths_find_keys_in_nested_tables() {
        assert_eq!(khoa("ban_sao.nguoi_ky.ho_ten").map(|k| k.ten), Some("ho_ten"));
        assert_eq!(khoa("phu_luc.tep_rieng").map(|k| k.ten), Some("tep_rieng"));
        assert!(khoa("co_quan.khong_co").is_none());
        assert!(cua_bang("loai").is_none());
    }

    #[test]
    fn presence_in_words_names_the_types() {
        let words = |k: &Khoa| k.co_mat_bang_chu();
        assert_eq!(
            words(&crate::giay_moi::KINH_MOI),
            ("Bắt buộc. Chỉ có ở: giấy mời.".into(), "Required. Only for: giay-moi.".into())
        );
        assert_eq!(words(&crate::van_ban::DIA_DANH).0, "Bắt buộc. Không có ở: biên bản.");
        assert_eq!(words(&crate::du_thao::DU_THAO).0, "Không bắt buộc.");
        assert!(words(&crate::kinh_gui::KINH_GUI).0.starts_with("Bắt buộc với: công văn; không bắt buộc"));
    }

    #[test]
    fn the_readme_key_table_is_generated_from_the_definitions() {
        // `UPDATE_README=1 cargo test -p vanban-core readme` writes it.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (begin, end) = ("<!-- khoa:begin (generated from vanban_core::khoa) -->\n", "<!-- khoa:end -->");
        let start = readme.find(begin).expect("README has the begin marker") + begin.len();
        let stop = readme[start..].find(end).expect("README has the end marker") + start;
        let table = bang_markdown();
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(path, format!("{}{table}{}", &readme[..start], &readme[stop..])).unwrap();
        } else {
            assert!(
                readme[start..stop] == table,
                "the README's key table is stale: UPDATE_README=1 cargo test -p vanban-core readme"
            );
        }
    }
}
