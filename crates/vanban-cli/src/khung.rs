//! `render new LOAI`: a commented skeleton document file.
//!
//! Every key the type takes is written with a comment before it saying what it is and the
//! rule of the decree behind it; optional keys that change the document (`so`, `ky_hieu`,
//! `du_thao`, `[ky_so]`, …) are written commented out. The sample values parse and render
//! as they are, so the officer sees the layout at once and edits from there.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use vanban_core::{LoaiVanBan, MauVanBan};

use crate::args::Lang;
use crate::report::say;

/// Writes the skeleton of type `loai` to `output` (default `LOAI.toml`/`LOAI.md`; `-` for
/// standard output). Returns whether it was written.
pub fn run(loai: &str, output: Option<&Path>, markdown: bool, lang: Lang) -> bool {
    match write(loai, output, markdown, lang) {
        Ok(()) => true,
        Err(message) => {
            if !message.is_empty() {
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            false
        }
    }
}

fn write(slug: &str, output: Option<&Path>, markdown: bool, lang: Lang) -> Result<(), String> {
    let loai = chon_loai(slug, lang)?;
    let to_stdout = output == Some(Path::new("-"));
    let ext = output.filter(|_| !to_stdout).and_then(|p| p.extension()).and_then(|e| e.to_str());
    let markdown = match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("md" | "markdown") => true,
        Some("toml") if markdown => {
            let path = output.map(Path::display).map(|d| d.to_string()).unwrap_or_default();
            return Err(loi(
                lang,
                &format!("--markdown ghi tệp Markdown, nhưng “{path}” có đuôi .toml"),
                &format!("--markdown writes Markdown, but “{path}” ends in .toml"),
                "đặt tên tệp đuôi .md, hoặc bỏ --markdown",
                "name the file .md, or leave --markdown out",
            ));
        }
        _ => markdown,
    };
    let default = PathBuf::from(format!("{}.{}", loai.slug(), if markdown { "md" } else { "toml" }));
    let path = output.map(Path::to_path_buf).unwrap_or(default);
    let shown = if to_stdout {
        format!("{}.{}", loai.slug(), if markdown { "md" } else { "toml" })
    } else {
        lenh(&path)
    };
    let text = khung(loai, markdown, lang, &shown, nam_nay());

    if to_stdout {
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            // The reader stopped reading (`render new … -o - | head`): what it wanted it has.
            Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
            Err(e) => {
                let (vi, en) = vanban_core::ly_do_io(&e);
                Err(loi(
                    lang,
                    &format!("không ghi được ra đầu ra chuẩn ({vi})"),
                    &format!("cannot write to standard output ({en})"),
                    "",
                    "",
                ))
            }
            Ok(()) => Ok(()),
        };
    }

    let name = path.display();
    // `create_new`: an existing file is never overwritten, even one created meanwhile.
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(loai.slug());
            let ext = if markdown { "md" } else { "toml" };
            let other = path.with_file_name(format!("{stem}-2.{ext}"));
            let hint_cmd = format!(
                "render new {}{} -o {}",
                loai.slug(),
                if markdown { " --markdown" } else { "" },
                lenh(&other)
            );
            return Err(loi(
                lang,
                &format!("tệp “{name}” đã có; render new không ghi đè lên tệp có sẵn"),
                &format!("“{name}” already exists; render new never overwrites a file"),
                &format!("chọn tên khác với -o, ví dụ: {hint_cmd}"),
                &format!("choose another name with -o, e.g. {hint_cmd}"),
            ));
        }
        Err(e) => {
            let (vi, en) = ly_do(&e);
            return Err(loi(
                lang,
                &format!("không ghi được tệp “{name}” ({vi})"),
                &format!("cannot write “{name}” ({en})"),
                "",
                "",
            ));
        }
    };
    if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.sync_all()) {
        drop(file);
        // The file was created just now, by this run: a half-written one goes.
        let _ = std::fs::remove_file(&path);
        let (vi, en) = ly_do(&e);
        return Err(loi(
            lang,
            &format!("không ghi được tệp “{name}” ({vi})"),
            &format!("cannot write “{name}” ({en})"),
            "",
            "",
        ));
    }
    let cmd = lenh(&path);
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        say(
            lang,
            &format!("đã ghi {name}\nbước tiếp theo: sửa các giá trị mẫu, rồi chạy: render {cmd}"),
            &format!("wrote {name}\nnext: edit the sample values, then run: render {cmd}"),
        )
    );
    Ok(())
}

/// An error message with an optional hint, in the language of the run.
fn loi(lang: Lang, vi: &str, en: &str, hint_vi: &str, hint_en: &str) -> String {
    let mut s = say(lang, &format!("lỗi: {vi}"), &format!("error: {en}"));
    if !hint_vi.is_empty() {
        s.push('\n');
        s.push_str(&say(lang, &format!("gợi ý: {hint_vi}"), &format!("help: {hint_en}")));
    }
    s
}

fn ly_do(e: &std::io::Error) -> (String, String) {
    match e.kind() {
        // Creating a new file: what is missing is its directory.
        ErrorKind::NotFound => {
            ("thư mục chứa tệp không có".to_owned(), "the directory does not exist".to_owned())
        }
        _ => vanban_core::ly_do_io(e),
    }
}

/// A path as typed in a shell command: quoted when it holds spaces or shell characters.
fn lenh(path: &Path) -> String {
    let s = path.display().to_string();
    let plain = s.chars().all(|c| c.is_alphanumeric() || "-_./+,:@%".contains(c));
    if plain && !s.is_empty() { s } else { format!("'{}'", s.replace('\'', r"'\''")) }
}

/// The types this version lays out.
fn supported() -> Vec<&'static str> {
    LoaiVanBan::ALL.iter().copied().map(|l| l.slug()).collect()
}

/// The type named by `slug`, as the reader looks it up; an error naming the accepted slugs
/// (and the likely one meant) when it is unknown.
fn chon_loai(slug: &str, lang: Lang) -> Result<LoaiVanBan, String> {
    let slug = slug.trim();
    let list = supported().join(", ");
    match LoaiVanBan::from_slug(slug) {
        Some(l) => Ok(l),
        None => {
            let shown: String = slug.chars().take(60).collect();
            let (hint_vi, hint_en) = match gan_nhat(slug) {
                Some(c) => (
                    format!("có phải ý bạn là “{c}”? Các loại được hỗ trợ: {list}"),
                    format!("did you mean “{c}”? Supported types: {list}"),
                ),
                None => (format!("các loại được hỗ trợ: {list}"), format!("supported types: {list}")),
            };
            Err(loi(
                lang,
                &format!("không có loại văn bản “{shown}”"),
                &format!("no document type “{shown}”"),
                &hint_vi,
                &hint_en,
            ))
        }
    }
}

/// The type `slug` most likely means, as the reader suggests it (`tờ trình`, `ke_hoach`,
/// `to-trnh`).
fn gan_nhat(slug: &str) -> Option<&'static str> {
    LoaiVanBan::gan_dung(slug).map(LoaiVanBan::slug)
}

/// The current year (UTC), to date the skeleton as a draft of this year.
fn nam_nay() -> i32 {
    nam_cua(SystemTime::now())
}

/// The year (UTC) of `t`; a clock that is plainly wrong (before 2020, or far ahead) does not
/// date the document: 2025 then.
fn nam_cua(t: SystemTime) -> i32 {
    use chrono::Datelike;
    let year = chrono::DateTime::<chrono::Utc>::from(t).year();
    if (2020..=2999).contains(&year) { year } else { 2025 }
}

/// Who issues a sample document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CoQuan {
    /// Ủy ban nhân dân huyện Phong Thổ: no superior body on the header.
    UyBan,
    /// Phòng Nội vụ, under the Ủy ban.
    Phong,
    /// Hội đồng nhân dân huyện Phong Thổ.
    HoiDong,
}

/// Who signs it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CachKy {
    /// TM. Ủy ban nhân dân, Chủ tịch.
    ThayMat,
    /// TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch.
    KyThay,
    /// TL. Chủ tịch, Chánh Văn phòng.
    ThuaLenh,
    /// The head of the issuing body, in their own name.
    TrucTiep,
    /// The chair of a meeting, as CHỦ TỌA (a biên bản).
    ChuToa,
}

/// The sample content of one type.
struct Mau {
    /// `None`: the type usually has none; written commented out with this example.
    trich_yeu: Option<&'static str>,
    vi_du_trich_yeu: &'static str,
    /// Kính gửi (types that take one): one string or a list.
    kinh_gui: &'static [&'static str],
    co_quan: CoQuan,
    ky: CachKy,
    /// Recipients after “Như trên”.
    gui: &'static [&'static str],
    noi_dung: &'static str,
}

const GUI_HUYEN: &[&str] =
    &["Thường trực Huyện ủy", "Thường trực HĐND huyện", "Chủ tịch, các Phó Chủ tịch UBND huyện"];
