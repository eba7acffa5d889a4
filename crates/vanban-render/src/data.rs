//! The data contract between a [`VanBan`] and the templates: the JSON behind `/data.json`.
//!
//! Every string here is document text, already worded and capitalised as the decree wants
//! (core does that); the templates only place it. Nothing here is Typst source.

use std::path::Path;

use crate::RenderError;
use crate::assets::{self, Images};
use serde_json::{Value, json};
use vanban_core::{BanSao, CanLe, CapTieuDe, Chu, DinhDangSao, DongChu, Khoi, Mau, PhuLuc, VanBan};

/// What only one form prints, tagged with the form (`mau`), on which the templates dispatch.
struct PhanRieng {
    /// `cong-van`, `co-ten-loai`, `quyet-dinh`, `cong-dien`, `giay-moi`, `giay-gioi-thieu`,
    /// `giay-nghi-phep` or `bien-ban`.
    mau: &'static str,
    /// The type name and summary under it (ô 5a), or a công văn's `V/v` line (ô 5b).
    ten_loai: Option<&'static str>,
    trich_yeu: Option<String>,
    v_v: Option<String>,
    /// The form's own parts (authority and legal bases, the bodies telegraphed, the opening
    /// paragraphs, the secretary, the confirmation block).
    rieng: Value,
    /// A one-line closing paragraph after the body (Mẫu 1.8, 1.9).
    dong_cuoi: Option<String>,
}

/// The parts of `vb` only its form has: the one place the form is told apart.
fn phan_rieng(vb: &VanBan) -> PhanRieng {
    // Mẫu 1.7–1.10 name the agency as in running text.
    let co_quan = vb.co_quan.ten.join(" ");
    let co_ten_loai = |mau, rieng, dong_cuoi| PhanRieng {
        mau,
        ten_loai: Some(vb.loai().ten_loai()),
        trich_yeu: vb.trich_yeu().map(|t| t.0.clone()),
        v_v: None,
        rieng,
        dong_cuoi,
    };
    match &vb.mau {
        Mau::CongVan(cv) => PhanRieng {
            mau: "cong-van",
            ten_loai: None,
            trich_yeu: None,
            v_v: Some(cv.trich_yeu.cong_van()),
            rieng: Value::Null,
            dong_cuoi: None,
        },
        // Mẫu 1.1 / 1.2: the authority, the legal bases and the line that opens the articles.
        Mau::QuyetDinh(q) => co_ten_loai(
            "quyet-dinh",
            json!({
                "tham_quyen": q.tham_quyen.iter().map(|l| vanban_core::in_hoa(l)).collect::<Vec<_>>(),
                "can_cu": q.can_cu.cac_dong(),
                "lenh": q.lenh(),
            }),
            None,
        ),
        // Mẫu 1.6: the sender and the bodies telegraphed.
        Mau::CongDien(c) => co_ten_loai(
            "cong-dien",
            json!({ "tham_quyen": vanban_core::in_hoa(&c.tham_quyen), "dien": c.cac_dong_dien() }),
            None,
        ),
        Mau::GiayMoi(g) => co_ten_loai("giay-moi", json!({ "mo_dau": g.cac_doan(&co_quan) }), None),
        // Mẫu 1.8: the validity line closes the body.
        Mau::GiayGioiThieu(g) => {
            co_ten_loai("giay-gioi-thieu", json!({ "mo_dau": g.cac_doan(&co_quan) }), Some(g.dong_hieu_luc()))
        }
        // Mẫu 1.10: the confirmation block under the signature.
        Mau::GiayNghiPhep(g) => co_ten_loai(
            "giay-nghi-phep",
            json!({ "mo_dau": g.cac_doan(&co_quan), "xac_nhan": g.xac_nhan.as_ref().map(|x| x.dong()) }),
            None,
        ),
        // Mẫu 1.9: the closing time; the secretary signs in the left column, the chair (the
        // signer) in the right.
        Mau::BienBan(b) => co_ten_loai(
            "bien-ban",
            json!({
                "mo_dau": b.cac_doan(),
                "thu_ky": { "chuc_danh": [vanban_core::BienBan::THU_KY], "ho_ten": b.ho_ten_thu_ky },
            }),
            Some(b.dong_ket_thuc()),
        ),
        // A typed document (Mẫu 1.4), and any form without a template of its own.
        _ => co_ten_loai("co-ten-loai", Value::Null, None),
    }
}

/// The JSON the templates read for `vb`, and the images it names, read from `dir` (see
/// [`crate::assets::load`]).
pub(crate) fn with_images(vb: &VanBan, dir: Option<&Path>) -> Result<(Value, Images), RenderError> {
    let images = assets::load(vb.ky_so.as_ref(), dir)?;
    let json = to_json(vb, assets::to_json(vb.ky_so.as_ref(), &images)?);
    Ok((json, images))
}

