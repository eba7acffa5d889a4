//! The record of an outgoing document for the records system (Phụ lục VI of the decree:
//! thông tin đầu vào của dữ liệu quản lý văn bản đi): what the register keeps, what
//! `render --metadata` writes as JSON beside the PDF and what the PDF carries in its XMP.
//!
//! The fields are defined once, in [`CAC_TRUONG`] (name, Vietnamese name, kind, longest value);
//! the JSON record, its check and the XMP schema are all derived from that table.

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::{Diagnostic, VanBan};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KieuTruong {
    /// Text, at most [`Truong::do_dai`] characters.
    Chuoi,
    /// A whole number of at most [`Truong::do_dai`] digits.
    So,
    /// A date, `YYYY-MM-DD`.
    Ngay,
    /// A list of texts, at most [`Truong::do_dai`] characters joined with `; `.
    DanhSach,
    /// A group of the fields [`Truong::con`].
    Nhom,
}

/// One field of the record.
#[derive(Debug)]
pub struct Truong {
    /// The field's name in the record (JSON key, XMP property).
    pub ten: &'static str,
    /// What the decree calls it.
    pub ten_vi: &'static str,
    /// What it holds.
    pub kieu: KieuTruong,
    /// The longest value, in characters (digits for a number); 0 for a group.
    pub do_dai: usize,
    /// The fields of a group.
    pub con: &'static [Truong],
}

const fn truong(ten: &'static str, ten_vi: &'static str, kieu: KieuTruong, do_dai: usize) -> Truong {
    Truong { ten, ten_vi, kieu, do_dai, con: &[] }
}

/// The signer's position.
pub const POSITION: Truong = truong("Position", "Chức vụ người ký", KieuTruong::Chuoi, 100);
/// The signer's full name.
pub const FULL_NAME: Truong = truong("FullName", "Họ và tên người ký", KieuTruong::Chuoi, 50);

/// Every field, in the record's order.
pub const CAC_TRUONG: [Truong; 15] = [
    truong("CodeNumber", "Số của văn bản", KieuTruong::So, 11),
    truong("CodeNotation", "Ký hiệu của văn bản", KieuTruong::Chuoi, 30),
    truong("IssuedDate", "Ngày, tháng, năm văn bản", KieuTruong::Ngay, 10),
    truong("OrganName", "Tên cơ quan, tổ chức ban hành văn bản", KieuTruong::Chuoi, 200),
    truong("OrganId", "Mã định danh của cơ quan, tổ chức ban hành", KieuTruong::Chuoi, 13),
    truong("TypeName", "Tên loại văn bản", KieuTruong::Chuoi, 100),
    truong("Subject", "Trích yếu nội dung", KieuTruong::Chuoi, 500),
    Truong {
        ten: "SignerInfo",
        ten_vi: "Người ký",
        kieu: KieuTruong::Nhom,
        do_dai: 0,
        con: &[POSITION, FULL_NAME],
    },
    truong("To", "Nơi nhận", KieuTruong::DanhSach, 1000),
    truong("Priority", "Mức độ khẩn", KieuTruong::Chuoi, 30),
    truong("Confidentiality", "Độ mật", KieuTruong::Chuoi, 30),
    truong("PageAmount", "Số trang của văn bản", KieuTruong::So, 4),
    truong("IssuedAmount", "Số lượng bản phát hành", KieuTruong::So, 4),
    truong("Language", "Ngôn ngữ", KieuTruong::Chuoi, 100),
    truong("Notes", "Ghi chú", KieuTruong::Chuoi, 500),
];

/// A field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum GiaTri {
    /// Not known (a number not yet given, an agency without an identifier).
    Trong,
    /// Text.
    Chuoi(String),
    /// A whole number.
    So(u64),
    /// A date.
    Ngay(NaiveDate),
    /// A list of texts.
    DanhSach(Vec<String>),
    /// A group, its values in the order of [`Truong::con`].
    Nhom(Vec<GiaTri>),
}

impl GiaTri {
    /// The value as text, as the XMP and the length check see it; `None` when empty.
    pub fn chu(&self) -> Option<String> {
        match self {
            GiaTri::Trong | GiaTri::Nhom(_) => None,
            GiaTri::Chuoi(s) => Some(s.clone()),
            GiaTri::So(n) => Some(n.to_string()),
            GiaTri::Ngay(d) => Some(d.format("%Y-%m-%d").to_string()),
            GiaTri::DanhSach(v) => (!v.is_empty()).then(|| v.join("; ")),
        }
    }
}