const GUI_DON_VI: &[&str] = &[
    "Thường trực Huyện ủy",
    "Thường trực HĐND huyện",
    "Chủ tịch, các Phó Chủ tịch UBND huyện",
    "Các cơ quan, đơn vị thuộc UBND huyện",
    "UBND các xã, thị trấn",
];

fn mau(loai: LoaiVanBan) -> Mau {
    use LoaiVanBan::*;
    let m = |trich_yeu: &'static str, gui: &'static [&'static str], noi_dung: &'static str| Mau {
        trich_yeu: Some(trich_yeu),
        vi_du_trich_yeu: trich_yeu,
        kinh_gui: &[],
        co_quan: CoQuan::UyBan,
        ky: CachKy::ThayMat,
        gui,
        noi_dung,
    };
    match loai {
        CongVan => Mau {
            kinh_gui: &["Các cơ quan, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"],
            ky: CachKy::KyThay,
            gui: &["Thường trực Huyện ủy (b/c)", "Thường trực HĐND huyện", "Lãnh đạo UBND huyện"],
            ..m(
                "triển khai thực hiện phong trào thi đua trên địa bàn huyện",
                &[],
                "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về triển khai phong trào thi đua (nêu số, ký hiệu, ngày tháng, trích yếu văn bản làm căn cứ), Ủy ban nhân dân huyện Phong Thổ đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:

1. Đẩy mạnh công tác tuyên truyền, phổ biến nội dung phong trào thi đua đến cán bộ, công chức, viên chức và Nhân dân.

2. Kịp thời phát hiện, biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong phong trào thi đua.

3. Báo cáo kết quả thực hiện gửi về Phòng Nội vụ trước ngày 25 tháng cuối quý để tổng hợp.

Đề nghị Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, thị trấn triển khai thực hiện./.",
            )
        },
        ChiThi => m(
            "Về việc tăng cường công tác phòng, chống thiên tai trên địa bàn huyện",
            GUI_DON_VI,
            "Nêu tình hình, kết quả đã đạt được, những tồn tại, hạn chế và lý do ban hành chỉ thị.

Để khắc phục những tồn tại, hạn chế nêu trên, Chủ tịch Ủy ban nhân dân huyện chỉ thị:

1. Các cơ quan, đơn vị thuộc Ủy ban nhân dân huyện: nêu nhiệm vụ cụ thể, thời hạn hoàn thành.

2. Ủy ban nhân dân các xã, thị trấn: nêu nhiệm vụ cụ thể, thời hạn hoàn thành.

3. Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc thực hiện Chỉ thị này, định kỳ báo cáo Chủ tịch Ủy ban nhân dân huyện.

Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm thực hiện nghiêm Chỉ thị này./.",
        ),
        QuyChe => m(
            "Làm việc của Ủy ban nhân dân huyện Phong Thổ",
            GUI_DON_VI,
            "# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng

1. Quy chế này quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc, trình tự giải quyết công việc của Ủy ban nhân dân huyện.

2. Quy chế này áp dụng đối với các thành viên Ủy ban nhân dân huyện, Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện.

## Điều 2. Nguyên tắc làm việc

Nêu các nguyên tắc làm việc.

# Chương II. TRÁCH NHIỆM VÀ QUAN HỆ CÔNG TÁC

## Điều 3. Trách nhiệm của các thành viên Ủy ban nhân dân huyện

Nêu trách nhiệm, phạm vi giải quyết công việc của từng thành viên.

# Chương III. ĐIỀU KHOẢN THI HÀNH

## Điều 4. Tổ chức thực hiện

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng HĐND và UBND huyện để tổng hợp, báo cáo Ủy ban nhân dân huyện xem xét, sửa đổi, bổ sung cho phù hợp./.",
        ),
        QuyDinh => m(
            "Quản lý, sử dụng tài sản công tại các cơ quan, đơn vị thuộc huyện",
            GUI_DON_VI,
            "# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Nêu những nội dung Quy định này điều chỉnh.

## Điều 2. Đối tượng áp dụng

Nêu các cơ quan, tổ chức, cá nhân áp dụng Quy định này.

# Chương II. QUY ĐỊNH CỤ THỂ

## Điều 3. Nêu tên điều

1. Nêu nội dung khoản 1.

2. Nêu nội dung khoản 2.

# Chương III. TỔ CHỨC THỰC HIỆN

## Điều 4. Trách nhiệm thi hành

Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm thi hành Quy định này./.",
        ),
        ThongCao => m(
            "Về kết quả phiên họp thường kỳ của Ủy ban nhân dân huyện",
            GUI_DON_VI,
            "Ủy ban nhân dân huyện Phong Thổ tổ chức phiên họp thường kỳ (nêu thời gian, địa điểm, thành phần). Phiên họp đã thảo luận và thống nhất các nội dung sau:

1. Nêu nội dung thứ nhất.

2. Nêu nội dung thứ hai.

Ủy ban nhân dân huyện Phong Thổ trân trọng thông cáo./.",
        ),
        ThongBao => Mau {
            ky: CachKy::ThuaLenh,
            ..m(
                "Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp giao ban",
                GUI_DON_VI,
                "Chủ tịch Ủy ban nhân dân huyện chủ trì cuộc họp giao ban (nêu thời gian, thành phần). Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, Chủ tịch Ủy ban nhân dân huyện kết luận như sau:

1. Nêu nội dung kết luận thứ nhất.

2. Nêu nội dung kết luận thứ hai.

Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.",
            )
        },
        HuongDan => m(
            "Thực hiện công tác thi đua, khen thưởng trên địa bàn huyện",
            GUI_DON_VI,
            "Căn cứ (nêu văn bản làm căn cứ); Ủy ban nhân dân huyện hướng dẫn thực hiện công tác thi đua, khen thưởng như sau:

# I. MỤC ĐÍCH, YÊU CẦU

Nêu mục đích, yêu cầu của hướng dẫn.

# II. NỘI DUNG HƯỚNG DẪN

## 1. Đối tượng, tiêu chuẩn

Nêu đối tượng, tiêu chuẩn.

## 2. Hồ sơ, thủ tục

Nêu thành phần hồ sơ, thời hạn gửi.

# III. TỔ CHỨC THỰC HIỆN

Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Phòng Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân huyện xem xét, giải quyết./.",
        ),
        ChuongTrinh => m(
            "Thực hành tiết kiệm, chống lãng phí trên địa bàn huyện",
            GUI_DON_VI,
            "# I. MỤC TIÊU, YÊU CẦU

## 1. Mục tiêu

Nêu mục tiêu của chương trình.

## 2. Yêu cầu

Nêu yêu cầu đối với các cơ quan, đơn vị.

# II. NHIỆM VỤ, GIẢI PHÁP

1. Nêu nhiệm vụ, giải pháp thứ nhất.

2. Nêu nhiệm vụ, giải pháp thứ hai.

# III. TỔ CHỨC THỰC HIỆN

Giao Phòng Tài chính - Kế hoạch chủ trì, theo dõi, tổng hợp kết quả thực hiện Chương trình, báo cáo Ủy ban nhân dân huyện./.",
        ),
        KeHoach => m(
            "Triển khai phong trào thi đua trên địa bàn huyện",
            GUI_DON_VI,
            "Căn cứ (nêu văn bản làm căn cứ); Ủy ban nhân dân huyện Phong Thổ ban hành Kế hoạch triển khai phong trào thi đua trên địa bàn huyện như sau:

# I. MỤC ĐÍCH, YÊU CẦU

## 1. Mục đích

Nêu mục đích của kế hoạch.

## 2. Yêu cầu

Nêu yêu cầu đối với các cơ quan, đơn vị.

# II. NỘI DUNG

1. Nêu nội dung, nhiệm vụ thứ nhất.

2. Nêu nội dung, nhiệm vụ thứ hai.

# III. TỔ CHỨC THỰC HIỆN

- Phòng Nội vụ: chủ trì, hướng dẫn, theo dõi việc thực hiện.

- Các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn: xây dựng kế hoạch, báo cáo kết quả thực hiện.

Trên đây là Kế hoạch triển khai phong trào thi đua của Ủy ban nhân dân huyện Phong Thổ./.",
        ),
        PhuongAn => m(
            "Ứng phó với thiên tai trên địa bàn huyện",
            GUI_DON_VI,
            "# I. TÌNH HÌNH CHUNG

Nêu đặc điểm, tình hình, những nguy cơ cần ứng phó.

# II. PHƯƠNG ÁN ỨNG PHÓ

## 1. Phương châm

Nêu phương châm ứng phó.

## 2. Lực lượng, phương tiện

Nêu lực lượng, phương tiện huy động.

# III. TỔ CHỨC THỰC HIỆN

Giao các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn căn cứ Phương án này xây dựng phương án của cơ quan, đơn vị, địa phương mình./.",
        ),
        DeAn => m(
            "Phát triển du lịch cộng đồng huyện Phong Thổ",
            GUI_DON_VI,
            "# I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN

Nêu cơ sở pháp lý, cơ sở thực tiễn.

# II. MỤC TIÊU

Nêu mục tiêu chung và mục tiêu cụ thể.

# III. NHIỆM VỤ, GIẢI PHÁP

1. Nêu nhiệm vụ, giải pháp thứ nhất.

2. Nêu nhiệm vụ, giải pháp thứ hai.

# IV. KINH PHÍ THỰC HIỆN

Nêu nguồn kinh phí và dự toán.

# V. TỔ CHỨC THỰC HIỆN

Nêu trách nhiệm của các cơ quan, đơn vị trong triển khai Đề án./.",
        ),
        DuAn => m(
            "Xây dựng nhà văn hóa các bản trên địa bàn huyện",
            GUI_DON_VI,
            "# I. THÔNG TIN CHUNG

1. Tên dự án: Xây dựng nhà văn hóa các bản trên địa bàn huyện.

2. Chủ đầu tư: nêu chủ đầu tư.

3. Địa điểm xây dựng: nêu địa điểm.

# II. MỤC TIÊU, QUY MÔ ĐẦU TƯ

Nêu mục tiêu, quy mô đầu tư.

# III. TỔNG MỨC ĐẦU TƯ VÀ NGUỒN VỐN

Nêu tổng mức đầu tư, cơ cấu nguồn vốn.

# IV. TIẾN ĐỘ VÀ TỔ CHỨC THỰC HIỆN

Nêu tiến độ thực hiện và trách nhiệm của các cơ quan, đơn vị./.",
        ),
        BaoCao => Mau {
            kinh_gui: &["Ủy ban nhân dân tỉnh Lai Châu"],
            ..m(
                "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I",
                GUI_HUYEN,
                "Thực hiện (nêu văn bản yêu cầu báo cáo), Ủy ban nhân dân huyện Phong Thổ báo cáo kết quả thực hiện như sau:

# I. KẾT QUẢ THỰC HIỆN

## 1. Về kinh tế

Nêu kết quả, số liệu.

## 2. Về văn hóa - xã hội

Nêu kết quả, số liệu.

# II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN

Nêu tồn tại, hạn chế và nguyên nhân.

# III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI

Nêu nhiệm vụ, giải pháp.

# IV. ĐỀ XUẤT, KIẾN NGHỊ

Nêu đề xuất, kiến nghị (nếu có).

Trên đây là báo cáo kết quả thực hiện nhiệm vụ quý I của Ủy ban nhân dân huyện Phong Thổ./.",
            )
        },
        ToTrinh => Mau {
            kinh_gui: &["Ủy ban nhân dân huyện Phong Thổ"],
            co_quan: CoQuan::Phong,
            ky: CachKy::TrucTiep,
            ..m(
                "Về việc đề nghị phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức",
                &["Lãnh đạo phòng"],
                "Căn cứ (nêu văn bản làm căn cứ);

Phòng Nội vụ kính trình Ủy ban nhân dân huyện xem xét, phê duyệt Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức như sau:

# I. SỰ CẦN THIẾT

Nêu sự cần thiết.

# II. NỘI DUNG ĐỀ NGHỊ

1. Phê duyệt Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức kèm theo Tờ trình này.

2. Giao Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện theo quy định.

Phòng Nội vụ kính trình Ủy ban nhân dân huyện xem xét, quyết định./.",
            )
        },
        GiayUyQuyen => Mau {
            trich_yeu: None,
            ky: CachKy::TrucTiep,
            ..m(
                "Ký văn bản thay Chủ tịch trong thời gian đi công tác",
                &["Ông Nguyễn Văn B", "Văn phòng HĐND và UBND huyện"],
                "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;

Chủ tịch Ủy ban nhân dân huyện Phong Thổ ủy quyền cho ông Nguyễn Văn B, Phó Chủ tịch Ủy ban nhân dân huyện, thực hiện các công việc sau: nêu phạm vi công việc được ủy quyền.

Thời hạn ủy quyền: nêu thời hạn.

Người được ủy quyền không được ủy quyền lại cho người khác./.",
            )
        },
        PhieuGui => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "Gửi văn bản đến các cơ quan, đơn vị",
                &["Các cơ quan, đơn vị thuộc UBND huyện"],
                "Văn phòng HĐND và UBND huyện Phong Thổ gửi kèm theo Phiếu này các văn bản sau:

1. Nêu số, ký hiệu, ngày tháng, trích yếu văn bản thứ nhất.

2. Nêu số, ký hiệu, ngày tháng, trích yếu văn bản thứ hai.

Đề nghị nơi nhận ký xác nhận và gửi lại Phiếu này cho Văn phòng HĐND và UBND huyện./.",
            )
        },
        PhieuChuyen => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "Chuyển đơn đến cơ quan có thẩm quyền giải quyết",
                &["Ủy ban nhân dân xã Sin Suối Hồ", "Người có đơn"],
                "Ủy ban nhân dân huyện Phong Thổ nhận được đơn của ông Nguyễn Văn C, trú tại bản Sin Suối Hồ, xã Sin Suối Hồ; nội dung đơn: nêu tóm tắt nội dung.

Căn cứ quy định của pháp luật, Ủy ban nhân dân huyện chuyển đơn đến Ủy ban nhân dân xã Sin Suối Hồ để xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho người có đơn./.",
            )
        },
        PhieuBao => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện",
                &["Các cơ quan, đơn vị thuộc UBND huyện", "UBND các xã, thị trấn"],
                "Ủy ban nhân dân huyện Phong Thổ báo để các cơ quan, đơn vị biết: Chủ tịch Ủy ban nhân dân huyện tiếp công dân định kỳ vào ngày 15 hằng tháng, tại Trụ sở Tiếp công dân huyện.