/// Builds the JSON the templates read; `ky_so`: the images of an electronic document, as
/// [`crate::assets`] gives them.
fn to_json(vb: &VanBan, ky_so: Value) -> Value {
    let PhanRieng { mau, ten_loai, trich_yeu, v_v, rieng, dong_cuoi } = phan_rieng(vb);
    let mut noi_dung: Vec<Value> = vb.noi_dung.0.iter().map(khoi).collect();
    // The blocks kept with the signature: the last, and the one before a closing line.
    let giu_cuoi = if dong_cuoi.is_some() { 2 } else { 1 };
    if let Some(text) = dong_cuoi {
        let line = Chu::Van { text, dam: false, nghieng: false };
        noi_dung.push(json!({ "k": "p", "runs": runs(&[line]) }));
    }
    let ban_sao = vb.ban_sao.as_ref().map(ban_sao);
    // Mẫu 2.1: each appendix's heading, title, the line naming this document, and body.
    let kem_theo = vb.dong_kem_theo();
    // Mẫu 1.3 / 2.2: a part issued as a file of its own carries the file's name (the
    // renderer splits the PDF there) and the agency's signature text for its first page.
    let dong_tep_rieng = vb.dong_tep_rieng();
    let tep = |tep_rieng: bool, ten: String| match (tep_rieng, &dong_tep_rieng) {
        (true, Some(dong)) => json!({ "ten": ten, "dong": [dong] }),
        _ => Value::Null,
    };
    let phu_luc: Vec<Value> = vb
        .phu_luc
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "nhan": PhuLuc::nhan(i, vb.phu_luc.len()),
                "ten": vanban_core::in_hoa(&p.ten),
                "kem_theo": kem_theo,
                "ngang": p.ngang,
                "tep": tep(p.tep_rieng, PhuLuc::ten_tep(i, vb.phu_luc.len())),
                "noi_dung": p.noi_dung.0.iter().map(khoi).collect::<Vec<_>>(),
            })
        })
        .collect();
    let kinh_gui = vb.kinh_gui().map(|k| match k.0.as_slice() {
        [_] => {
            k.dong().into_iter().map(|l| l.trim_start_matches("Kính gửi:").trim_start().to_owned()).collect()
        }
        _ => k.cac_dong(),
    });
    let tieu_de = match vb.trich_yeu() {
        Some(t) => format!("{} {}", vb.loai().ten_loai(), t.0),
        None => vb.loai().ten_loai().to_owned(),
    };
    let le = &crate::so_trang::LE_MM;
    let mut data = json!({
        "le": { "tren": le.tren, "duoi": le.duoi, "trai": le.trai, "phai": le.phai },
        "tieu_de": tieu_de,
        "tac_gia": vb.co_quan.ten.join(" "),
        "du_thao": vb.du_thao.map(|d| d.chu()),
        "pham_vi": vb.pham_vi_luu_hanh.as_deref().map(vanban_core::in_hoa),
        "dau_chi": dau_chi(vb),
        "lien_he": vb.co_quan.lien_he.cac_phan(),
        "o_12": vb.noi_nhan.o_12(),
        "co_chu": {
            "quoc_hieu": vb.co_chu.quoc_hieu(),
            "tieu_ngu": vb.co_chu.tieu_ngu(),
            "ngay": vb.co_chu.ngay(),
        },
        "co_quan": co_quan_json(&vb.co_quan),
        "so": vb.so_hieu.so.map(|s| s.to_string()),
        "ky_hieu": vb.so_hieu.ky_hieu.as_str(),
        "thoi_gian": vb.dia_danh.as_ref().map(|dia_danh| json!({
            "dia_danh": dia_danh,
            "ngay": vb.ngay.ngay_in(),
            "thang": vb.ngay.thang_in(),
            "nam": vb.ngay.nam().to_string(),
        })),
        "mau": mau,
        "rieng": rieng,
        "v_v": v_v,
        "ten_loai": ten_loai,
        "trich_yeu": trich_yeu,
        "kinh_gui": kinh_gui,
        "noi_dung": noi_dung,
        "giu_cuoi": giu_cuoi,
        "nguoi_ky": {
            "chuc_danh": vb.nguoi_ky.dong_chuc_danh(),
            "ho_ten": vb.nguoi_ky.ho_ten,
        },
        "ky_so": ky_so,
        "ban_sao": ban_sao,
        "phu_luc": phu_luc,
        // Mẫu 1.3: the document issued with a decision, on pages of its own.
        "kem_theo": vb.kem_theo.as_ref().map(|k| json!({
            "ten_loai": k.loai.ten_loai(),
            "trich_yeu": k.trich_yeu.0,
            "kem_theo": kem_theo,
            "tep": tep(k.tep_rieng, "kem-theo".to_owned()),
            "noi_dung": k.noi_dung.0.iter().map(khoi).collect::<Vec<_>>(),
        })),
        "noi_nhan": vb.noi_nhan.dong(),
    });
    // The recipients' identifiers, for e-office exchange (only when given: see co_quan_json).
    if !vb.noi_nhan.ma_dinh_danh.is_empty() {
        data["noi_nhan_ma_dinh_danh"] = json!(vb.noi_nhan.ma_dinh_danh);
    }
    data
}