/// The record of one document: a value for each of [`CAC_TRUONG`], in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct DuLieuVanBanDi {
    gia_tri: Vec<GiaTri>,
}

/// Text, or nothing for an empty one.
fn chuoi(s: &str) -> GiaTri {
    let s = s.trim();
    if s.is_empty() { GiaTri::Trong } else { GiaTri::Chuoi(s.to_owned()) }
}

impl DuLieuVanBanDi {
    /// The record of `vb`, laid out on `so_trang` pages (`None` when not laid out).
    pub fn tu(vb: &VanBan, so_trang: Option<usize>) -> DuLieuVanBanDi {
        let so = |n: Option<u64>| n.map_or(GiaTri::Trong, GiaTri::So);
        let gia_tri = vec![
            so(vb.so_hieu.so.map(|s| u64::from(s.get()))),
            chuoi(&vb.so_hieu.ky_hieu.to_string()),
            vb.ngay.to_naive_date().map_or(GiaTri::Trong, GiaTri::Ngay),
            chuoi(&vb.co_quan.ten.join(" ")),
            vb.co_quan.ma_dinh_danh.as_deref().map_or(GiaTri::Trong, chuoi),
            chuoi(&vb.loai().ten_loai_thuong()),
            vb.trich_yeu().map_or(GiaTri::Trong, |t| chuoi(&t.0)),
            GiaTri::Nhom(vec![chuoi(&vb.nguoi_ky.chuc_vu), chuoi(&vb.nguoi_ky.ho_ten)]),
            GiaTri::DanhSach(vb.noi_nhan.gui.clone()),
            vb.do_khan.map_or(GiaTri::Trong, |d| GiaTri::Chuoi(d.chu().to_owned())),
            vb.do_mat.map_or(GiaTri::Trong, |d| GiaTri::Chuoi(d.chu().to_owned())),
            so(so_trang.map(|n| n as u64)),
            so(vb.noi_nhan.so_ban.map(u64::from)),
            GiaTri::Chuoi("Tiếng Việt".to_owned()),
            GiaTri::Trong,
        ];
        DuLieuVanBanDi { gia_tri }
    }

    /// Each field with its value, in the record's order.
    pub fn cac_gia_tri(&self) -> impl Iterator<Item = (&'static Truong, &GiaTri)> {
        CAC_TRUONG.iter().zip(&self.gia_tri)
    }

    /// The value of the field named `ten` (a group's field as `SignerInfo.FullName`).
    pub fn lay(&self, ten: &str) -> Option<&GiaTri> {
        let (dau, con) = ten.split_once('.').map_or((ten, None), |(a, b)| (a, Some(b)));
        let (truong, gia_tri) = self.cac_gia_tri().find(|(t, _)| t.ten == dau)?;
        match (con, gia_tri) {
            (None, g) => Some(g),
            (Some(c), GiaTri::Nhom(v)) => truong.con.iter().position(|t| t.ten == c).and_then(|i| v.get(i)),
            (Some(_), _) => None,
        }
    }

    /// A problem for each value longer than the decree's field allows, keyed by the field.
    pub fn kiem_tra(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (truong, gia_tri) in self.cac_gia_tri() {
            match gia_tri {
                GiaTri::Nhom(v) => {
                    for (con, g) in truong.con.iter().zip(v) {
                        problems.extend(qua_dai(con, g, Some(truong)));
                    }
                }
                g => problems.extend(qua_dai(truong, g, None)),
            }
        }
        problems
    }
}

/// The problem of a value `g` of `truong` (in group `nhom`) longer than the field allows.
fn qua_dai(truong: &Truong, g: &GiaTri, nhom: Option<&Truong>) -> Option<Diagnostic> {
    let dai = g.chu()?.chars().count();
    if dai <= truong.do_dai {
        return None;
    }
    let ten = nhom.map_or_else(|| truong.ten.to_owned(), |n| format!("{}.{}", n.ten, truong.ten));
    let (don_vi, unit) =
        if truong.kieu == KieuTruong::So { ("chữ số", "digits") } else { ("ký tự", "characters") };
    Some(
        Diagnostic::new(format!(
            "trường {ten} ({}) của dữ liệu văn bản đi dài {dai} {don_vi}, quá {} theo Phụ lục VI",
            truong.ten_vi, truong.do_dai
        ))
        .en(format!(
            "field {ten} of the outgoing-document record is {dai} {unit} long, more than the {} Phụ lục VI allows",
            truong.do_dai
        ))
        .with_hint("rút gọn giá trị trong tệp văn bản")
        .hint_en("shorten the value in the document file"),
    )
}