Đề nghị các cơ quan, đơn vị thông báo đến cán bộ, công chức, viên chức và Nhân dân được biết./.",
            )
        },
        QuyetDinh => Mau {
            ky: CachKy::TrucTiep,
            gui: &["Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND huyện"],
            ..m(
                "Về việc thành lập Tổ công tác kiểm tra công vụ năm 2026",
                &[],
                "Điều 1. Thành lập Tổ công tác kiểm tra công vụ năm 2026 của Ủy ban nhân dân huyện Phong Thổ (sau đây gọi là Tổ công tác), gồm các ông, bà có tên sau:

1. Ông Nguyễn Văn B, Phó Chủ tịch Ủy ban nhân dân huyện, Tổ trưởng.

2. Bà Lò Thị C, Trưởng phòng Nội vụ, Tổ phó.

Điều 2. Tổ công tác có nhiệm vụ:

a) Xây dựng kế hoạch kiểm tra công vụ tại các cơ quan, đơn vị thuộc Ủy ban nhân dân huyện;

b) Tổng hợp kết quả kiểm tra, báo cáo Chủ tịch Ủy ban nhân dân huyện.

Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.

Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            )
        },
        NghiQuyet => Mau {
            ky: CachKy::ThayMat,
            co_quan: CoQuan::HoiDong,
            gui: &["Như Điều 3", "Thường trực Huyện ủy", "Ủy ban nhân dân huyện"],
            ..m(
                "Về việc thông qua kế hoạch đầu tư công năm 2027 của huyện Phong Thổ",
                &[],
                "Điều 1. Thông qua kế hoạch đầu tư công năm 2027 của huyện Phong Thổ, với tổng vốn và danh mục dự án tại Tờ trình của Ủy ban nhân dân huyện.

Điều 2. Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này; Thường trực, các Ban và đại biểu Hội đồng nhân dân huyện giám sát việc thực hiện.

Điều 3. Nghị quyết này có hiệu lực kể từ ngày được Hội đồng nhân dân huyện Phong Thổ thông qua./.",
            )
        },
        CongDien => Mau {
            ky: CachKy::TrucTiep,
            ..m(
                "Về việc chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất",
                &["Thường trực Huyện ủy (b/c)", "Thường trực HĐND huyện (b/c)", "Chủ tịch, các Phó Chủ tịch UBND huyện"],
                "Theo tin của Đài Khí tượng Thủy văn tỉnh, từ đêm nay đến hết ngày mai trên địa bàn huyện có mưa to đến rất to, nguy cơ cao xảy ra lũ quét, sạt lở đất. Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân huyện yêu cầu:

1. Tổ chức trực ban nghiêm túc, theo dõi chặt chẽ diễn biến mưa lũ, kịp thời thông báo, hướng dẫn Nhân dân chủ động phòng, tránh.

2. Rà soát, sơ tán người dân ra khỏi khu vực nguy hiểm; bố trí lực lượng, phương tiện sẵn sàng ứng cứu.

3. Báo cáo tình hình về Văn phòng HĐND và UBND huyện trước 16 giờ hằng ngày để tổng hợp./.",
            )
        },
        GiayMoi => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "Dự Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026",
                &["Lãnh đạo UBND huyện"],
                "Đề nghị các đại biểu bố trí thời gian tham dự đầy đủ, đúng giờ; tài liệu hội nghị được gửi qua hệ thống quản lý văn bản và điều hành./.",
            )
        },
        GiayGioiThieu => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "",
                &[],
                "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên trên hoàn thành nhiệm vụ./.",
            )
        },
        HopDong => Mau {
            ky: CachKy::TrucTiep,
            ..m(
                "Về việc cung cấp dịch vụ vệ sinh trụ sở năm 2027",
                &["Công ty TNHH Dịch vụ Phong Thổ", "Phòng Tài chính - Kế hoạch huyện"],
                "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;

Hôm nay, tại trụ sở Ủy ban nhân dân huyện Phong Thổ, chúng tôi gồm: Bên A (bên thuê dịch vụ) và Bên B (bên cung cấp dịch vụ), nêu tên, địa chỉ, người đại diện của mỗi bên. Hai bên thống nhất ký kết hợp đồng với các điều khoản sau:

1. Nội dung công việc: nêu phạm vi, khối lượng công việc.

2. Thời gian thực hiện, giá trị hợp đồng và phương thức thanh toán: nêu cụ thể.

3. Quyền và nghĩa vụ của các bên: nêu cụ thể.

Hợp đồng được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản./.",
            )
        },
        BanGhiNho | BanThoaThuan => Mau {
            ky: CachKy::TrucTiep,
            ..m(
                "Về hợp tác phát triển du lịch cộng đồng giai đoạn 2027 - 2030",
                &["Ủy ban nhân dân huyện Sìn Hồ", "Phòng Văn hóa và Thông tin huyện"],
                "Căn cứ chức năng, nhiệm vụ và nhu cầu hợp tác của hai bên;

Ủy ban nhân dân huyện Phong Thổ và Ủy ban nhân dân huyện Sìn Hồ thống nhất các nội dung sau:

1. Mục tiêu hợp tác: nêu cụ thể.

2. Nội dung hợp tác: nêu cụ thể.

3. Tổ chức thực hiện: nêu trách nhiệm của mỗi bên./.",
            )
        },
        ThuCong => Mau {
            trich_yeu: None,
            ky: CachKy::TrucTiep,
            ..m(
                "Chúc mừng năm mới 2027",
                &["Các cơ quan, đơn vị, doanh nghiệp trên địa bàn huyện"],
                "Nhân dịp năm mới 2027, thay mặt Ủy ban nhân dân huyện Phong Thổ, tôi gửi tới các cơ quan, đơn vị, doanh nghiệp và Nhân dân các dân tộc trong huyện lời chúc mừng năm mới sức khỏe, hạnh phúc và thành công.

Ủy ban nhân dân huyện trân trọng cảm ơn sự đồng hành, đóng góp của Quý cơ quan, đơn vị trong năm qua và mong tiếp tục nhận được sự phối hợp trong năm 2027./.",
            )
        },
        BienBan => Mau {
            ky: CachKy::ChuToa,
            ..m(
                "Họp giao ban công tác tháng",
                &["Các đại biểu dự họp"],
                "1. Nêu diễn biến cuộc họp: báo cáo được trình bày, ý kiến thảo luận của các đại biểu.

2. Kết luận của người chủ trì: nêu các nhiệm vụ được giao, thời hạn thực hiện.",
            )
        },
        GiayNghiPhep => Mau {
            trich_yeu: None,
            ky: CachKy::ThuaLenh,
            ..m(
                "",
                &["Ông (bà) có tên trên"],
                "Ông (bà) có tên trên có trách nhiệm bàn giao công việc đang giải quyết trước khi nghỉ phép và trở lại làm việc đúng thời hạn./.",
            )
        },
    }
}

