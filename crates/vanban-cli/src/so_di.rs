//! `render so-di -o FILE` (sổ đăng ký văn bản đi): the văn thư's register of one book and year
//! written out as the decree's printed register (`.pdf`: a cover, then the ten columns on
//! landscape A4 pages), a workbook (`.xlsx`) or a CSV file (`.csv`), one row per number in
//! order, cancelled numbers and reservations not yet settled included and marked.
//!
//! The register is only read. The output is written whole or not at all: a failed run
//! writes no file and leaves an existing one untouched.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use vanban_core::NgonNgu;
use vanban_render::{DongSoDi, Renderer, SoDiData};
use vanban_so::{Loc, MucSo, SoDangKy, TrangThai};

use crate::args::Common;
use crate::cap_so::{SO_DANG_KY_MAC_DINH, hom_nay, loi_so};
use crate::files::Input;
use crate::report::{Reporter, say};

/// What `render so-di` was asked to write.
#[derive(Debug)]
pub struct InSoDi {
    /// The register (`--so-dang-ky`; default: [`SO_DANG_KY_MAC_DINH`] here).
    pub so_dang_ky: Option<String>,
    /// The book (`--so-sach`; default: the only book of the year).
    pub so_sach: Option<String>,
    /// The year (`--nam`; default: the year of `--tu-ngay` or `--den-ngay`, else this year).
    pub nam: Option<i32>,
    /// Only documents dated on or after this day (`--tu-ngay`).
    pub tu_ngay: Option<NaiveDate>,
    /// Only documents dated on or before this day (`--den-ngay`).
    pub den_ngay: Option<NaiveDate>,
    /// The volume's number on the cover (`--quyen`).
    pub quyen: u32,
    /// The agency's name on the cover, a line each (`--co-quan`).
    pub co_quan: Vec<String>,
    /// Where to write it (`-o`).
    pub output: PathBuf,
}

/// The forms the register is written in, by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dang {
    /// `.pdf`: the printed register.
    Pdf,
    /// `.xlsx`: one sheet.
    Xlsx,
    /// `.csv`: UTF-8 with a byte order mark.
    Csv,
}

impl Dang {
    /// The form `path`'s extension names, or why none does (usage error).
    pub fn cua(path: &Path, lang: NgonNgu) -> Result<Dang, String> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Ok(Dang::Pdf),
            Some("xlsx") => Ok(Dang::Xlsx),
            Some("csv") => Ok(Dang::Csv),
            _ => Err(say(
                lang,
                &format!("không ghi được sổ đăng ký ra “{}”: chỉ ghi .pdf, .xlsx hoặc .csv", path.display()),
                &format!("cannot write the register as “{}”: only .pdf, .xlsx or .csv", path.display()),
            )),
        }
    }
}

/// One row of the register, its values typed (the workbook keeps numbers and dates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dong {
    /// The number.
    pub so: u32,
    /// (1) Số, ký hiệu: `05/UBND-VP`.
    pub so_ky_hieu: String,
    /// (2) The document's date.
    pub ngay: Option<NaiveDate>,
    /// (3) Tên loại và trích yếu.
    pub loai_trich_yeu: String,
    /// (4) Người ký.
    pub nguoi_ky: String,
    /// (5) Nơi nhận.
    pub noi_nhan: String,
    /// (6) Đơn vị, người nhận bản lưu.
    pub don_vi_luu: String,
    /// (7) Số lượng bản.
    pub so_ban: Option<u32>,
    /// (10) Ghi chú: a cancelled number's reason, a reservation's mark, the entry's note.
    pub ghi_chu: String,
}