impl Serialize for GiaTri {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            GiaTri::Trong => s.serialize_none(),
            GiaTri::Chuoi(v) => s.serialize_str(v),
            GiaTri::So(n) => s.serialize_u64(*n),
            GiaTri::Ngay(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            GiaTri::DanhSach(v) => v.serialize(s),
            // A group is serialised by its record, which knows the names.
            GiaTri::Nhom(_) => s.serialize_none(),
        }
    }
}

/// A group's values under their fields' names.
struct NhomCo<'a>(&'a Truong, &'a [GiaTri]);

impl Serialize for NhomCo<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.1.len()))?;
        for (t, g) in self.0.con.iter().zip(self.1) {
            map.serialize_entry(t.ten, g)?;
        }
        map.end()
    }
}

impl Serialize for DuLieuVanBanDi {
    /// An object with every field of [`CAC_TRUONG`] in order, `null` for what is not known.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.gia_tri.len()))?;
        for (truong, gia_tri) in self.cac_gia_tri() {
            match gia_tri {
                GiaTri::Nhom(v) => map.serialize_entry(truong.ten, &NhomCo(truong, v))?,
                g => map.serialize_entry(truong.ten, g)?,
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn van_ban(extra: &str) -> VanBan {
        let text = format!(
            r#"loai = "cong-van"
so = 15
ky_hieu = "UBND-VP"
ngay = "2025-07-15"
dia_danh = "Phường Ba Đình"
trich_yeu = "Về việc # $ [ \\ \" {{{{ x }}}}"
kinh_gui = ["Sở Nội vụ"]
noi_dung = "Nội dung."
{extra}
[co_quan]
ten = "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH"
viet_tat = "UBND"
ma_dinh_danh = "000.00.31.H26"
[nguoi_ky]
quyen_han = "TM. ỦY BAN NHÂN DÂN"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Nguyễn Văn A"
[noi_nhan]
gui = ["Như trên", "Sở Tài chính"]
luu = ["VT"]
so_ban = 5
"#
        );
        crate::parse(&text, crate::DangTep::Toml).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_record_holds_the_documents_values_under_the_decrees_fields() {
        let d = DuLieuVanBanDi::tu(&van_ban(""), Some(2));
        assert_eq!(d.lay("CodeNumber"), Some(&GiaTri::So(15)));
        assert_eq!(d.lay("CodeNotation"), Some(&GiaTri::Chuoi("UBND-VP".into())));
        assert_eq!(d.lay("IssuedDate").and_then(GiaTri::chu).as_deref(), Some("2025-07-15"));
        assert_eq!(d.lay("OrganId"), Some(&GiaTri::Chuoi("000.00.31.H26".into())));
        assert_eq!(d.lay("SignerInfo.FullName"), Some(&GiaTri::Chuoi("Nguyễn Văn A".into())));
        assert_eq!(d.lay("PageAmount"), Some(&GiaTri::So(2)));
        assert_eq!(d.lay("IssuedAmount"), Some(&GiaTri::So(5)));
        assert_eq!(d.lay("Priority"), Some(&GiaTri::Trong));
        assert!(d.kiem_tra().is_empty(), "{:?}", d.kiem_tra());
        let text = serde_json::to_string(&d).unwrap();
        let at: Vec<usize> =
            CAC_TRUONG.iter().map(|t| text.find(&format!("\"{}\":", t.ten)).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "fields in the table's order: {text}");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["SignerInfo"]["Position"], "CHỦ TỊCH");
        assert_eq!(json["Subject"], "Về việc # $ [ \\ \" {{ x }}");
        assert_eq!(json["To"], serde_json::json!(["Như trên", "Sở Tài chính"]));
        assert!(json["Priority"].is_null());
    }

    #[test]
    fn a_value_longer_than_its_field_is_reported_under_the_fields_name() {
        let mut d = DuLieuVanBanDi::tu(&van_ban(""), Some(12_345));
        d.gia_tri[7] = GiaTri::Nhom(vec![GiaTri::Chuoi("x".into()), GiaTri::Chuoi("y".repeat(51))]);
        let problems = d.kiem_tra();
        let texts: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(problems.len(), 2, "{texts:?}");
        assert!(texts[0].contains("SignerInfo.FullName") && texts[0].contains("51 ký tự"), "{texts:?}");
        assert!(texts[1].contains("PageAmount") && texts[1].contains("5 chữ số"), "{texts:?}");
    }
}