/// The skeleton text. `ten_tep` is the file name shown in the “then run” line.
fn khung(loai: LoaiVanBan, markdown: bool, lang: Lang, ten_tep: &str, nam: i32) -> String {
    let mau = mau(loai);
    let mut k = Viet { lang, s: String::new() };
    let cong_van = loai == LoaiVanBan::CongVan;
    let ten_loai = loai.ten_loai().to_lowercase();
    let viet_tat_co_quan = match mau.co_quan {
        CoQuan::UyBan => "UBND",
        CoQuan::Phong => "PNV",
        CoQuan::HoiDong => "HĐND",
    };
    let don_vi = "NV";
    let ky_hieu = match loai.viet_tat() {
        Some(vt) => format!("{vt}-{viet_tat_co_quan}"),
        None => format!("{viet_tat_co_quan}-{don_vi}"),
    };
    let mau_so = match loai.mau() {
        MauVanBan::Mau1_1 => "Mẫu 1.1",
        MauVanBan::Mau1_2 => "Mẫu 1.2",
        MauVanBan::Mau1_5 => "Mẫu 1.5",
        MauVanBan::Mau1_6 => "Mẫu 1.6",
        MauVanBan::Mau1_7 => "Mẫu 1.7",
        MauVanBan::Mau1_8 => "Mẫu 1.8",
        MauVanBan::Mau1_9 => "Mẫu 1.9",
        MauVanBan::Mau1_10 => "Mẫu 1.10",
        _ => "Mẫu 1.4",
    };

    if markdown {
        k.dong("+++");
    }
    k.chu_thich(
        &format!(
            "{} ({mau_so}, Phụ lục III Nghị định 30/2020/NĐ-CP): khung do “render new {}” tạo.",
            viet_hoa_dau(&ten_loai),
            loai.slug()
        ),
        &format!(
            "{} ({mau_so}, Annex III of Decree 30/2020/ND-CP): skeleton written by “render new {}”.",
            viet_hoa_dau(&ten_loai),
            loai.slug()
        ),
    );
    k.chu_thich(
        &format!("Sửa các giá trị mẫu, rồi chạy: render {ten_tep}"),
        &format!("Edit the sample values, then run: render {ten_tep}"),
    );
    k.chu_thich(
        "Dòng bắt đầu bằng # là chú thích; xóa # ở đầu một dòng khóa để dùng khóa đó.",
        "Lines starting with # are comments; remove the # before a key line to use that key.",
    );
    if !markdown {
        k.chu_thich(
            "Để trình soạn thảo gợi ý khóa: render schema > vanban.schema.json, rồi thêm dòng #:schema ./vanban.schema.json ở đầu tệp.",
            "For key completion in the editor: render schema > vanban.schema.json, then add the line #:schema ./vanban.schema.json at the top.",
        );
    }
    k.trong();

    // loai
    match loai.viet_tat() {
        Some(vt) => k.chu_thich(
            &format!("Loại văn bản (Điều 7): quyết định mẫu trình bày, tên loại in ra ({}) và chữ viết tắt trong ký hiệu ({vt}).", loai.ten_loai()),
            &format!("Document type (Art. 7): decides the template, the printed type name ({}) and the abbreviation in the code ({vt}).", loai.ten_loai()),
        ),
        None => k.chu_thich(
            "Loại văn bản (Điều 7): công văn không in tên loại; ký hiệu gồm tên viết tắt của cơ quan và của đơn vị soạn thảo.",
            "Document type (Art. 7): a công văn prints no type name; its code is the agency's and the drafting unit's abbreviations.",
        ),
    }
    k.dong(&format!("loai = {}", chuoi(loai.slug())));
    k.trong();

    // so, ky_hieu, don_vi_soan_thao
    k.chu_thich(
        &format!("Số văn bản: để trống cho văn thư ghi khi đăng ký (in “Số:      /{ky_hieu}”). Khi đã có số, xóa # ở dòng dưới; số dưới 10 được in thêm số 0 ở trước (05)."),
        &format!("Number: left blank for the clerk to fill in when registering (prints “Số:      /{ky_hieu}”). Once numbered, remove the # below; numbers below 10 get a leading zero (05)."),
    );
    k.tat("so = 15");
    k.trong();
    if loai.viet_tat().is_none() {
        k.chu_thich(
            &format!("Đơn vị soạn thảo (viết tắt): ký hiệu {ten_loai} là <cơ quan>-<đơn vị soạn thảo>, ở đây {ky_hieu}."),
            &format!("Drafting unit (abbreviation): the code of a {} is <agency>-<drafting unit>, here {ky_hieu}.", loai.slug()),
        );
        k.dong(&format!("don_vi_soan_thao = {}", chuoi(don_vi)));
        k.trong();
        k.chu_thich(
            "Ký hiệu: chương trình tự lập từ co_quan.viet_tat và don_vi_soan_thao; chỉ ghi khi cần ký hiệu khác.",
            "Code: derived from co_quan.viet_tat and don_vi_soan_thao; only write it to use another one.",
        );
    } else {
        k.chu_thich(
            &format!("Ký hiệu: chương trình tự lập từ loai và co_quan.viet_tat ({ky_hieu}); chỉ ghi khi cần ký hiệu khác."),
            &format!("Code: derived from loai and co_quan.viet_tat ({ky_hieu}); only write it to use another one."),
        );
    }
    k.tat(&format!("ky_hieu = {}", chuoi(&ky_hieu)));
    k.trong();

    // dia_danh, ngay (a biên bản has no place-and-date line)
    let bien_ban = loai == LoaiVanBan::BienBan;
    if bien_ban {
        k.chu_thich(
            "Biên bản không có dòng địa danh, ngày tháng ở phần đầu (Mẫu 1.9): không ghi dia_danh. Ngày lập biên bản (ngay) không in ra, dùng cho năm của số văn bản.",
            "A biên bản has no place-and-date line in its header (Mẫu 1.9): no dia_danh. The day it is drawn up (ngay) is not printed; it gives the year of the number.",
        );
    } else {
        k.chu_thich(
            "Địa danh nơi cơ quan đóng trụ sở (Phụ lục I, II.4.a), in trước ngày tháng; viết hoa chữ cái đầu mỗi âm tiết của tên riêng.",
            "Place where the agency sits (Annex I, II.4.a), printed before the date; capitalise every syllable of the proper name.",
        );
        k.dong(&format!("dia_danh = {}", chuoi("Phong Thổ")));
        k.trong();
    }
    k.chu_thich(
        "Ngày ban hành: \"YYYY-MM-DD\". Chưa ký thì chỉ ghi năm (hoặc \"YYYY-MM\"): văn thư điền ngày, tháng khi ký. Chương trình tự in “ngày … tháng … năm …”, có số 0 ở trước chỉ với ngày 1–9 và tháng 1, 2.",
        "Date of issue: \"YYYY-MM-DD\". Before signing write the year only (or \"YYYY-MM\"): the clerk fills in day and month when it is signed. The program prints “ngày … tháng … năm …”, with a leading zero only for days 1–9 and months 1–2.",
    );
    k.dong(&format!("ngay = \"{nam}\""));
    k.trong();

    // trich_yeu (a giấy giới thiệu or giấy nghỉ phép has none)
    if !matches!(loai, LoaiVanBan::GiayGioiThieu | LoaiVanBan::GiayNghiPhep) {
        if cong_van {
            k.chu_thich(
                "Trích yếu: in “V/v …” dưới số, ký hiệu; không gõ “V/v”, viết chữ thường ở đầu.",
                "Summary: printed “V/v …” under the number; do not type “V/v”, start in lower case.",
            );
        } else {
            k.chu_thich(
                &format!("Trích yếu nội dung: in đậm dưới tên loại {}.", loai.ten_loai()),
                &format!("Summary: printed in bold under the type name {}.", loai.ten_loai()),
            );
        }
        match mau.trich_yeu {
            Some(t) => k.dong(&format!("trich_yeu = {}", chuoi(t))),
            None => {
                k.chu_thich(
                    &format!(
                        "{} thường không có trích yếu; xóa # ở dòng dưới nếu cần.",
                        viet_hoa_dau(&ten_loai)
                    ),
                    &format!("A {} usually has none; remove the # below if needed.", loai.slug()),
                );
                k.tat(&format!("trich_yeu = {}", chuoi(mau.vi_du_trich_yeu)));
            }
        }
        k.trong();
    }

    // tham_quyen, can_cu, theo_de_nghi
    if loai.co_dieu() {
        let nghi_quyet = loai == LoaiVanBan::NghiQuyet;
        k.chu_thich(
            &format!(
                "Thẩm quyền ban hành: {}; in hoa, đậm, giữa trang, dưới trích yếu.",
                if nghi_quyet {
                    "tên tập thể ban hành nghị quyết"
                } else {
                    "chức vụ của người đứng đầu, hoặc tên tập thể, cơ quan ban hành quyết định"
                }
            ),
            &format!(
                "Issuing authority: {}; printed in bold capitals, centred, under the summary.",
                if nghi_quyet {
                    "the collective body that passes the resolution"
                } else {
                    "the title of the head, or the name of the collective or agency, that decides"
                }
            ),
        );
        let tham_quyen = if nghi_quyet {
            "Hội đồng nhân dân huyện Phong Thổ"
        } else {
            "Chủ tịch Ủy ban nhân dân huyện Phong Thổ"
        };
        k.dong(&format!("tham_quyen = {}", chuoi(tham_quyen)));
        k.trong();
        k.chu_thich(
            "Căn cứ ban hành, mỗi căn cứ một mục: ghi đủ tên loại, số, ký hiệu, ngày, cơ quan ban hành và trích yếu (luật, pháp lệnh chỉ ghi tên loại và tên); in nghiêng, chương trình tự thêm “;” và “.” ở cuối.",
            "Legal bases, one per entry: give the type, number and code, date, issuing body and subject (a law or ordinance: its type and name only); printed in italics, with “;” and “.” added.",
        );
        k.dong(&format!(
            "can_cu = {}",
            danh_sach(&[
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
            ])
        ));
        k.trong();
        k.chu_thich(
            "Theo đề nghị của (không bắt buộc): người hoặc cơ quan trình; in “Theo đề nghị của … .” sau các căn cứ.",
            "Proposed by (optional): who submitted it; printed “Theo đề nghị của … .” after the bases.",
        );
        if nghi_quyet {
            k.tat(&format!("theo_de_nghi = {}", chuoi("Ủy ban nhân dân huyện")));
        } else {
            k.dong(&format!("theo_de_nghi = {}", chuoi("Trưởng phòng Nội vụ")));
        }
        k.trong();
    }

    // tham_quyen, dien: the sender and the bodies telegraphed.
    if loai == LoaiVanBan::CongDien {
        k.chu_thich(
            "Thẩm quyền gửi công điện: tên cơ quan hoặc chức vụ người đứng đầu; in hoa, đậm, trước chữ “điện:”, giữa trang.",
            "Sender: the agency or the title of its head; printed in bold capitals before “điện:”, centred.",
        );
        k.dong(&format!("tham_quyen = {}", chuoi("Chủ tịch Ủy ban nhân dân huyện Phong Thổ")));
        k.trong();
        k.chu_thich(
            "Nơi nhận công điện, mỗi mục một dòng “- X;” dưới dòng “… điện:”; không gõ dấu câu cuối dòng.",
            "The bodies telegraphed, one “- X;” line each under the “… điện:” line; type no end punctuation.",
        );
        k.dong(&format!(
            "dien = {}",
            danh_sach(&[
                "Thủ trưởng các cơ quan, đơn vị thuộc UBND huyện",
                "Chủ tịch Ủy ban nhân dân các xã, thị trấn"
            ])
        ));
        k.trong();
    }

    // kinh_moi, toi_du, chu_tri, thoi_gian, dia_diem: the invitation.
    if loai == LoaiVanBan::GiayMoi {
        k.chu_thich(
            "Người, cơ quan được mời: một chuỗi (in “… trân trọng kính mời: X.”), hoặc danh sách (mỗi nơi một dòng “- X;”).",
            "Who is invited: one as a string (prints “… trân trọng kính mời: X.”), or a list (one “- X;” line each).",
        );
        k.dong(&format!(
            "kinh_moi = {}",
            danh_sach(&["Thủ trưởng các cơ quan, đơn vị thuộc UBND huyện", "Chủ tịch UBND các xã, thị trấn"])
        ));
        k.chu_thich("Tới dự: tên hội nghị, cuộc họp.", "The event: the name of the meeting.");
        k.dong(&format!(
            "toi_du = {}",
            chuoi("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026")
        ));
        k.chu_thich("Người chủ trì (không bắt buộc).", "Who chairs it (optional).");
        k.tat(&format!("chu_tri = {}", chuoi("Đồng chí Chủ tịch UBND huyện")));
        k.chu_thich("Thời gian, viết như sẽ in.", "When, written as it is to be printed.");
        k.dong(&format!("thoi_gian = {}", chuoi("08 giờ 00, ngày 15 tháng 7 năm 2026")));
        k.chu_thich("Địa điểm.", "Where.");
        k.dong(&format!("dia_diem = {}", chuoi("Hội trường Ủy ban nhân dân huyện")));
        k.trong();
    }

    // kinh_gui
    let co_kinh_gui = loai.co_kinh_gui() && !mau.kinh_gui.is_empty();
    if co_kinh_gui {
        k.chu_thich(
            "Kính gửi: một nơi thì ghi một chuỗi (in “Kính gửi: X.”), nhiều nơi thì ghi danh sách (mỗi nơi một dòng “- X;”); không gõ dấu câu cuối dòng.",
            "Kính gửi (addressees): one as a string (prints “Kính gửi: X.”), several as a list (one “- X;” line each); type no end punctuation.",
        );
        if !cong_van {
            k.chu_thich(
                &format!("Không bắt buộc với {ten_loai}: xóa khóa này và “Như trên” ở [noi_nhan] nếu không gửi cho nơi cụ thể."),
                &format!("Optional for a {}: remove this key and “Như trên” in [noi_nhan] if it is not addressed.", loai.slug()),
            );
        }
        k.dong(&format!("kinh_gui = {}", mot_hoac_danh_sach(mau.kinh_gui)));
        k.trong();
    }

    // du_thao, co_chu_quoc_hieu
    k.chu_thich(
        "Dự thảo (không bắt buộc): true in khung “DỰ THẢO” phía trên Quốc hiệu, 2 in “DỰ THẢO LẦN 2”; bỏ khi ban hành.",
        "Draft (optional): true prints a boxed “DỰ THẢO” above the national heading, 2 prints “DỰ THẢO LẦN 2”; remove it for issue.",
    );
    k.tat("du_thao = true");
    k.trong();
    k.chu_thich(
        "Cỡ chữ Quốc hiệu: 12 (mặc định; Tiêu ngữ và dòng ngày tháng cỡ 13) hoặc 13 (Tiêu ngữ và ngày tháng cỡ 14).",
        "Size of the national heading: 12 (default; motto and date line 13 pt) or 13 (motto and date line 14 pt).",
    );
    k.tat("co_chu_quoc_hieu = 13");
    k.trong();
    k.chu_thich(
        "Độ mật (không bắt buộc, ô 10a): mat, toi-mat hoặc tuyet-mat; in con dấu đỏ bên trái dưới số, ký hiệu.",
        "Secrecy (optional, box 10a): mat, toi-mat or tuyet-mat; prints a red stamp at the left under the number.",
    );
    k.tat(&format!("do_mat = {}", chuoi("mat")));
    k.chu_thich(
        "Mức độ khẩn (không bắt buộc, ô 10b): khan, thuong-khan hoặc hoa-toc; in khung đỏ bên trái dưới số, ký hiệu.",
        "Urgency (optional, box 10b): khan, thuong-khan or hoa-toc; prints a red box at the left under the number.",
    );
    k.tat(&format!("do_khan = {}", chuoi("hoa-toc")));
    k.chu_thich(
        "Chỉ dẫn về phạm vi lưu hành (không bắt buộc, ô 11): in hoa, đậm, trong khung phía trên Quốc hiệu.",
        "Circulation note (optional, box 11): bold capitals in a box above the national heading.",
    );
    k.tat(&format!("pham_vi_luu_hanh = {}", chuoi("Xem xong trả lại")));
    k.trong();

    // noi_dung
    let (noi_dung_vi, noi_dung_en) = if loai.co_dieu() {
        (
            "Nội dung (Markdown): các Điều, mỗi Điều một đoạn bắt đầu bằng “Điều 1.”, “Điều 2.”, … (in đậm), đánh số liên tiếp; khoản “1.”, điểm “a)”, “b)”, … theo thứ tự a, b, c, d, đ, e, g. Kết thúc bằng “./.”.",
            "Body (Markdown): the articles, each a paragraph beginning “Điều 1.”, “Điều 2.”, … (printed bold), numbered in sequence; clauses “1.”, points “a)”, “b)”, … in the order a, b, c, d, đ, e, g. End it with “./.”.",
        )
    } else if bien_ban {
        (
            "Nội dung cuộc họp (Markdown), in sau dòng “Nội dung:”: các đoạn văn cách nhau một dòng trống; “# I. …”, “## 1. …”, “- …”. Không ghi “./.”: dòng “Cuộc họp kết thúc vào …./.” do chương trình in.",
            "The meeting's content (Markdown), printed after the line “Nội dung:”: paragraphs separated by a blank line; “# I. …”, “## 1. …”, “- …”. No “./.”: the program prints the closing line “Cuộc họp kết thúc vào …./.”.",
        )
    } else {
        (
            "Nội dung (Markdown): các đoạn văn cách nhau một dòng trống; “# I. …” (mục), “## 1. …” (khoản), “### 1.1. …”, “- …” (gạch đầu dòng); số thứ tự tự ghi. Kết thúc bằng “./.”.",
            "Body (Markdown): paragraphs separated by a blank line; “# I. …” (section), “## 1. …” (clause), “### 1.1. …”, “- …” (dash item); numbers are typed by you. End it with “./.”.",
        )
    };
    if !markdown {
        k.chu_thich(noi_dung_vi, noi_dung_en);
        k.dong(&format!("noi_dung = \"\"\"\n{}\n\"\"\"", mau.noi_dung));
        k.trong();
    }

    // [gioi_thieu]
    if loai == LoaiVanBan::GiayGioiThieu {
        k.chu_thich(
            "Người được giới thiệu (Mẫu 1.8): in thành các dòng “Ông (bà): …”, “Chức vụ: …”, “Được cử đến: …”, “Về việc: …” sau câu “… trân trọng giới thiệu:”.",
            "The person introduced (Mẫu 1.8): printed as the lines “Ông (bà): …”, “Chức vụ: …”, “Được cử đến: …”, “Về việc: …” after “… trân trọng giới thiệu:”.",
        );
        k.dong("[gioi_thieu]");
        k.chu_thich("Họ và tên.", "Full name.");
        k.dong(&format!("ho_ten = {}", chuoi("Nguyễn Văn B")));
        k.chu_thich("Chức vụ (không bắt buộc).", "Post (optional).");
        k.dong(&format!("chuc_vu = {}", chuoi("Chuyên viên Phòng Nội vụ")));
        k.chu_thich("Được cử đến: cơ quan, đơn vị nơi đến.", "Sent to: the body visited.");
        k.dong(&format!("duoc_cu_den = {}", chuoi("Sở Nội vụ tỉnh Lai Châu")));
        k.chu_thich("Về việc.", "What for.");
        k.dong(&format!("ve_viec = {}", chuoi("Liên hệ công tác về thi đua, khen thưởng")));
        k.chu_thich(
            "Giấy có giá trị đến hết ngày \"YYYY-MM-DD\": in “Giấy này có giá trị đến hết ngày … tháng … năm …” sau nội dung.",
            "Valid until the end of \"YYYY-MM-DD\": printed “Giấy này có giá trị đến hết ngày … tháng … năm …” after the body.",
        );
        k.dong(&format!("co_gia_tri_den = \"{nam}-12-31\""));
        k.trong();
    }

    // [bien_ban]
    if bien_ban {
        k.chu_thich(
            "Diễn biến cuộc họp (Mẫu 1.9): in thành các dòng “Thời gian bắt đầu: …”, “Địa điểm: …”, “Thành phần tham dự: …”, “Chủ trì: …”, “Thư ký: …”, “Nội dung:” trước nội dung, và “Cuộc họp kết thúc vào …./.” sau nội dung.",
            "The meeting (Mẫu 1.9): printed as the lines “Thời gian bắt đầu: …”, “Địa điểm: …”, “Thành phần tham dự: …”, “Chủ trì: …”, “Thư ký: …”, “Nội dung:” before the body, and “Cuộc họp kết thúc vào …./.” after it.",
        );
        k.dong("[bien_ban]");
        k.chu_thich("Thời gian bắt đầu.", "When it started.");
        k.dong(&format!("bat_dau = {}", chuoi(&format!("08 giờ 00, ngày 15 tháng 7 năm {nam}"))));
        k.chu_thich("Địa điểm.", "Where.");
        k.dong(&format!("dia_diem = {}", chuoi("Phòng họp số 1, Ủy ban nhân dân huyện")));
        k.chu_thich("Thành phần tham dự, mỗi mục một dòng “- …;”.", "Who attended, one “- …;” line each.");
        k.dong(&format!(
            "thanh_phan = {}",
            danh_sach(&[
                "Lãnh đạo Ủy ban nhân dân huyện",
                "Trưởng các phòng chuyên môn thuộc Ủy ban nhân dân huyện"
            ])
        ));
        k.chu_thich("Chủ trì (chủ tọa), có chức vụ.", "Who chaired it, with their post.");
        k.dong(&format!("chu_tri = {}", chuoi("Ông Nguyễn Văn A, Chủ tịch Ủy ban nhân dân huyện")));
        k.chu_thich("Thư ký (người ghi biên bản), có chức vụ.", "Who kept the minutes, with their post.");
        k.dong(&format!("thu_ky = {}", chuoi("Bà Lò Thị B, Chuyên viên Văn phòng HĐND và UBND huyện")));
        k.chu_thich(
            "Họ và tên thư ký: in đậm dưới chỗ ký THƯ KÝ (cột trái).",
            "The secretary's name: bold, under the THƯ KÝ signature (left column).",
        );
        k.dong(&format!("ho_ten_thu_ky = {}", chuoi("Lò Thị B")));
        k.chu_thich("Thời gian kết thúc.", "When it closed.");
        k.dong(&format!("ket_thuc = {}", chuoi("11 giờ 30 cùng ngày")));
        k.chu_thich(
            "Tên sự kiện ở dòng kết thúc (không bắt buộc, mặc định “Cuộc họp”).",
            "What closed, in the closing line (optional, “Cuộc họp” by default).",
        );
        k.tat(&format!("su_kien = {}", chuoi("Hội nghị")));
        k.trong();
    }

    // [nghi_phep]
    if loai == LoaiVanBan::GiayNghiPhep {
        k.chu_thich(
            "Người được nghỉ phép (Mẫu 1.10): in thành các dòng “Xét Đơn đề nghị nghỉ phép …”, “… cấp cho:”, “Ông (bà): …”, “Chức vụ: …”, “Nghỉ phép năm … kể từ ngày … đến hết ngày …”, “Tại: …”.",
            "The person granted leave (Mẫu 1.10): printed as the lines “Xét Đơn đề nghị nghỉ phép …”, “… cấp cho:”, “Ông (bà): …”, “Chức vụ: …”, “Nghỉ phép năm … kể từ ngày … đến hết ngày …”, “Tại: …”.",
        );
        k.dong("[nghi_phep]");
        k.chu_thich("Họ và tên.", "Full name.");
        k.dong(&format!("ho_ten = {}", chuoi("Nguyễn Văn B")));
        k.chu_thich("Chức vụ (không bắt buộc).", "Post (optional).");
        k.dong(&format!("chuc_vu = {}", chuoi("Chuyên viên Phòng Nội vụ")));
        k.chu_thich(
            "Ngày của đơn đề nghị nghỉ phép (không bắt buộc), \"YYYY-MM-DD\".",
            "Date of the request for leave (optional), \"YYYY-MM-DD\".",
        );
        k.tat(&format!("ngay_don = \"{nam}-06-20\""));
        k.chu_thich(
            "Năm của phép (không bắt buộc, mặc định năm của tu_ngay).",
            "The leave year (optional, the year of tu_ngay by default).",
        );
        k.tat(&format!("nam = {nam}"));
        k.chu_thich(
            "Số ngày nghỉ (không bắt buộc), không quá số ngày từ tu_ngay đến den_ngay.",
            "Number of days (optional), no more than the days from tu_ngay to den_ngay.",
        );
        k.tat("so_ngay = 10");
        k.chu_thich("Ngày bắt đầu nghỉ, \"YYYY-MM-DD\".", "First day of leave, \"YYYY-MM-DD\".");
        k.dong(&format!("tu_ngay = \"{nam}-07-01\""));
        k.chu_thich(
            "Ngày nghỉ cuối cùng, \"YYYY-MM-DD\", không trước tu_ngay.",
            "Last day of leave, \"YYYY-MM-DD\", not before tu_ngay.",
        );
        k.dong(&format!("den_ngay = \"{nam}-07-10\""));
        k.chu_thich("Nơi nghỉ phép, in sau “Tại:”.", "Where the leave is spent, printed after “Tại:”.");
        k.dong(&format!("noi_nghi = {}", chuoi("xã Mường So, huyện Phong Thổ, tỉnh Lai Châu")));
        k.chu_thich(
            "Khối xác nhận của nơi nghỉ phép dưới chữ ký (không bắt buộc): true, hoặc tên nơi xác nhận.",
            "The confirmation block of the place of leave under the signature (optional): true, or the confirming body's name.",
        );
        k.tat(&format!("xac_nhan = {}", chuoi("Ủy ban nhân dân xã Mường So")));
        k.trong();
    }

    // [co_quan]
    k.chu_thich("Cơ quan, tổ chức ban hành văn bản (ô 2).", "The issuing agency (box 2).");
    k.dong("[co_quan]");
    k.chu_thich(
        "Cơ quan chủ quản trực tiếp, nếu có: in hoa, chữ đứng, phía trên tên cơ quan ban hành.",
        "Direct superior body, if any: capitals, regular weight, above the issuing agency.",
    );
    match mau.co_quan {
        CoQuan::UyBan | CoQuan::HoiDong => {
            k.chu_thich(
                "Ủy ban nhân dân, Hội đồng nhân dân cấp huyện không ghi cơ quan chủ quản.",
                "A district People's Committee or People's Council has none.",
            );
            k.tat(&format!("chu_quan = {}", chuoi("Ủy ban nhân dân tỉnh Lai Châu")));
        }
        CoQuan::Phong => k.dong(&format!("chu_quan = {}", chuoi("Ủy ban nhân dân huyện Phong Thổ"))),
    }
    k.chu_thich(
        "Tên cơ quan ban hành, mỗi mục một dòng in ra; gõ như trong câu văn (“Ủy ban nhân dân”): chương trình tự in hoa, in đậm.",
        "Name of the issuing agency, one entry per printed line; type it as in running text (“Ủy ban nhân dân”): it is printed in bold capitals.",
    );
    match mau.co_quan {
        CoQuan::UyBan => {
            k.dong(&format!("ten = {}", mot_hoac_danh_sach(&["Ủy ban nhân dân", "huyện Phong Thổ"])))
        }
        CoQuan::Phong => k.dong(&format!("ten = {}", chuoi("Phòng Nội vụ"))),
        CoQuan::HoiDong => {
            k.dong(&format!("ten = {}", mot_hoac_danh_sach(&["Hội đồng nhân dân", "huyện Phong Thổ"])))
        }
    }
    k.chu_thich(
        &format!("Tên viết tắt của cơ quan, dùng trong ký hiệu ({ky_hieu}): không dấu cách, không “/”."),
        &format!("Abbreviation of the agency, used in the code ({ky_hieu}): no spaces, no “/”."),
    );
    k.dong(&format!("viet_tat = {}", chuoi(viet_tat_co_quan)));
    k.chu_thich(
        "Địa chỉ trụ sở (không bắt buộc, ô 13): cùng điện thoại, fax, thư điện tử, website, in cỡ 11 ở cuối trang đầu, dưới một đường kẻ suốt khổ.",
        "Address of the head office (optional, box 13): with the telephone, fax, e-mail and website, printed in 11 pt at the foot of page 1, under a rule across the page.",
    );
    k.tat(&format!("dia_chi = {}", chuoi("Khu 5, thị trấn Phong Thổ, tỉnh Lai Châu")));
    k.chu_thich("Điện thoại (ô 13), in “ĐT: …”.", "Telephone (box 13), printed “ĐT: …”.");
    k.tat(&format!("dien_thoai = {}", chuoi("0213 3894 201")));
    k.chu_thich("Fax (ô 13).", "Fax (box 13).");
    k.tat(&format!("fax = {}", chuoi("0213 3894 202")));
    k.chu_thich("Thư điện tử (ô 13), in “E-mail: …”.", "E-mail address (box 13), printed “E-mail: …”.");
    k.tat(&format!("email = {}", chuoi("ubnd@phongtho.laichau.gov.vn")));
    k.chu_thich("Trang thông tin điện tử (ô 13).", "Website (box 13).");
    k.tat(&format!("website = {}", chuoi("phongtho.laichau.gov.vn")));
    k.trong();

    // [nguoi_ky]
    k.chu_thich("Người ký (ô 7).", "The signer (box 7).");
    k.dong("[nguoi_ky]");
    k.chu_thich(
        "Thẩm quyền ký (Điều 13), mỗi dòng một mục theo thứ tự in: TM. (thay mặt tập thể, dòng đầu), KT. (ký thay người đứng đầu, dòng cuối), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền).",
        "Signing authority (Art. 13), one entry per line in printed order: TM. (for a collective body, first), KT. (a deputy for the head, last), TL. (by order), TUQ. (by delegation), Q. (acting).",
    );
    let (quyen_han, chuc_vu): (&[&str], &str) = match (mau.ky, mau.co_quan) {
        (CachKy::ThayMat, CoQuan::HoiDong) => (&["TM. Hội đồng nhân dân"], "Chủ tịch"),
        (CachKy::ThayMat, _) => (&["TM. Ủy ban nhân dân"], "Chủ tịch"),
        (CachKy::KyThay, _) => (&["TM. Ủy ban nhân dân", "KT. Chủ tịch"], "Phó Chủ tịch"),
        (CachKy::ThuaLenh, _) => (&["TL. Chủ tịch"], "Chánh Văn phòng"),
        (CachKy::TrucTiep, CoQuan::UyBan | CoQuan::HoiDong) => (&[], "Chủ tịch"),
        (CachKy::TrucTiep, CoQuan::Phong) => (&[], "Trưởng phòng"),
        (CachKy::ChuToa, _) => (&[], ""),
    };
    if bien_ban {
        k.chu_thich(
            "Người chủ tọa ký ở cột phải, dưới dòng “CHỦ TỌA”; thư ký ký ở cột trái (ho_ten_thu_ky ở [bien_ban]).",
            "The chair signs in the right column, under “CHỦ TỌA”; the secretary in the left (ho_ten_thu_ky under [bien_ban]).",
        );
        k.chu_thich(
            "Chức danh in thay cho “CHỦ TỌA” (không bắt buộc).",
            "A title printed instead of “CHỦ TỌA” (optional).",
        );
        k.tat(&format!("chuc_vu = {}", chuoi("Chủ trì")));
    } else if quyen_han.is_empty() {
        k.chu_thich(
            "Người đứng đầu ký thì không có; cấp phó ký thay thì xóa # ở dòng dưới và ghi chức vụ của cấp phó.",
            "None when the head signs; for a deputy signing, remove the # below and write the deputy's title.",
        );
        k.tat(&format!("quyen_han = [{}]", chuoi(&format!("KT. {chuc_vu}"))));
    } else {
        k.dong(&format!("quyen_han = {}", danh_sach(quyen_han)));
    }
    if !bien_ban {
        k.chu_thich(
            "Chức vụ của người ký: in hoa, đậm, dưới các dòng thẩm quyền.",
            "Title of the signer: bold capitals, under the authority lines.",
        );
        k.dong(&format!("chuc_vu = {}", chuoi(chuc_vu)));
    }
    k.chu_thich(
        "Họ và tên người ký: in đậm, dưới chỗ ký.",
        "Full name of the signer: bold, under the room for the signature.",
    );
    k.dong(&format!("ho_ten = {}", chuoi("Nguyễn Văn A")));
    k.trong();

    // [noi_nhan]
    k.chu_thich(
        "Nơi nhận (ô 9b): chương trình tự thêm “- ” ở đầu và “;”, “.” ở cuối mỗi dòng.",
        "Recipients (box 9b): the program adds “- ” before and “;” or “.” after each line.",
    );
    k.dong("[noi_nhan]");
    let mut gui: Vec<&str> = Vec::new();
    if loai == LoaiVanBan::CongDien {
        k.chu_thich(
            "Các nơi nhận: “Như trên” (các nơi ở danh sách dien) đứng đầu, rồi các nơi khác.",
            "Recipients: “Như trên” (the bodies in dien) first, then the others.",
        );
        gui.push("Như trên");
    } else if co_kinh_gui {
        k.chu_thich(
            "Các nơi nhận: “Như trên” (các nơi ở phần Kính gửi) đứng đầu, rồi các nơi khác.",
            "Recipients: “Như trên” (the Kính gửi addressees) first, then the others.",
        );
        gui.push("Như trên");
    } else {
        k.chu_thich(
            "Các nơi nhận, mỗi mục một dòng; văn bản không có Kính gửi thì không ghi “Như trên”.",
            "Recipients, one per line; a document without Kính gửi has no “Như trên”.",
        );
    }
    gui.extend(mau.gui);
    k.dong(&format!("gui = {}", danh_sach(&gui)));
    let luu: &[&str] = match mau.co_quan {
        // Mẫu 1.9: the minutes are kept with the meeting's file.
        _ if bien_ban => &["VT", "Hồ sơ"],
        CoQuan::UyBan | CoQuan::HoiDong => &["VT", don_vi],
        CoQuan::Phong => &["VT"],
    };
    k.chu_thich(
        "Lưu: văn thư (VT) và đơn vị soạn thảo, viết tắt; in “- Lưu: VT, NV.”.",
        "Archive copies: the registry (VT) and the drafting unit, abbreviated; prints “- Lưu: VT, NV.”.",
    );
    k.dong(&format!("luu = {}", danh_sach(luu)));
    k.chu_thich(
        "Ký hiệu người soạn thảo (không bắt buộc, ô 12): cùng số lượng bản phát hành, in “PL.(300)” ở góc dưới bên phải phần nơi nhận.",
        "Drafter's initials (optional, box 12): with the number of copies issued, printed “PL.(300)” at the bottom right of the recipients.",
    );
    k.tat(&format!("nguoi_soan_thao = {}", chuoi("PL")));
    k.chu_thich("Số lượng bản phát hành (ô 12).", "Number of copies issued (box 12).");
    k.tat("so_ban = 300");
    k.trong();

    // [ky_so]
    k.chu_thich(
        "Văn bản điện tử (không bắt buộc): ảnh chữ ký và ảnh con dấu, PNG nền trong suốt, đường dẫn tính từ thư mục của tệp này. Xóa # ở các dòng khóa dưới đây để dùng.",
        "Electronic document (optional): signature and seal images, PNG on a transparent background, paths relative to this file's directory. Remove the # before the key lines below to use them.",
    );
    k.tat("[ky_so]");
    k.chu_thich(
        "Ảnh chữ ký của người ký, đặt giữa chức vụ và họ tên.",
        "The signer's signature image, between the title and the name.",
    );
    k.tat(&format!("chu_ky = {}", chuoi("chu-ky.png")));
    k.chu_thich(
        "Ảnh con dấu của cơ quan, trùm lên khoảng 1/3 chữ ký về bên trái.",
        "The agency's seal image, over the left third of the signature.",
    );
    k.tat(&format!("dau = {}", chuoi("dau.png")));
    k.chu_thich(
        "Đường kính con dấu (mm, 20–60); bỏ trống thì lấy theo độ phân giải của ảnh.",
        "Diameter of the seal (mm, 20–60); without it, the image's resolution gives its size.",
    );
    k.tat("dau_mm = 36");

    if markdown {
        k.trong();
        k.chu_thich(
            &format!("{noi_dung_vi} Nội dung viết sau dòng +++ dưới đây."),
            &format!("{noi_dung_en} It follows the +++ line below."),
        );
        k.dong("+++");
        k.trong();
        k.dong(mau.noi_dung);
    }
    k.s
}

