//! `render so-di --kiem-tra`: the register checked, writing nothing. Its own inconsistencies
//! ([`vanban_so::SoDangKy::kiem_tra`]: numbers missing from a book, reservations left
//! dangling), and, for each given number whose document file is recorded and still there,
//! whether the file still carries that number and the entry's id (`so`, `ma_dang_ky`).

use std::path::{Path, PathBuf};

use vanban_core::{Diagnostic, NgonNgu};
use vanban_so::{BatThuong, Loc, MucSo, TrangThai};

use crate::cap_so::loi_so;
use crate::files::Input;
use crate::report::{Reporter, say};
use crate::so_di::mo_co_san;

/// Checks the register; whether it is consistent (exit status 0, else 1).
pub fn run(so_dang_ky: Option<&str>, goc: Option<&Path>, reporter: &Reporter) -> bool {
    let lang = reporter.lang();
    let so = match mo_co_san(so_dang_ky) {
        Ok(so) => so,
        Err((vi, en)) => {
            reporter.warning(&say(lang, &vi, &en));
            return false;
        }
    };
    let dia_chi = PathBuf::from(so.dia_chi());
    let doc = so.kiem_tra().and_then(|bt| Ok((bt, so.cac_muc(&Loc::tat_ca().trang_thai(TrangThai::DaCap))?)));
    let (bat_thuong, da_cap) = match doc {
        Ok(v) => v,
        Err(e) => {
            reporter.warning(&loi_so(lang, &e));
            return false;
        }
    };
    let mut so_loi = bat_thuong.len();
    let cua_so: Vec<Diagnostic> = bat_thuong.iter().map(tu_bat_thuong).collect();
    reporter.problems(&dia_chi, &cua_so);
    for muc in &da_cap {
        let Some(tep) = muc.muc.tep.as_deref().map(Path::new).filter(|t| t.is_file()) else { continue };
        let loi = tep_mang_so(muc, tep, goc);
        so_loi += usize::from(!loi.is_empty());
        reporter.problems(tep, &loi);
    }
    if so_loi == 0 {
        reporter.thong_bao(
            &dia_chi,
            &say(
                lang,
                &format!("không có gì bất thường: {} số đã cấp, đối chiếu với tệp văn bản", da_cap.len()),
                &format!("no inconsistencies: {} numbers given, checked against their files", da_cap.len()),
            ),
        );
    }
    so_loi == 0
}

/// An inconsistency of the register as a problem, in both languages.
fn tu_bat_thuong(bt: &BatThuong) -> Diagnostic {
    match bt {
        BatThuong::ThieuSo { sach, tu, den } if tu == den => {
            Diagnostic::new(format!("sổ {sach} thiếu số {tu}")).en(format!("book {sach} lacks number {tu}"))
        }
        BatThuong::ThieuSo { sach, tu, den } => Diagnostic::new(format!("sổ {sach} thiếu các số {tu}–{den}"))
            .en(format!("book {sach} lacks numbers {tu}–{den}")),
        BatThuong::GiuChoTreo { sach, so, ma, thoi_diem } => Diagnostic::new(format!(
            "số {so} của sổ {sach} (mã {ma}) được giữ chỗ lúc {thoi_diem} nhưng chưa xác nhận hay huỷ"
        ))
        .en(format!(
            "number {so} of book {sach} (id {ma}) was reserved at {thoi_diem} but neither confirmed nor cancelled"
        ))
        .with_hint("chạy lại render cap-so trên tệp văn bản đó để xác nhận hoặc huỷ số")
        .hint_en("run render cap-so again on that document file to confirm or cancel the number"),
        // A kind added later: its own text, which is in both languages.
        khac => {
            let text = khac.to_string();
            Diagnostic::new(text.clone()).en(text)
        }
    }
}

/// The problems of a given number's file `tep`: none when it carries the entry's number and
/// id.
fn tep_mang_so(muc: &MucSo, tep: &Path, goc: Option<&Path>) -> Vec<Diagnostic> {
    let input = Input { path: tep.to_path_buf(), rel: tep.to_path_buf(), from_dir: false, dir_arg: None };
    let (so, sach, ma) = (muc.so, &muc.sach, &muc.ma);
    let van_ban = match crate::load::load(&input, goc) {
        Ok(loaded) => loaded.van_ban,
        Err(mut problems) => {
            problems.insert(
                0,
                Diagnostic::new(format!("không đọc được số của tệp, sổ {sach} ghi số {so} (mã {ma})"))
                    .en(format!("cannot read the file's number; book {sach} records number {so} (id {ma})")),
            );
            return problems;
        }
    };
    let so_tep = van_ban.so_hieu.so.map(vanban_core::So::get);
    let ma_tep = van_ban.ma_dang_ky.as_ref().map(|m| m.as_str().to_owned());
    if so_tep == Some(so) && ma_tep.as_deref() == Some(ma.as_str()) {
        return Vec::new();
    }
    let mang = |lang: NgonNgu| {
        let so = match (so_tep, lang) {
            (Some(n), NgonNgu::Vi) => format!("số {n}"),
            (Some(n), NgonNgu::En) => format!("number {n}"),
            (None, NgonNgu::Vi) => "không có số".to_owned(),
            (None, NgonNgu::En) => "no number".to_owned(),
        };
        let ma = match (&ma_tep, lang) {
            (Some(m), NgonNgu::Vi) => format!("mã {m}"),
            (Some(m), NgonNgu::En) => format!("id {m}"),
            (None, NgonNgu::Vi) => "không có mã".to_owned(),
            (None, NgonNgu::En) => "no id".to_owned(),
        };
        format!("{so}, {ma}")
    };
    vec![
        Diagnostic::new(format!(
            "tệp {} mang {} nhưng sổ {sach} ghi số {so} (mã {ma}) cho tệp này",
            tep.display(),
            mang(NgonNgu::Vi)
        ))
        .en(format!(
            "the file {} carries {} but book {sach} records number {so} (id {ma}) for it",
            tep.display(),
            mang(NgonNgu::En)
        )),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban_so::SoSach;

    #[test]
    fn inconsistencies_are_told_in_both_languages() {
        let d = tu_bat_thuong(&BatThuong::ThieuSo { sach: SoSach::new("UBND", 2025), tu: 4, den: 6 });
        assert_eq!(d.message_in(NgonNgu::Vi), "sổ UBND/2025 thiếu các số 4–6");
        assert_eq!(d.message_in(NgonNgu::En), "book UBND/2025 lacks numbers 4–6");
    }
}
