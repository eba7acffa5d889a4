//! The register as a table for spreadsheets (`render so-di -o so.xlsx | so.csv`): the header
//! row of the ten columns of the printed register, then a row per number.
//!
//! In the workbook every cell is text but Số lượng bản, a number, and the document's date, a
//! date cell shown `dd/mm/yyyy` (so it sorts and filters as a date); the workbook's creation
//! time is fixed (1 January of the register's year), so the same register gives the same
//! bytes. The CSV file is UTF-8 with a byte order mark (Excel then reads Vietnamese letters
//! right), comma-separated, the date written `dd/mm/yyyy`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use vanban_render::COT_SO_DI;

use crate::so_di::{Dong, ngay_viet};

/// The columns' widths in the workbook, in characters.
const RONG: [f64; 10] = [16.0, 12.0, 48.0, 20.0, 28.0, 18.0, 9.0, 11.0, 11.0, 28.0];

/// The sheet's name.
const TEN_TRANG: &str = "Sổ đăng ký văn bản đi";

/// The workbook's bytes.
pub fn xlsx(dong: &[Dong], nam: i32) -> Result<Vec<u8>, (String, String)> {
    viet_xlsx(dong, nam)
        .map_err(|e| (format!("không tạo được tệp .xlsx: {e}"), format!("cannot make the .xlsx file: {e}")))
}

fn viet_xlsx(dong: &[Dong], nam: i32) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let tao_luc = ExcelDateTime::from_ymd(u16::try_from(nam).unwrap_or(2000), 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_title(TEN_TRANG).set_creation_datetime(&tao_luc));
    let chu = Format::new().set_font_name("Times New Roman").set_font_size(12).set_border(FormatBorder::Thin);
    let dau = chu
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let o = chu.clone().set_text_wrap().set_align(FormatAlign::Top);
    let ngay = o.clone().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    sheet.set_name(TEN_TRANG)?;
    sheet.set_landscape().set_paper_size(9).set_repeat_rows(0, 0)?.set_freeze_panes(1, 0)?;
    for (c, (ten, rong)) in COT_SO_DI.iter().zip(RONG).enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, rong)?;
        sheet.write_string_with_format(0, c, *ten, &dau)?;
    }
    for (i, d) in dong.iter().enumerate() {
        let r = i as u32 + 1;
        let cot = [&d.so_ky_hieu, &d.loai_trich_yeu, &d.nguoi_ky, &d.noi_nhan, &d.don_vi_luu];
        for (c, text) in [0, 2, 3, 4, 5].into_iter().zip(cot) {
            sheet.write_string_with_format(r, c, text, &o)?;
        }
        match d.ngay.and_then(|n| excel_ngay(n).ok()) {
            Some(n) => sheet.write_datetime_with_format(r, 1, &n, &ngay)?,
            None => sheet.write_blank(r, 1, &o)?,
        };
        match d.so_ban {
            Some(n) => sheet.write_number_with_format(r, 6, f64::from(n), &o)?,
            None => sheet.write_blank(r, 6, &o)?,
        };
        sheet.write_blank(r, 7, &o)?;
        sheet.write_blank(r, 8, &o)?;
        sheet.write_string_with_format(r, 9, &d.ghi_chu, &o)?;
    }
    workbook.save_to_buffer()
}

/// A date as the workbook keeps it.
fn excel_ngay(ngay: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let nam = u16::try_from(ngay.year()).map_err(|_| XlsxError::DateTimeRangeError(ngay.to_string()))?;
    ExcelDateTime::from_ymd(nam, ngay.month() as u8, ngay.day() as u8)
}

/// The CSV file's bytes: a byte order mark, the header, a record per row.
pub fn csv(dong: &[Dong]) -> Result<Vec<u8>, (String, String)> {
    let mut writer = ::csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let ghi = |writer: &mut ::csv::Writer<Vec<u8>>| -> Result<(), ::csv::Error> {
        writer.write_record(COT_SO_DI)?;
        for d in dong {
            let ngay = d.ngay.map(ngay_viet).unwrap_or_default();
            let so_ban = d.so_ban.map(|n| n.to_string()).unwrap_or_default();
            writer.write_record([
                d.so_ky_hieu.as_str(),
                &ngay,
                &d.loai_trich_yeu,
                &d.nguoi_ky,
                &d.noi_nhan,
                &d.don_vi_luu,
                &so_ban,
                "",
                "",
                &d.ghi_chu,
            ])?;
        }
        Ok(())
    };
    let loi = |e: &dyn std::fmt::Display| {
        (format!("không tạo được tệp .csv: {e}"), format!("cannot make the .csv file: {e}"))
    };
    ghi(&mut writer).map_err(|e| loi(&e))?;
    writer.into_inner().map_err(|e| loi(&e.error().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dong(so: u32) -> Dong {
        Dong {
            so,
            so_ky_hieu: format!("{so:02}/UBND-VP"),
            ngay: chrono::NaiveDate::from_ymd_opt(2025, 3, 5),
            loai_trich_yeu: "Công văn: V/v \"báo cáo\", tháng 3".into(),
            nguoi_ky: "Trần Bảo Trung".into(),
            noi_nhan: "Các xã".into(),
            don_vi_luu: "VT, NV".into(),
            so_ban: Some(3),
            ghi_chu: String::new(),
        }
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_quotes_what_it_must() {
        let bytes = csv(&[dong(1)]).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            format!("\u{feff}{}", COT_SO_DI.join(","))
                .replace("Số, ký hiệu văn bản", "\"Số, ký hiệu văn bản\"")
                .replace("Đơn vị, người nhận bản lưu", "\"Đơn vị, người nhận bản lưu\"")
        );
        assert_eq!(
            lines.next().unwrap(),
            r#"01/UBND-VP,05/03/2025,"Công văn: V/v ""báo cáo"", tháng 3",Trần Bảo Trung,Các xã,"VT, NV",3,,,"#
        );
    }

    #[test]
    fn the_workbook_is_the_same_bytes_each_time() {
        let a = xlsx(&[dong(1), dong(2)], 2025).unwrap();
        assert!(a.starts_with(b"PK"));
        assert_eq!(a, xlsx(&[dong(1), dong(2)], 2025).unwrap());
    }
}