/// `s` with its first letter in capitals.
fn viet_hoa_dau(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The skeleton being written.
struct Viet {
    lang: Lang,
    s: String,
}

impl Viet {
    /// The widest comment line, in characters after the `#`.
    const RONG: usize = 96;

    /// A comment, in the language of the run, wrapped at [`Viet::RONG`] characters.
    fn chu_thich(&mut self, vi: &str, en: &str) {
        let text = match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        for line in text.lines() {
            let mut width = 0;
            self.s.push('#');
            for word in line.split(' ') {
                let n = word.chars().count();
                if width > 0 && width + 1 + n > Self::RONG {
                    self.s.push_str("\n#");
                    width = 0;
                }
                self.s.push(' ');
                self.s.push_str(word);
                width += 1 + n;
            }
            self.s.push('\n');
        }
    }

    /// A line as it is.
    fn dong(&mut self, line: &str) {
        self.s.push_str(line);
        self.s.push('\n');
    }

    /// A key line, commented out.
    fn tat(&mut self, line: &str) {
        self.s.push_str("# ");
        self.dong(line);
    }

    fn trong(&mut self) {
        self.s.push('\n');
    }
}

/// A TOML basic string.
fn chuoi(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of strings: on one line when short, else one item per line.
fn danh_sach(items: &[&str]) -> String {
    let one_line = format!("[{}]", items.iter().map(|s| chuoi(s)).collect::<Vec<_>>().join(", "));
    if one_line.chars().count() <= 60 {
        return one_line;
    }
    let mut s = String::from("[\n");
    for item in items {
        s.push_str(&format!("  {},\n", chuoi(item)));
    }
    s.push(']');
    s
}

/// One string for a single item, else an array.
fn mot_hoac_danh_sach(items: &[&str]) -> String {
    match items {
        [one] => chuoi(one),
        _ => danh_sach(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_wrapped() {
        for loai in LoaiVanBan::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let text = khung(*loai, false, lang, "x.toml", 2025);
                for line in text.lines().filter(|l| l.starts_with('#')) {
                    assert!(line.chars().count() <= 1 + Viet::RONG, "{line}");
                    assert!(!line.starts_with("#:"), "{line}");
                }
            }
        }
    }

    #[test]
    fn the_year_is_the_clocks_unless_the_clock_is_plainly_wrong() {
        let at = |secs: u64| nam_cua(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        // 2026-12-04T15:00:00Z, 2024-12-31T23:59:59Z, 2025-01-01T00:00:00Z.
        assert_eq!(at(1_796_396_400), 2026);
        assert_eq!(at(1_735_689_599), 2024);
        assert_eq!(at(1_735_689_600), 2025);
        // The epoch (a clock never set) and the year 3000.
        assert_eq!(at(0), 2025);
        assert_eq!(at(32_503_680_000), 2025);
    }

    #[test]
    fn typos_of_a_slug_are_recognised() {
        assert_eq!(gan_nhat("ke-hoac"), Some("ke-hoach"));
        assert_eq!(gan_nhat("ke_hoach"), Some("ke-hoach"));
        assert_eq!(gan_nhat("cong van"), Some("cong-van"));
        assert_eq!(gan_nhat("to-trnh"), Some("to-trinh"));
        assert_eq!(gan_nhat("Giấy giới thiệu"), Some("giay-gioi-thieu"));
        assert_eq!(gan_nhat("xyz"), None);
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(chuoi(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(mot_hoac_danh_sach(&["x"]), "\"x\"");
        assert_eq!(mot_hoac_danh_sach(&["x", "y"]), "[\"x\", \"y\"]");
    }

    #[test]
    fn shell_paths_are_quoted_when_needed() {
        assert_eq!(lenh(Path::new("ke-hoach.toml")), "ke-hoach.toml");
        assert_eq!(lenh(Path::new("văn bản/kế hoạch.md")), "'văn bản/kế hoạch.md'");
    }
}
