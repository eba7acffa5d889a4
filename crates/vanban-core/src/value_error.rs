//! Why a single value is refused when a model type is built from it.

use thiserror::Error;

/// A value that cannot become part of a document. Messages are in Vietnamese, the language
/// of the people who write document files; they say what is wrong, not where (the parser
/// adds the place).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ValueError {
    /// A text field is empty or only white space.
    #[error("không được để trống")]
    Empty,
    /// A document number of 0.
    #[error("số văn bản phải từ 1 trở lên (đã ghi {0})")]
    SoKhongHopLe(i64),
    /// A document number larger than any register holds.
    #[error("số văn bản {0} quá lớn (tối đa {max})", max = crate::So::MAX)]
    SoQuaLon(i64),
    /// A ký hiệu or abbreviation with characters it may not hold.
    #[error("ký hiệu “{0}” không hợp lệ: chỉ gồm chữ, chữ số và dấu “-”, không có khoảng trắng hay dấu “/”")]
    KyHieuKhongHopLe(String),
    /// A date string in none of the accepted shapes.
    #[error("ngày “{0}” không đúng dạng: viết \"YYYY\", \"YYYY-MM\" hoặc \"YYYY-MM-DD\"")]
    NgaySaiDang(String),
    /// A date that does not exist in the calendar.
    #[error("ngày {0} không có thật trong lịch")]
    NgayKhongCo(String),
    /// A year outside the range the decree can apply to.
    #[error("năm {0} nằm ngoài khoảng {min}–{max}", min = crate::Ngay::NAM_NHO_NHAT, max = crate::Ngay::NAM_LON_NHAT)]
    NamNgoaiKhoang(i32),
    /// An authority line that does not start with one of the decree's prefixes.
    #[error("“{0}” không bắt đầu bằng một trong các tiền tố TM., KT., TL., TUQ., Q.")]
    TienToKhongHopLe(String),
    /// An authority line with a prefix and nothing after it.
    #[error("sau tiền tố {0} phải có tên cơ quan hoặc chức vụ")]
    QuyenHanThieuTen(String),
    /// Text with a control character that cannot be printed.
    #[error("có ký tự điều khiển không in được (U+{0:04X})")]
    KyTuDieuKhien(u32),
    /// An invisible character that reorders the text around it when displayed.
    #[error("có ký tự điều khiển hướng chữ vô hình (U+{0:04X}), có thể làm đảo thứ tự chữ khi hiển thị")]
    KyTuDoiHuong(u32),
    /// An image path that is not a relative path to a PNG inside the document's directory.
    #[error("đường dẫn ảnh “{path}” không dùng được: {why}")]
    DuongDanAnh {
        /// The path, as written (shortened).
        path: String,
        /// Why.
        why: &'static str,
    },
    /// A combining mark with no letter before it.
    #[error(
        "có dấu (U+{0:04X}) đứng riêng, không gắn vào chữ nào; kiểm tra bộ gõ tiếng Việt (bảng mã Unicode dựng sẵn)"
    )]
    DauDungRieng(u32),
    /// Text longer than [`crate::limits::FIELD_CHARS`].
    #[error("dài {0} ký tự, quá giới hạn {max} ký tự của một mục", max = crate::limits::FIELD_CHARS)]
    QuaDai(usize),
}