/// The issuing agency: the printed lines, and the identifier e-office systems exchange
/// documents by (only when given, so that a document without one keeps its bytes).
fn co_quan_json(c: &vanban_core::CoQuan) -> Value {
    let mut v = json!({ "chu_quan": c.chu_quan_in(), "ten": c.ten_in() });
    if let Some(ma) = &c.ma_dinh_danh {
        v["ma_dinh_danh"] = json!(ma);
    }
    v
}

/// Mẫu 3.1: the copy block's parts, worded like the document's own; Mẫu 3.2: the lines of
/// the copying agency's signature text (ô 14).
fn ban_sao(b: &BanSao) -> Value {
    match &b.dinh_dang {
        DinhDangSao::Giay { so, dia_danh, ngay, nguoi_ky, noi_nhan, .. } => json!({
            "giay": {
                "hinh_thuc": b.hinh_thuc.chu(),
                "co_quan": { "chu_quan": [], "ten": b.co_quan.iter().map(|l| vanban_core::in_hoa(l)).collect::<Vec<_>>() },
                "so": so.map(|s| s.to_string()),
                "ky_hieu": b.ky_hieu(),
                "thoi_gian": {
                    "dia_danh": dia_danh,
                    "ngay": ngay.ngay_in(),
                    "thang": ngay.thang_in(),
                    "nam": ngay.nam().to_string(),
                },
                "nguoi_ky": { "chuc_danh": nguoi_ky.dong_chuc_danh(), "ho_ten": nguoi_ky.ho_ten },
                "noi_nhan": noi_nhan.dong(),
            }
        }),
        DinhDangSao::DienTu { .. } => json!({ "dien_tu": b.dong_ky_so() }),
    }
}

/// Ô 10a and 10b: the stamps of a secret or urgent document, in that order, with their words,
/// border size in millimetres and whether the border is double.
fn dau_chi(vb: &VanBan) -> Vec<Value> {
    let mat = vb.do_mat.map(|d| (d.chu(), d.kich_thuoc_mm(), true));
    let khan = vb.do_khan.map(|d| (d.chu(), d.kich_thuoc_mm(), false));
    [mat, khan]
        .into_iter()
        .flatten()
        .map(|(chu, (rong, cao), kep)| json!({ "chu": chu, "rong": rong, "cao": cao, "kep": kep }))
        .collect()
}

fn khoi(k: &Khoi) -> Value {
    match k {
        Khoi::DoanVan(d) => json!({ "k": "p", "runs": runs(&d.0) }),
        Khoi::TieuDe { cap, noi_dung } => {
            let cap = match cap {
                CapTieuDe::Muc => 1,
                CapTieuDe::Khoan => 2,
                CapTieuDe::TieuKhoan => 3,
                CapTieuDe::Diem => 4,
                CapTieuDe::PhanChuong => {
                    // Two centred lines: `Chương I` as written, the title in capitals.
                    let (nhan, ten) = vanban_core::phan_chuong(&noi_dung.plain()).unwrap_or_default();
                    return json!({ "k": "pc", "nhan": nhan, "ten": vanban_core::in_hoa(&ten) });
                }
            };
            json!({ "k": "h", "cap": cap, "runs": runs(&noi_dung.0) })
        }
        Khoi::Bang(b) => {
            let can: Vec<&str> = b
                .can_le
                .iter()
                .map(|c| match c {
                    CanLe::Trai => "l",
                    CanLe::Giua => "c",
                    CanLe::Phai => "r",
                })
                .collect();
            // Columns share the text width by their longest cell (bounded, so that a column
            // of numbers is not squeezed and a long one does not take everything).
            let rong: Vec<usize> = (0..b.dau.len())
                .map(|i| {
                    std::iter::once(&b.dau)
                        .chain(&b.hang)
                        .filter_map(|row| row.get(i))
                        .map(|c| c.plain().chars().count())
                        .max()
                        .unwrap_or(0)
                        .clamp(2, 40)
                        // The cell's inset, in characters.
                        + 3
                })
                .collect();
            let cells = |row: &[DongChu]| row.iter().map(|c| json!(runs(&c.0))).collect::<Vec<_>>();
            json!({
                "k": "t",
                "can": can,
                "rong": rong,
                "dau": cells(&b.dau),
                "hang": b.hang.iter().map(|r| cells(r)).collect::<Vec<_>>(),
            })
        }
    }
}