impl Dong {
    /// The row of the entry `m`.
    pub fn tu(m: &MucSo) -> Dong {
        let muc = &m.muc;
        let so_ky_hieu = match muc.ky_hieu.as_deref().filter(|k| !k.is_empty()) {
            Some(k) => format!("{:02}/{k}", m.so),
            None => format!("{:02}", m.so),
        };
        let loai_trich_yeu = match muc.trich_yeu.trim() {
            "" => muc.loai.clone(),
            t => format!("{}: {t}", muc.loai),
        };
        let danh_dau = match m.trang_thai {
            TrangThai::DaHuy => Some(format!("Đã hủy: {}", m.ly_do_huy.as_deref().unwrap_or_default())),
            TrangThai::GiuCho => Some("Giữ chỗ, chưa xác nhận".to_owned()),
            TrangThai::DaCap => None,
        };
        let ghi_chu = [danh_dau, muc.ghi_chu.clone().filter(|g| !g.trim().is_empty())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
        Dong {
            so: m.so,
            so_ky_hieu,
            ngay: muc.ngay,
            loai_trich_yeu,
            nguoi_ky: muc.nguoi_ky.clone().unwrap_or_default(),
            noi_nhan: muc.noi_nhan.clone().unwrap_or_default(),
            don_vi_luu: muc.don_vi_luu.clone().unwrap_or_default(),
            so_ban: muc.so_ban,
            ghi_chu,
        }
    }

    /// The ten cells as text: the date `dd/mm/yyyy`, Ngày chuyển and Ký nhận empty.
    pub fn van_ban(&self) -> DongSoDi {
        DongSoDi {
            so_ky_hieu: self.so_ky_hieu.clone(),
            ngay: self.ngay.map(ngay_viet).unwrap_or_default(),
            loai_trich_yeu: self.loai_trich_yeu.clone(),
            nguoi_ky: self.nguoi_ky.clone(),
            noi_nhan: self.noi_nhan.clone(),
            don_vi_luu: self.don_vi_luu.clone(),
            so_ban: self.so_ban.map(|n| n.to_string()).unwrap_or_default(),
            ngay_chuyen: String::new(),
            ky_nhan: String::new(),
            ghi_chu: self.ghi_chu.clone(),
        }
    }
}

/// A date as Vietnamese write it: `05/03/2025`.
pub fn ngay_viet(ngay: NaiveDate) -> String {
    ngay.format("%d/%m/%Y").to_string()
}

/// Opens an existing register, never creating one; or says why not, in both languages.
pub fn mo_co_san(so_dang_ky: Option<&str>) -> Result<SoDangKy, (String, String)> {
    let dia_chi = so_dang_ky.unwrap_or(SO_DANG_KY_MAC_DINH);
    if !vanban_so::la_postgres(dia_chi) && !dia_chi.contains("://") && !Path::new(dia_chi).is_file() {
        return Err((
            format!("không có sổ đăng ký “{dia_chi}”: hãy cấp số bằng render cap-so, hoặc ghi --so-dang-ky"),
            format!(
                "there is no register “{dia_chi}”: give numbers with render cap-so, or name it with --so-dang-ky"
            ),
        ));
    }
    SoDangKy::mo(dia_chi).map_err(|e| (loi_so(NgonNgu::Vi, &e), loi_so(NgonNgu::En, &e)))
}

/// Writes the register; `Err` for a usage error (several books and none named), else
/// whether the file was written.
pub fn run(lenh: &InSoDi, common: &Common, reporter: &Reporter) -> Result<bool, String> {
    let lang = reporter.lang();
    let dang = Dang::cua(&lenh.output, lang)?;
    let bao = |(vi, en): (String, String)| {
        reporter.warning(&say(lang, &vi, &en));
        false
    };
    let so = match mo_co_san(lenh.so_dang_ky.as_deref()) {
        Ok(so) => so,
        Err(loi) => return Ok(bao(loi)),
    };
    let nam =
        lenh.nam.or(lenh.tu_ngay.or(lenh.den_ngay).map(|n| n.year())).unwrap_or_else(|| hom_nay().year());
    let muc = match chon(&so, lenh, nam, lang)? {
        Ok(muc) => muc,
        Err(loi) => return Ok(bao(loi)),
    };
    let dong: Vec<Dong> = muc.iter().map(Dong::tu).collect();
    let bytes = match dang {
        Dang::Pdf => pdf(lenh, nam, &muc, &dong, common, reporter),
        Dang::Xlsx => crate::so_di_bang::xlsx(&dong, nam),
        Dang::Csv => crate::so_di_bang::csv(&dong),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(loi) => return Ok(bao(loi)),
    };
    if let Err(e) = crate::atomic::write_atomically(&lenh.output, &bytes) {
        let (vi, en) = vanban_core::ly_do_io(&e);
        let out = lenh.output.display();
        return Ok(bao((format!("không ghi được {out}: {vi}"), format!("cannot write {out}: {en}"))));
    }
    let (dau, cuoi) = (dong.first().map_or(0, |d| d.so), dong.last().map_or(0, |d| d.so));
    let sach = &muc[0].sach;
    reporter.thong_bao(
        &lenh.output,
        &say(
            lang,
            &format!("đã ghi sổ {sach}: {} mục, từ số {dau:02} đến số {cuoi:02}", dong.len()),
            &format!("wrote book {sach}: {} entries, numbers {dau:02} to {cuoi:02}", dong.len()),
        ),
    );
    Ok(true)
}

/// The entries of the book and year asked for, in number order: `Err` (usage) when the
/// register has several books that year and none is named; an inner `Err` (vi, en) when
/// there is nothing to write or the register cannot be read.
fn chon(
    so: &SoDangKy,
    lenh: &InSoDi,
    nam: i32,
    lang: NgonNgu,
) -> Result<Result<Vec<MucSo>, (String, String)>, String> {
    let dia_chi = so.dia_chi().to_owned();
    let ca_nam = match so.cac_muc(&Loc::tat_ca().nam(nam)) {
        Ok(m) => m,
        Err(e) => return Ok(Err((loi_so(NgonNgu::Vi, &e), loi_so(NgonNgu::En, &e)))),
    };
    let mut ten_sach: Vec<&str> = ca_nam.iter().map(|m| m.sach.ten.as_str()).collect();
    ten_sach.dedup();
    let ten = match (&lenh.so_sach, ten_sach.as_slice()) {
        (Some(ten), _) if ten_sach.contains(&ten.as_str()) => ten.clone(),
        (Some(ten), _) => {
            let co =
                if ten_sach.is_empty() { "không có sổ nào".to_owned() } else { ten_sach.join(", ") };
            let has = if ten_sach.is_empty() { "none".to_owned() } else { ten_sach.join(", ") };
            return Ok(Err((
                format!("sổ đăng ký “{dia_chi}” không có sổ {ten} năm {nam} (các sổ năm {nam}: {co})"),
                format!("the register “{dia_chi}” has no book {ten} in {nam} (the books of {nam}: {has})"),
            )));
        }
        (None, [mot]) => (*mot).to_owned(),
        (None, []) => {
            return Ok(Err((
                format!("sổ đăng ký “{dia_chi}” chưa có văn bản nào năm {nam}"),
                format!("the register “{dia_chi}” has no document in {nam}"),
            )));
        }
        (None, nhieu) => {
            return Err(say(
                lang,
                &format!(
                    "năm {nam} có {} sổ: {}; chọn một bằng --so-sach TÊN",
                    nhieu.len(),
                    nhieu.join(", ")
                ),
                &format!(
                    "{nam} has {} books: {}; choose one with --so-sach NAME",
                    nhieu.len(),
                    nhieu.join(", ")
                ),
            ));
        }
    };
    let loc = Loc::tat_ca().nam(nam).sach(ten.clone()).tu_den(lenh.tu_ngay, lenh.den_ngay);
    match so.cac_muc(&loc) {
        Ok(m) if m.is_empty() => Ok(Err((
            format!("sổ {ten}/{nam} không có văn bản nào ghi ngày trong khoảng đã chọn"),
            format!("book {ten}/{nam} has no document dated within the range given"),
        ))),
        Ok(m) => Ok(Ok(m)),
        Err(e) => Ok(Err((loi_so(NgonNgu::Vi, &e), loi_so(NgonNgu::En, &e)))),
    }
}

/// The printed register as PDF.
fn pdf(
    lenh: &InSoDi,
    nam: i32,
    muc: &[MucSo],
    dong: &[Dong],
    common: &Common,
    reporter: &Reporter,
) -> Result<Vec<u8>, (String, String)> {
    let renderer = match &common.font_dir {
        Some(dir) => Renderer::with_font_dir(dir).0,
        None => Renderer::new(),
    };
    let (chu_quan, co_quan) = match lenh.co_quan.as_slice() {
        [] => co_quan_cua(muc, common.goc.as_deref()),
        tu_lenh => (Vec::new(), tu_lenh.to_vec()),
    };
    if co_quan.is_empty() {
        reporter.warning(&say(
            reporter.lang(),
            "không tìm được tên cơ quan trong các văn bản của sổ: bìa sổ để trống dòng này (ghi --co-quan \"…\")",
            "no agency name found in the register's documents: the cover leaves that line out (give --co-quan \"…\")",
        ));
    }
    let hoa = |v: Vec<String>| -> Vec<String> { v.into_iter().map(|s| s.to_uppercase()).collect() };
    let data = SoDiData {
        chu_quan: hoa(chu_quan),
        co_quan: hoa(co_quan),
        nam: format!("Năm: {nam}"),
        bia: bia(lenh, dong),
        dong: dong.iter().map(Dong::van_ban).collect(),
    };
    renderer.so_di_pdf(&data).map_err(|e| (e.to_string(), e.en()))
}

/// The cover's lines under the year: the dates and numbers the rows span, the volume.
fn bia(lenh: &InSoDi, dong: &[Dong]) -> Vec<String> {
    let mut dong_bia = Vec::new();
    let tu = lenh.tu_ngay.or_else(|| dong.iter().filter_map(|d| d.ngay).min());
    let den = lenh.den_ngay.or_else(|| dong.iter().filter_map(|d| d.ngay).max());
    let cham = "……………";
    if tu.is_some() || den.is_some() {
        let viet = |n: Option<NaiveDate>| n.map_or_else(|| cham.to_owned(), ngay_viet);
        dong_bia.push(format!("Từ ngày {} đến ngày {}", viet(tu), viet(den)));
    }
    if let (Some(dau), Some(cuoi)) = (dong.first(), dong.last()) {
        dong_bia.push(format!("Từ số {:02} đến số {:02}", dau.so, cuoi.so));
    }
    dong_bia.push(format!("Quyển số: {:02}", lenh.quyen));
    dong_bia
}

/// The superior body's and the agency's names from the first document of `muc` whose file
/// can still be read; none when no file can.
fn co_quan_cua(muc: &[MucSo], goc: Option<&Path>) -> (Vec<String>, Vec<String>) {
    let tep = muc.iter().filter(|m| m.trang_thai == TrangThai::DaCap).filter_map(|m| m.muc.tep.as_deref());
    for tep in tep.filter(|t| Path::new(t).is_file()) {
        let path = PathBuf::from(tep);
        let input = Input { path: path.clone(), rel: path, from_dir: false, dir_arg: None };
        if let Ok(loaded) = crate::load::load(&input, goc) {
            let co_quan = loaded.van_ban.co_quan;
            return (co_quan.chu_quan, co_quan.ten);
        }
    }
    (Vec::new(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_three_extensions_are_written() {
        assert_eq!(Dang::cua(Path::new("a/so.PDF"), NgonNgu::Vi), Ok(Dang::Pdf));
        assert_eq!(Dang::cua(Path::new("so.xlsx"), NgonNgu::Vi), Ok(Dang::Xlsx));
        assert_eq!(Dang::cua(Path::new("so.csv"), NgonNgu::Vi), Ok(Dang::Csv));
        for bad in ["so.docx", "so", "so.pdf.txt"] {
            let e = Dang::cua(Path::new(bad), NgonNgu::En).unwrap_err();
            assert!(e.contains(".pdf, .xlsx or .csv"), "{e}");
        }
    }

    #[test]
    fn the_cover_spans_the_rows() {
        let lenh = InSoDi {
            so_dang_ky: None,
            so_sach: None,
            nam: None,
            tu_ngay: None,
            den_ngay: None,
            quyen: 2,
            co_quan: Vec::new(),
            output: PathBuf::from("so.pdf"),
        };
        let dong = |so, ngay| Dong {
            so,
            so_ky_hieu: format!("{so:02}"),
            ngay: NaiveDate::from_ymd_opt(2025, 3, ngay),
            loai_trich_yeu: "Công văn".into(),
            nguoi_ky: String::new(),
            noi_nhan: String::new(),
            don_vi_luu: String::new(),
            so_ban: None,
            ghi_chu: String::new(),
        };
        assert_eq!(
            bia(&lenh, &[dong(1, 5), dong(2, 3), dong(12, 20)]),
            ["Từ ngày 03/03/2025 đến ngày 20/03/2025", "Từ số 01 đến số 12", "Quyển số: 02"]
        );
    }
}