fn runs(chu: &[Chu]) -> Vec<Value> {
    let mut out = Vec::with_capacity(chu.len());
    for c in chu {
        match c {
            Chu::Van { text, dam, nghieng } => {
                for (part, so_hieu) in tach_so_hieu(text) {
                    out.push(if so_hieu {
                        json!({ "t": part, "b": dam, "i": nghieng, "nb": true })
                    } else {
                        json!({ "t": part, "b": dam, "i": nghieng })
                    });
                }
            }
            Chu::XuongDong => out.push(json!({ "br": true })),
        }
    }
    out
}

/// Splits text around the numbers and codes of documents it cites (`376/KH-UBND`,
/// `30/2020/NĐ-CP`), which must not be broken across lines: `(part, is_code)`.
fn tach_so_hieu(text: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, word) in words(text) {
        let core =
            word.trim_start_matches(['(', '“', '"']).trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        if !la_so_hieu(core) {
            continue;
        }
        let begin = at + (word.len() - word.trim_start_matches(['(', '“', '"']).len());
        let end = begin + core.len();
        if begin > start {
            parts.push((&text[start..begin], false));
        }
        parts.push((&text[begin..end], true));
        start = end;
    }
    if start < text.len() || parts.is_empty() {
        parts.push((&text[start..], false));
    }
    parts
}

/// Words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ').scan(0, |at, w| {
        let here = *at;
        *at += w.len() + 1;
        Some((here, w))
    })
}

/// `<digits>[/<digits>]/<group>-<group>[-…]`, groups of letters and digits.
fn la_so_hieu(s: &str) -> bool {
    let mut parts = s.split('/');
    let (Some(first), Some(last)) = (parts.next(), parts.next_back()) else { return false };
    let middle: Vec<&str> = parts.collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = last.split('-').collect();
    digits(first)
        && middle.len() <= 1
        && middle.iter().all(|m| digits(m))
        && groups.len() >= 2
        && groups.iter().all(|g| !g.is_empty() && g.chars().all(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn document_text_travels_as_plain_strings() {
        let mut vb = sample::cong_van("#set page(width: 1cm) $x$ [y]");
        vb.dia_danh = Some("#import \"/etc/passwd\"".into());
        let j = to_json(&vb, Value::Null);
        assert_eq!(j["noi_dung"][0]["runs"][0]["t"], "#set page(width: 1cm) $x$ [y]");
        assert_eq!(j["thoi_gian"]["dia_danh"], "#import \"/etc/passwd\"");
    }

    #[test]
    fn document_codes_are_marked_unbreakable() {
        assert_eq!(
            tach_so_hieu("Kế hoạch số 376/KH-UBND ngày 09/02/2023 (30/2020/NĐ-CP)."),
            [
                ("Kế hoạch số ", false),
                ("376/KH-UBND", true),
                (" ngày 09/02/2023 (", false),
                ("30/2020/NĐ-CP", true),
                (").", false)
            ]
        );
        assert_eq!(tach_so_hieu("không có"), [("không có", false)]);
        assert_eq!(tach_so_hieu("1478/QĐ-TTg"), [("1478/QĐ-TTg", true)]);
        assert_eq!(tach_so_hieu(""), [("", false)]);
    }

    #[test]
    fn wording_comes_from_the_model() {
        let j = to_json(&sample::cong_van("x"), Value::Null);
        assert_eq!(j["mau"], "cong-van");
        assert_eq!(j["rieng"], Value::Null);
        assert_eq!(j["so"], Value::Null);
        assert_eq!(j["ky_hieu"], "UBND-NV");
        assert_eq!(j["v_v"], "V/v tăng cường triển khai thực hiện phong trào thi đua");
        assert_eq!(j["ten_loai"], Value::Null);
        assert_eq!(j["kinh_gui"][1], "- Ủy ban nhân dân các xã, thị trấn.");
        assert_eq!(j["co_quan"]["ten"][1], "HUYỆN PHONG THỔ");
        assert_eq!(j["nguoi_ky"]["chuc_danh"][0], "TM. ỦY BAN NHÂN DÂN");
        assert_eq!(j["noi_nhan"][1], "- Lưu: VT, NV.");
    }
}
