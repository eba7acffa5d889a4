//! `render schema`: the JSON Schema of the document file, for editors (taplo / Even Better
//! TOML) to complete keys, show what each means and flag mistakes while typing.
//!
//! The schema mirrors what the reader of `vanban-core` accepts (its keys, types, limits and
//! the shapes of ký hiệu, dates and authority lines); the reader stays the authority: a few
//! checks (a date that does not exist, the limits of the body's Markdown) only it makes.
//! Draft-07, the newest dialect taplo's validator recognises from `$schema`; keywords newer
//! than draft-04 are only used where ignoring them makes the schema more lenient, never
//! wrong (`if`/`then`).

use std::io::Write;

use serde_json::{Map, Value, json};
use vanban_core::{CoChu, Dau, DoKhan, DoMat, HinhThucSao, LoaiVanBan, MauVanBan, Ngay, So, TienTo, limits};

/// Prints the schema on standard output. Returns whether it was written.
pub fn run() -> bool {
    let text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => true,
        // The reader stopped reading (`render schema | head`): what it wanted it has.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let (vi, en) = vanban_core::ly_do_io(&e);
            let _ = writeln!(
                std::io::stderr(),
                "lỗi: không ghi được lược đồ ra đầu ra chuẩn ({vi}) / error: cannot write the schema to standard output ({en})"
            );
            false
        }
    }
}

/// The most lần of a numbered draft (`du_thao = 2`), as the reader checks it.
const DU_THAO_MAX: u32 = 999;

/// The values `loai` accepts: every type of Art. 7.
fn supported() -> Vec<LoaiVanBan> {
    LoaiVanBan::ALL.to_vec()
}

/// One character of an abbreviation group: what `char::is_alphanumeric` accepts, `.` and `&`.
/// Without `\p{…}` (not in every editor's regex dialect): anything but white space and the
/// ASCII punctuation other than `.` and `&`.
const NHOM: &str = r"[^\s!-%'-,\-/:-@\[-`{-~]";

/// A ký hiệu or an abbreviation: groups joined by `-`, no spaces, no `/`.
fn ky_hieu_pattern() -> String {
    format!(r"^\s*{NHOM}+(-{NHOM}+)*\s*$")
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a year the reader accepts
/// ([`Ngay::NAM_NHO_NHAT`]–[`Ngay::NAM_LON_NHAT`], checked by the tests).
const NGAY_PATTERN: &str =
    r"^\s*(194[5-9]|19[5-9][0-9]|2[0-9]{3})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\s*$";

/// An authority line: one of the prefixes of [`TienTo`], then a name.
fn quyen_han_pattern() -> String {
    let prefixes: Vec<String> =
        TienTo::ALL.iter().map(|t| t.as_str().trim_end_matches('.').to_owned()).collect();
    format!(r"^\s*({})\.\s*\S", prefixes.join("|"))
}

/// An image path: ends in `.png` (any case).
const ANH_PATTERN: &str = r"\.[pP][nN][gG]\s*$";
/// What an image path must not be: absolute, on a drive, from `~`, or climbing out with `..`.
const ANH_CAM: &str = r"^\s*([/\\~]|[A-Za-z]:)|(^\s*|[/\\])\.\.([/\\]|\s*$)";

/// A one-line text field: not empty, at most [`limits::FIELD_CHARS`] characters.
fn text(description: &str) -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": limits::FIELD_CHARS,
        "pattern": r"\S",
        "description": description,
    })
}

/// A text with a pattern.
fn text_matching(description: &str, pattern: &str) -> Value {
    let mut v = text(description);
    v["pattern"] = json!(pattern);
    v
}

/// One text, or a list of at least `min_items` texts shaped like `item`.
fn texts(description: &str, item: Value, min_items: usize) -> Value {
    json!({
        "description": description,
        "anyOf": [
            item,
            {
                "type": "array",
                "items": item,
                "minItems": min_items,
                "maxItems": limits::LIST_ITEMS,
            },
        ],
    })
}

/// A table: the keys it accepts, those it requires, nothing else.
fn table(description: &str, properties: Map<String, Value>, required: &[&str]) -> Value {
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn props(entries: Vec<(&str, Value)>) -> Map<String, Value> {
    entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The schema of a document file, TOML form.
pub fn schema() -> Value {
    let loai_list: Vec<String> =
        supported().iter().map(|l| format!("{} ({})", l.slug(), l.ten_loai().to_lowercase())).collect();
    let slugs: Vec<&str> = supported().iter().map(|l| l.slug()).collect();
    let co_kinh_gui: Vec<String> =
        supported().iter().filter(|l| l.co_kinh_gui()).map(|l| l.ten_loai().to_lowercase()).collect();
    let khong_kinh_gui: Vec<&str> =
        supported().iter().filter(|l| !l.co_kinh_gui()).map(|l| l.slug()).collect();
    let co_dieu: Vec<&str> = supported().iter().filter(|l| l.co_dieu()).map(|l| l.slug()).collect();
    let khong_dieu: Vec<&str> = supported().iter().filter(|l| !l.co_dieu()).map(|l| l.slug()).collect();
    let cong_dien = LoaiVanBan::CongDien.slug();
    let khong_tham_quyen: Vec<&str> = khong_dieu.iter().copied().filter(|&s| s != cong_dien).collect();
    let khong_dien: Vec<&str> = slugs.iter().copied().filter(|&s| s != cong_dien).collect();
    let giay_moi = LoaiVanBan::GiayMoi.slug();
    let khong_giay_moi: Vec<&str> = slugs.iter().copied().filter(|&s| s != giay_moi).collect();
    let ggt = LoaiVanBan::GiayGioiThieu.slug();
    let khong_ggt: Vec<&str> = slugs.iter().copied().filter(|&s| s != ggt).collect();
    let (dau_min, dau_max) = Dau::DUONG_KINH_MM;
    let gioi_thieu = table(
        "Người được giới thiệu (chỉ giấy giới thiệu, bắt buộc). Ví dụ:\n[gioi_thieu]\nho_ten = \"Nguyễn Văn B\"\nduoc_cu_den = \"Sở Nội vụ tỉnh Lai Châu\"\nve_viec = \"Liên hệ công tác\"\nco_gia_tri_den = \"2024-12-31\"",
        props(vec![
            ("ho_ten", text("Họ và tên, in sau \"Ông (bà):\". Ví dụ: \"Nguyễn Văn B\".")),
            ("chuc_vu", text("Chức vụ (không bắt buộc). Ví dụ: \"Chuyên viên Phòng Nội vụ\".")),
            ("duoc_cu_den", text("Cơ quan, đơn vị được cử đến. Ví dụ: \"Sở Nội vụ tỉnh Lai Châu\".")),
            ("ve_viec", text("Về việc. Ví dụ: \"Liên hệ công tác\".")),
            (
                "co_gia_tri_den",
                json!({
                    "type": "string",
                    "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$",
                    "description": "Ngày cuối cùng giấy có giá trị, \"YYYY-MM-DD\"; in \"Giấy này có giá trị đến hết ngày … tháng … năm …\". Ví dụ: \"2024-12-31\".",
                }),
            ),
        ]),
        &["ho_ten", "duoc_cu_den", "ve_viec", "co_gia_tri_den"],
    );
    let bb = LoaiVanBan::BienBan.slug();
    let gnp = LoaiVanBan::GiayNghiPhep.slug();
    let khong_bb: Vec<&str> = slugs.iter().copied().filter(|&s| s != bb).collect();
    let khong_gnp: Vec<&str> = slugs.iter().copied().filter(|&s| s != gnp).collect();
    let khong_viet_tat: Vec<&str> =
        supported().iter().filter(|l| l.viet_tat().is_none()).map(|l| l.slug()).collect();
    let ngay_du = |description: &str| json!({ "type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$", "description": description });
    let bien_ban = table(
        "Diễn biến cuộc họp (chỉ biên bản, bắt buộc). Ví dụ:\n[bien_ban]\nbat_dau = \"08 giờ 00, ngày 15 tháng 7 năm 2024\"\ndia_diem = \"Phòng họp số 1\"\nthanh_phan = [\"Lãnh đạo UBND huyện\"]\nchu_tri = \"Ông Nguyễn Văn A, Chủ tịch UBND huyện\"\nthu_ky = \"Bà Lò Thị B, Chuyên viên\"\nho_ten_thu_ky = \"Lò Thị B\"\nket_thuc = \"11 giờ 30 cùng ngày\"",
        props(vec![
            ("bat_dau", text("Thời gian bắt đầu. Ví dụ: \"08 giờ 00, ngày 15 tháng 7 năm 2024\".")),
            ("dia_diem", text("Địa điểm. Ví dụ: \"Phòng họp số 1, Ủy ban nhân dân huyện\".")),
            (
                "thanh_phan",
                texts(
                    "Thành phần tham dự: một chuỗi hoặc danh sách, mỗi mục một dòng \"- …;\". Ví dụ: [\"Lãnh đạo UBND huyện\", \"Trưởng các phòng\"].",
                    text("Một thành phần tham dự."),
                    1,
                ),
            ),
            (
                "chu_tri",
                text("Chủ trì (chủ tọa), có chức vụ. Ví dụ: \"Ông Nguyễn Văn A, Chủ tịch UBND huyện\"."),
            ),
            ("thu_ky", text("Thư ký (người ghi biên bản), có chức vụ. Ví dụ: \"Bà Lò Thị B, Chuyên viên\".")),
            ("ho_ten_thu_ky", text("Họ và tên thư ký, in dưới chỗ ký THƯ KÝ. Ví dụ: \"Lò Thị B\".")),
            (
                "ket_thuc",
                text(
                    "Thời gian kết thúc, in \"Cuộc họp kết thúc vào …./.\". Ví dụ: \"11 giờ 30 cùng ngày\".",
                ),
            ),
            (
                "su_kien",
                text(
                    "Tên sự kiện ở dòng kết thúc (không bắt buộc, mặc định \"Cuộc họp\"). Ví dụ: \"Hội nghị\".",
                ),
            ),
        ]),
        &["bat_dau", "dia_diem", "thanh_phan", "chu_tri", "thu_ky", "ho_ten_thu_ky", "ket_thuc"],
    );
    let nghi_phep = table(
        "Người được nghỉ phép (chỉ giấy nghỉ phép, bắt buộc). Ví dụ:\n[nghi_phep]\nho_ten = \"Lò Thị Hoa\"\ntu_ngay = \"2024-03-04\"\nden_ngay = \"2024-03-11\"\nnoi_nghi = \"xã Mường So, huyện Phong Thổ\"",
        props(vec![
            ("ho_ten", text("Họ và tên, in sau \"Ông (bà):\". Ví dụ: \"Lò Thị Hoa\".")),
            ("chuc_vu", text("Chức vụ (không bắt buộc). Ví dụ: \"Chuyên viên Văn phòng\".")),
            (
                "ngay_don",
                ngay_du(
                    "Ngày của đơn đề nghị nghỉ phép (không bắt buộc), \"YYYY-MM-DD\". Ví dụ: \"2024-02-20\".",
                ),
            ),
            (
                "nam",
                json!({ "type": "integer", "minimum": 1900, "maximum": 9999, "description": "Năm của phép (không bắt buộc, mặc định năm của tu_ngay). Ví dụ: 2024." }),
            ),
            (
                "so_ngay",
                json!({ "type": "integer", "minimum": 1, "description": "Số ngày nghỉ (không bắt buộc), không quá số ngày từ tu_ngay đến den_ngay. Ví dụ: 8." }),
            ),
            ("tu_ngay", ngay_du("Ngày bắt đầu nghỉ, \"YYYY-MM-DD\". Ví dụ: \"2024-03-04\".")),
            (
                "den_ngay",
                ngay_du("Ngày nghỉ cuối cùng, \"YYYY-MM-DD\", không trước tu_ngay. Ví dụ: \"2024-03-11\"."),
            ),
            ("noi_nghi", text("Nơi nghỉ phép, in sau \"Tại:\". Ví dụ: \"xã Mường So, huyện Phong Thổ\".")),
            (
                "xac_nhan",
                json!({
                    "description": "Khối xác nhận dưới chữ ký (không bắt buộc): true in \"Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép\"; một tên in \"Xác nhận của <tên>\". Ví dụ: \"Ủy ban nhân dân xã Mường So\".",
                    "anyOf": [{ "type": "boolean" }, text("Tên nơi xác nhận.")],
                }),
            ),
        ]),
        &["ho_ten", "tu_ngay", "den_ngay", "noi_nghi"],
    );
    let ban_sao = |nguoi_ky: &Value, noi_nhan: &Value| {
        let mut t = table(
            "Bản sao (Mẫu 3.1, 3.2; không bắt buộc). Bản sao giấy: khối sao in dưới văn bản, sau một đường kẻ suốt chiều ngang. Ví dụ:\n[ban_sao]\nhinh_thuc = \"sao-y\"\nco_quan = [\"Văn phòng HĐND và UBND\", \"huyện Phong Thổ\"]\nviet_tat = \"VP\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024-03-07\"\n[ban_sao.nguoi_ky] …\n[ban_sao.noi_nhan] …\nBản sao điện tử: chỉ hinh_thuc, co_quan và thoi_gian.",
            props(vec![
                (
                    "hinh_thuc",
                    json!({
                        "type": "string",
                        "enum": HinhThucSao::ALL.iter().map(|h| h.slug()).collect::<Vec<_>>(),
                        "description": "Hình thức sao: sao-y (SAO Y, ký hiệu SY), sao-luc (SAO LỤC, SL), trich-sao (TRÍCH SAO, TrS). Ví dụ: \"sao-y\".",
                    }),
                ),
                (
                    "co_quan",
                    texts(
                        "Tên cơ quan sao: một chuỗi hoặc danh sách các dòng in ra. Ví dụ: [\"Văn phòng HĐND và UBND\", \"huyện Phong Thổ\"].",
                        text("Một dòng tên cơ quan sao."),
                        1,
                    ),
                ),
                (
                    "viet_tat",
                    text_matching(
                        "Tên viết tắt của cơ quan sao, trong ký hiệu bản sao (SY-VP). Ví dụ: \"VP\".",
                        &ky_hieu_pattern(),
                    ),
                ),
                (
                    "so",
                    json!({ "type": "integer", "minimum": 1, "maximum": So::MAX, "description": "Số bản sao (không bắt buộc). Ví dụ: 7." }),
                ),
                ("dia_danh", text("Địa danh nơi sao. Ví dụ: \"Phong Thổ\".")),
                (
                    "ngay",
                    json!({ "type": "string", "pattern": NGAY_PATTERN, "description": "Ngày sao, \"YYYY-MM-DD\". Ví dụ: \"2024-03-07\"." }),
                ),
                (
                    "thoi_gian",
                    json!({
                        "description": "Bản sao điện tử: thời điểm ký số của cơ quan sao, theo ISO 8601 (in theo giờ Việt Nam, +07:00), in ở góc trên bên phải trang đầu. Ví dụ: 2024-03-07T09:15:40+07:00.",
                        "type": "string",
                        "pattern": r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}",
                    }),
                ),
                ("nguoi_ky", {
                    let mut n = nguoi_ky.clone();
                    n["required"] = json!(["chuc_vu", "ho_ten"]);
                    n
                }),
                ("noi_nhan", noi_nhan.clone()),
            ]),
            &["hinh_thuc", "co_quan"],
        );
        let giay_keys: Vec<Value> = ["viet_tat", "so", "dia_danh", "ngay", "nguoi_ky", "noi_nhan"]
            .iter()
            .map(|k| json!({ "required": [k] }))
            .collect();
        t["anyOf"] = json!([
            {
                "required": ["thoi_gian"],
                "not": { "anyOf": giay_keys },
            },
            {
                "required": ["viet_tat", "dia_danh", "ngay", "nguoi_ky", "noi_nhan"],
                "not": { "required": ["thoi_gian"] },
            },
        ]);
        t
    };
    let ten_line = text("Một dòng tên cơ quan, ví dụ: \"huyện Phong Thổ\".");
    let luu_item = text("Một nơi lưu, ví dụ: \"VT\".");

    let co_quan = table(
        "Cơ quan, tổ chức ban hành văn bản (ô 2). Ví dụ:\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]\nviet_tat = \"UBND\"",
        props(vec![
            (
                "chu_quan",
                texts(
                    "Cơ quan chủ quản trực tiếp (nếu có): một chuỗi hoặc một danh sách, mỗi mục một dòng; in hoa, chữ đứng, phía trên tên cơ quan. Ví dụ: \"Ủy ban nhân dân tỉnh Lai Châu\".",
                    text("Một dòng tên cơ quan chủ quản."),
                    0,
                ),
            ),
            (
                "ten",
                texts(
                    "Tên cơ quan ban hành: một chuỗi hoặc danh sách các dòng in ra; gõ như trong câu văn, chương trình in hoa, in đậm và kẻ đường dưới. Ví dụ: [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"].",
                    ten_line,
                    1,
                ),
            ),
            (
                "viet_tat",
                text_matching(
                    "Tên viết tắt của cơ quan, dùng trong ký hiệu văn bản (KH-UBND): chữ và số, không dấu cách, không \"/\". Ví dụ: \"UBND\".",
                    &ky_hieu_pattern(),
                ),
            ),
            (
                "dia_chi",
                text(
                    "Địa chỉ trụ sở (ô 13, không bắt buộc), in ở cuối trang đầu dưới một đường kẻ suốt khổ. Ví dụ: \"Khu 5, thị trấn Phong Thổ, tỉnh Lai Châu\".",
                ),
            ),
            (
                "dien_thoai",
                text("Số điện thoại (ô 13, không bắt buộc), in \"ĐT: …\". Ví dụ: \"0213 3894 201\"."),
            ),
            ("fax", text("Số fax (ô 13, không bắt buộc). Ví dụ: \"0213 3894 202\".")),
            (
                "email",
                text(
                    "Thư điện tử (ô 13, không bắt buộc), in \"E-mail: …\". Ví dụ: \"ubnd@phongtho.gov.vn\".",
                ),
            ),
            (
                "website",
                text("Trang thông tin điện tử (ô 13, không bắt buộc). Ví dụ: \"phongtho.laichau.gov.vn\"."),
            ),
        ]),
        &["ten", "viet_tat"],
    );

    let nguoi_ky = table(
        "Người ký (ô 7). Ví dụ:\n[nguoi_ky]\nquyen_han = [\"TM. Ủy ban nhân dân\"]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Trần Bảo Trung\"",
        props(vec![
            (
                "quyen_han",
                texts(
                    &format!(
                        "Thẩm quyền ký (Điều 13), mỗi dòng bắt đầu bằng một tiền tố viết hoa có dấu chấm: {}; theo thứ tự in. Ví dụ: [\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"].",
                        TienTo::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                    text_matching("Một dòng thẩm quyền, ví dụ: \"KT. Chủ tịch\".", &quyen_han_pattern()),
                    0,
                ),
            ),
            (
                "chuc_vu",
                text(
                    "Chức vụ của người ký, in hoa đậm dưới các dòng thẩm quyền (biên bản: không bắt buộc, mặc định \"Chủ tọa\"). Ví dụ: \"Phó Chủ tịch\".",
                ),
            ),
            ("ho_ten", text("Họ và tên người ký, in đậm dưới chỗ ký. Ví dụ: \"Nguyễn Văn A\".")),
        ]),
        &["ho_ten"],
    );

    let noi_nhan = table(
        "Nơi nhận (ô 9b). Không gõ dấu \";\" hay \".\" cuối dòng: chương trình tự thêm. Ví dụ:\n[noi_nhan]\ngui = [\"Như trên\", \"TT Huyện ủy\"]\nluu = [\"VT\", \"NV\"]",
        props(vec![
            (
                "gui",
                texts(
                    "Các nơi nhận, mỗi mục một dòng \"- …;\". Văn bản có Kính gửi thì mục đầu là \"Như trên\". Ví dụ: [\"Như trên\", \"Lãnh đạo UBND huyện\"].",
                    text("Một nơi nhận, ví dụ: \"TT HĐND huyện\"."),
                    0,
                ),
            ),
            (
                "luu",
                texts(
                    "Nơi lưu văn bản, in thành dòng cuối \"- Lưu: VT, NV.\"; không được để trống. Ví dụ: [\"VT\", \"NV\"].",
                    luu_item,
                    1,
                ),
            ),
            (
                "nguoi_soan_thao",
                text(
                    "Ký hiệu người soạn thảo (ô 12, không bắt buộc): chữ viết tắt họ tên, in \"PL.\" ở góc dưới bên phải phần nơi nhận. Ví dụ: \"PL\".",
                ),
            ),
            (
                "so_ban",
                json!({
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100_000,
                    "description": "Số lượng bản phát hành (ô 12, không bắt buộc), in \"PL.(300)\". Ví dụ: 300.",
                }),
            ),
        ]),
        &["luu"],
    );

    let anh = |description: &str| {
        let mut v = text_matching(description, ANH_PATTERN);
        v["not"] = json!({ "pattern": ANH_CAM });
        v
    };
    let mut ky_so = table(
        "Văn bản điện tử: ảnh chữ ký của người ký và ảnh con dấu của cơ quan (Phụ lục I, II.7.d và II.8). Đường dẫn tương đối, tính từ thư mục chứa tệp văn bản. Ví dụ:\n[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"dau.png\"",
        props(vec![
            (
                "chu_ky",
                anh("Ảnh chữ ký (PNG nền trong suốt), đặt giữa chức vụ và họ tên. Ví dụ: \"chu-ky.png\"."),
            ),
            (
                "dau",
                anh(
                    "Ảnh con dấu (PNG nền trong suốt), trùm lên khoảng 1/3 chữ ký về bên trái. Ví dụ: \"dau.png\".",
                ),
            ),
            (
                "dau_mm",
                json!({
                    "type": "number",
                    "minimum": dau_min,
                    "maximum": dau_max,
                    "description": format!("Đường kính con dấu, tính bằng milimét, từ {dau_min} đến {dau_max}; bỏ trống thì lấy theo độ phân giải của ảnh. Cần có khóa dau. Ví dụ: 36."),
                }),
            ),
            (
                "thoi_gian",
                json!({
                    "description": "Thời điểm ký số, theo ISO 8601 (in theo giờ Việt Nam, +07:00); cần khi có phụ lục hoặc văn bản kèm theo ở tệp riêng (tep_rieng = true), in trong khung ở góc trên bên phải trang đầu của tệp đó. Ví dụ: 2020-03-05T14:30:15+07:00.",
                    "type": "string",
                    "pattern": r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}",
                }),
            ),
        ]),
        &["chu_ky"],
    );
    ky_so["dependencies"] = json!({ "dau_mm": ["dau"] });

    let co_chu: Vec<u8> = [CoChu::Nho, CoChu::Lon].iter().map(|c| c.quoc_hieu()).collect();
    let ban_sao_t = ban_sao(&nguoi_ky, &noi_nhan);
    let properties = props(vec![
        (
            "loai",
            json!({
                "type": "string",
                "enum": slugs,
                "description": format!(
                    "Loại văn bản (Điều 7): quyết định mẫu trình bày, tên loại in ra và chữ viết tắt trong ký hiệu. Ví dụ: \"ke-hoach\". Các loại: {}.",
                    loai_list.join(", ")
                ),
            }),
        ),
        (
            "so",
            json!({
                "type": "integer",
                "minimum": 1,
                "maximum": So::MAX,
                "description": "Số văn bản, do văn thư ghi khi đăng ký; số dưới 10 in thêm số 0 (05). Bỏ khóa này thì in \"Số:      /KH-UBND\" để điền tay. Ví dụ: 5.",
            }),
        ),
        (
            "ky_hieu",
            text_matching(
                "Ký hiệu văn bản, chỉ ghi khi cần khác ký hiệu chương trình tự lập: <tên loại viết tắt>-<co_quan.viet_tat> (KH-UBND); công văn: <co_quan.viet_tat>-<don_vi_soan_thao> (UBND-NV). Các nhóm chữ nối bằng \"-\", không dấu cách. Ví dụ: \"KH-UBND\".",
                &ky_hieu_pattern(),
            ),
        ),
        (
            "co_chu_quoc_hieu",
            json!({
                "type": "integer",
                "enum": co_chu,
                "description": "Cỡ chữ Quốc hiệu: 12 (Tiêu ngữ và dòng ngày tháng cỡ 13, mặc định) hoặc 13 (Tiêu ngữ và ngày tháng cỡ 14). Ví dụ: 13.",
            }),
        ),
        (
            "don_vi_soan_thao",
            text_matching(
                "Tên viết tắt của đơn vị soạn thảo; công văn lấy làm phần sau của ký hiệu (UBND-NV), nên bắt buộc với công văn khi không ghi ky_hieu. Ví dụ: \"NV\".",
                &ky_hieu_pattern(),
            ),
        ),
        (
            "dia_danh",
            text(
                "Địa danh nơi ban hành, in trước ngày tháng: \"Phong Thổ, ngày …\"; viết hoa chữ cái đầu mỗi âm tiết của tên riêng. Ví dụ: \"Phong Thổ\".",
            ),
        ),
        (
            "ngay",
            json!({
                "type": "string",
                "pattern": NGAY_PATTERN,
                "description": format!(
                    "Ngày ban hành: \"YYYY-MM-DD\", hoặc chưa đủ \"YYYY-MM\", \"YYYY\" (văn thư điền phần còn thiếu khi ký; in để trống); cũng nhận ngày TOML không ngoặc kép (2024-03-05). Năm từ {} đến {}. Chương trình tự in \"ngày 05 tháng 01 năm 2025\": số 0 ở trước chỉ với ngày 1–9 và tháng 1, 2. Ví dụ: \"2024-03-05\".",
                    Ngay::NAM_NHO_NHAT,
                    Ngay::NAM_LON_NHAT
                ),
            }),
        ),
        (
            "trich_yeu",
            text(
                "Trích yếu nội dung. Công văn: in \"V/v …\" dưới số, ký hiệu (không gõ \"V/v\"), bắt buộc; văn bản có tên loại: in đậm dưới tên loại. Ví dụ: \"Triển khai phong trào thi đua năm 2024\".",
            ),
        ),
        (
            "kinh_gui",
            texts(
                &format!(
                    "Nơi nhận ở phần Kính gửi: một chuỗi (in \"Kính gửi: X.\") hoặc danh sách (mỗi mục một dòng \"- X;\"). Chỉ có ở {}; bắt buộc với công văn. Ví dụ: [\"Các cơ quan, đơn vị thuộc huyện\", \"UBND các xã, thị trấn\"].",
                    co_kinh_gui.join(", ")
                ),
                text("Một nơi nhận Kính gửi, ví dụ: \"Ủy ban nhân dân huyện Phong Thổ\"."),
                1,
            ),
        ),
        (
            "tham_quyen",
            texts(
                "Thẩm quyền ban hành (chỉ nghị quyết, quyết định, công điện): chức vụ người đứng đầu hoặc tên tập thể, cơ quan ban hành; một chuỗi, hoặc danh sách các dòng in ra; in hoa, đậm, giữa trang, dưới trích yếu (công điện: trước chữ \"điện:\"); bắt buộc với các loại này. Ví dụ: [\"Hội đồng nhân dân huyện Phong Thổ\", \"khóa XX, kỳ họp thứ 12\"].",
                text("Một dòng thẩm quyền ban hành, ví dụ: \"Chủ tịch Ủy ban nhân dân huyện Phong Thổ\"."),
                1,
            ),
        ),
        (
            "can_cu",
            texts(
                "Căn cứ ban hành (chỉ nghị quyết, quyết định), mỗi căn cứ một mục; in nghiêng, chương trình tự thêm \";\" sau mỗi căn cứ và \".\" sau căn cứ cuối; bắt buộc với các loại này. Ví dụ: [\"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015\"].",
                text(
                    "Một căn cứ, ví dụ: \"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015\".",
                ),
                1,
            ),
        ),
        (
            "theo_de_nghi",
            text(
                "Người hoặc cơ quan đề nghị (chỉ nghị quyết, quyết định, không bắt buộc), in \"Theo đề nghị của … .\" sau các căn cứ. Ví dụ: \"Trưởng phòng Nội vụ\".",
            ),
        ),
        (
            "dien",
            texts(
                "Nơi nhận công điện (chỉ công điện, bắt buộc), mỗi mục một dòng \"- …;\" dưới dòng \"… điện:\". Ví dụ: [\"Chủ tịch Ủy ban nhân dân các xã, thị trấn\"].",
                text("Một nơi nhận công điện, ví dụ: \"Ủy ban nhân dân các xã, thị trấn\"."),
                1,
            ),
        ),
        (
            "kinh_moi",
            texts(
                "Người, cơ quan được mời (chỉ giấy mời, bắt buộc): một chuỗi, hoặc danh sách mỗi nơi một dòng \"- …;\". Ví dụ: [\"Thủ trưởng các cơ quan, đơn vị thuộc UBND huyện\"].",
                text("Một người hoặc cơ quan được mời, ví dụ: \"Chủ tịch UBND các xã, thị trấn\"."),
                1,
            ),
        ),
        (
            "toi_du",
            text(
                "Tới dự (chỉ giấy mời, bắt buộc): tên hội nghị, cuộc họp. Ví dụ: \"Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024\".",
            ),
        ),
        (
            "chu_tri",
            text("Người chủ trì (chỉ giấy mời, không bắt buộc). Ví dụ: \"Đồng chí Chủ tịch UBND huyện\"."),
        ),
        (
            "thoi_gian",
            text(
                "Thời gian (chỉ giấy mời, bắt buộc), viết như sẽ in. Ví dụ: \"08 giờ 00, ngày 15 tháng 7 năm 2024\".",
            ),
        ),
        ("dia_diem", text("Địa điểm (chỉ giấy mời, bắt buộc). Ví dụ: \"Hội trường Ủy ban nhân dân huyện\".")),
        (
            "noi_dung",
            json!({
                "type": "string",
                "maxLength": limits::BODY_CHARS,
                "pattern": r"\S",
                "description": "Nội dung văn bản, viết bằng Markdown trong chuỗi nhiều dòng \"\"\"…\"\"\": đoạn văn; \"# I. …\" (mục), \"## 1. …\" (khoản), \"### 1.1. …\", \"- …\" (gạch đầu dòng); kết thúc bằng \"./.\". Tệp .md không có khóa này: nội dung viết sau dòng +++ thứ hai. Ví dụ: \"\"\"\nCăn cứ …, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\n…./.\n\"\"\"",
            }),
        ),
        (
            "du_thao",
            json!({
                "description": format!("Dấu dự thảo trong khung phía trên Quốc hiệu: true in \"DỰ THẢO\", một số n (1–{DU_THAO_MAX}) in \"DỰ THẢO LẦN n\"; false hoặc bỏ khóa thì không in. Ví dụ: 2."),
                "anyOf": [
                    { "type": "boolean" },
                    { "type": "integer", "minimum": 1, "maximum": DU_THAO_MAX },
                ],
            }),
        ),
        (
            "do_mat",
            json!({
                "type": "string",
                "enum": DoMat::ALL.iter().map(|d| d.slug()).collect::<Vec<_>>(),
                "description": "Độ mật (ô 10a, không bắt buộc): mat (MẬT), toi-mat (TỐI MẬT), tuyet-mat (TUYỆT MẬT); in con dấu đỏ viền kép bên trái dưới số, ký hiệu. Ví dụ: \"mat\".",
            }),
        ),
        (
            "do_khan",
            json!({
                "type": "string",
                "enum": DoKhan::ALL.iter().map(|d| d.slug()).collect::<Vec<_>>(),
                "description": "Mức độ khẩn (ô 10b, không bắt buộc): khan (KHẨN, 20 × 8 mm), thuong-khan (THƯỢNG KHẨN, 40 × 8 mm), hoa-toc (HỎA TỐC, 30 × 8 mm); in khung đỏ bên trái dưới số, ký hiệu. Ví dụ: \"hoa-toc\".",
            }),
        ),
        (
            "pham_vi_luu_hanh",
            text(
                "Chỉ dẫn về phạm vi lưu hành (ô 11, không bắt buộc), in hoa, đậm, trong khung phía trên Quốc hiệu. Ví dụ: \"Xem xong trả lại\".",
            ),
        ),
        ("co_quan", co_quan),
        ("nguoi_ky", nguoi_ky),
        ("noi_nhan", noi_nhan),
        ("ky_so", ky_so),
        ("gioi_thieu", gioi_thieu),
        ("bien_ban", bien_ban),
        ("nghi_phep", nghi_phep),
        ("ban_sao", ban_sao_t),
        (
            "kem_theo",
            table(
                "Văn bản được ban hành (phê duyệt) kèm theo quyết định, nghị quyết (Mẫu 1.3; không bắt buộc): in từ trang mới, phần đầu không có số, tên loại, trích yếu và dòng \"(Kèm theo Quyết định số … ngày … của …)\". Ví dụ:\n[kem_theo]\nloai = \"quy-che\"\ntrich_yeu = \"Làm việc của Ban Chỉ đạo\"\nnoi_dung = \"\"\"\n# Chương I. QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n…\n\"\"\"",
                props(vec![
                    (
                        "loai",
                        json!({
                            "type": "string",
                            "enum": supported().iter().filter(|l| l.mau() == MauVanBan::Mau1_4).map(|l| l.slug()).collect::<Vec<_>>(),
                            "description": "Loại văn bản được ban hành kèm theo. Ví dụ: \"quy-che\".",
                        }),
                    ),
                    (
                        "trich_yeu",
                        text(
                            "Trích yếu, in đậm dưới tên loại. Ví dụ: \"Làm việc của Ban Chỉ đạo phong trào thi đua\".",
                        ),
                    ),
                    (
                        "noi_dung",
                        json!({
                            "type": "string",
                            "pattern": r"\S",
                            "description": "Nội dung, Markdown như nội dung văn bản; \"# Chương I. …\" in thành hai dòng giữa trang. Ví dụ: \"\"\"\nĐiều 1. Phạm vi điều chỉnh\n\"\"\"",
                        }),
                    ),
                    (
                        "tep_rieng",
                        json!({ "type": "boolean", "description": "Văn bản điện tử: ban hành thành tệp riêng (<tên tệp>.kem-theo.pdf bên cạnh PDF của văn bản), góc trên bên phải trang đầu in số, ký hiệu và thời điểm ký số; cần [ky_so] thoi_gian và số văn bản. Ví dụ: true." }),
                    ),
                ]),
                &["loai", "trich_yeu", "noi_dung"],
            ),
        ),
        (
            "phu_luc",
            json!({
                "type": "array",
                "maxItems": limits::LIST_ITEMS,
                "description": "Các phụ lục kèm theo văn bản, trong cùng tệp (Mẫu 2.1) hoặc, với văn bản điện tử, ở tệp riêng (Mẫu 2.2, tep_rieng = true); không bắt buộc: mỗi phụ lục một bảng [[phu_luc]], in từ trang mới, \"Phụ lục\" (từ hai phụ lục: \"Phụ lục I\", \"Phụ lục II\", …), tên in hoa, dòng \"(Kèm theo … số … ngày … của …)\", đánh số trang riêng. Ví dụ:\n[[phu_luc]]\nten = \"Thành phần đoàn kiểm tra\"\nnoi_dung = \"\"\"\n1. Ông Nguyễn Văn A, Trưởng đoàn.\n\"\"\"",
                "items": table(
                    "Một phụ lục. Ví dụ: ten = \"Lịch kiểm tra\", ngang = true, noi_dung = \"\"\"…\"\"\".",
                    props(vec![
                        ("ten", text("Tên phụ lục, in hoa, đậm. Ví dụ: \"Thành phần đoàn kiểm tra\".")),
                        (
                            "noi_dung",
                            json!({
                                "type": "string",
                                "pattern": r"\S",
                                "description": "Nội dung phụ lục, Markdown như nội dung văn bản. Ví dụ: \"\"\"\n1. Ông Nguyễn Văn A, Trưởng đoàn.\n\"\"\"",
                            }),
                        ),
                        (
                            "ngang",
                            json!({ "type": "boolean", "description": "Trang nằm ngang (không bắt buộc). Ví dụ: true." }),
                        ),
                        (
                            "tep_rieng",
                            json!({ "type": "boolean", "description": "Văn bản điện tử: ban hành thành tệp riêng (<tên tệp>.phu-luc-II.pdf bên cạnh PDF của văn bản), góc trên bên phải trang đầu in số, ký hiệu và thời điểm ký số; cần [ky_so] thoi_gian và số văn bản. Ví dụ: true." }),
                        ),
                    ]),
                    &["ten", "noi_dung"],
                ),
            }),
        ),
    ]);

    let loai_la =
        |values: Vec<&str>| json!({ "properties": { "loai": { "enum": values } }, "required": ["loai"] });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Văn bản hành chính (vanban, Nghị định 30/2020/NĐ-CP)",
        "description": format!(
            "Tệp văn bản hành chính mà lệnh render chuyển thành PDF theo Nghị định 30/2020/NĐ-CP. Lược đồ này mô tả dạng TOML (.toml); với tệp Markdown (.md), phần thông tin giữa hai dòng +++ có cùng các khóa, trừ noi_dung: nội dung viết sau dòng +++ thứ hai.\nCách dùng: render schema > vanban.schema.json, rồi ghi dòng đầu tiên của tệp .toml là:\n#:schema ./vanban.schema.json\n(taplo / Even Better TOML), hoặc trong .taplo.toml: [schema] path = \"./vanban.schema.json\". Lược đồ của phiên bản {}; lệnh render check vẫn là phép kiểm tra đầy đủ.",
            env!("CARGO_PKG_VERSION")
        ),
        "type": "object",
        "properties": properties,
        "required": ["loai", "ngay", "noi_dung", "co_quan", "nguoi_ky", "noi_nhan"],
        "additionalProperties": false,
        "allOf": [
            {
                "if": loai_la(vec![LoaiVanBan::CongVan.slug()]),
                "then": { "required": ["trich_yeu", "kinh_gui"] },
            },
            {
                "if": loai_la(khong_viet_tat),
                "then": { "anyOf": [{ "required": ["don_vi_soan_thao"] }, { "required": ["ky_hieu"] }] },
            },
            {
                "if": loai_la(vec![bb]),
                "then": { "required": ["bien_ban"], "not": { "required": ["dia_danh"] } },
            },
            {
                "if": loai_la(khong_bb),
                "then": {
                    "required": ["dia_danh"],
                    "properties": { "nguoi_ky": { "required": ["chuc_vu"] } },
                    "not": { "required": ["bien_ban"] },
                },
            },
            {
                "if": loai_la(khong_dieu.clone()),
                "then": { "not": { "required": ["kem_theo"] } },
            },
            {
                "if": { "required": ["ban_sao"] },
                "then": { "not": { "required": ["du_thao"] } },
            },
            {
                "if": loai_la(vec![gnp]),
                "then": { "required": ["nghi_phep"], "not": { "required": ["trich_yeu"] } },
            },
            {
                "if": loai_la(khong_gnp),
                "then": { "not": { "required": ["nghi_phep"] } },
            },
            {
                "if": loai_la(khong_kinh_gui),
                "then": { "not": { "required": ["kinh_gui"] } },
            },
            {
                "if": loai_la(co_dieu),
                "then": { "required": ["trich_yeu", "tham_quyen", "can_cu"] },
            },
            {
                "if": loai_la(khong_dieu),
                "then": {
                    "not": { "anyOf": [{ "required": ["can_cu"] }, { "required": ["theo_de_nghi"] }] },
                },
            },
            {
                "if": loai_la(khong_tham_quyen),
                "then": { "not": { "required": ["tham_quyen"] } },
            },
            {
                "if": loai_la(vec![cong_dien]),
                "then": { "required": ["trich_yeu", "tham_quyen", "dien"] },
            },
            {
                "if": loai_la(vec![ggt]),
                "then": { "required": ["gioi_thieu"], "not": { "required": ["trich_yeu"] } },
            },
            {
                "if": loai_la(khong_ggt),
                "then": { "not": { "required": ["gioi_thieu"] } },
            },
            {
                "if": loai_la(vec![giay_moi]),
                "then": { "required": ["kinh_moi", "toi_du", "thoi_gian", "dia_diem"] },
            },
            {
                "if": loai_la(khong_giay_moi),
                "then": {
                    "not": {
                        "anyOf": [
                            { "required": ["kinh_moi"] },
                            { "required": ["toi_du"] },
                            { "required": ["chu_tri"] },
                            { "required": ["thoi_gian"] },
                            { "required": ["dia_diem"] },
                        ],
                    },
                },
            },
            {
                "if": loai_la(khong_dien),
                "then": { "not": { "required": ["dien"] } },
            },
        ],
    })
}

#[cfg(test)]
mod tests {
    //! The patterns against the reader's own checks.

    use regex::Regex;
    use vanban_core::{Anh, KyHieu, QuyenHan, ValueError, VietTat};

    use super::*;

    #[test]
    fn ngay_pattern_accepts_the_years_and_shapes_the_reader_accepts() {
        let re = Regex::new(NGAY_PATTERN).unwrap();
        for year in 1000..=9999 {
            for s in
                [format!("{year}"), format!("{year}-03"), format!("{year}-12-31"), format!(" {year}-02-01 ")]
            {
                assert_eq!(re.is_match(&s), Ngay::parse(&s).is_ok(), "{s}");
            }
        }
        for s in [
            "2024-3",
            "2024-13",
            "2024-00",
            "2024-03-5",
            "2024-03-32",
            "2024/03/05",
            "24",
            "2024-03-05T10:00",
            "２０２４",
        ] {
            assert!(!re.is_match(s), "{s}");
            assert!(Ngay::parse(s).is_err(), "{s}");
        }
        // A day the calendar lacks has the right shape: only the reader refuses it.
        assert!(re.is_match("2023-02-30"));
        assert!(matches!(Ngay::parse("2023-02-30"), Err(ValueError::NgayKhongCo(_))));
    }

    #[test]
    fn ky_hieu_pattern_is_the_readers_rule() {
        let re = Regex::new(&ky_hieu_pattern()).unwrap();
        for s in [
            "KH-UBND",
            "UBND-NV",
            "QĐ-BNV",
            "QyĐ-UBND",
            "TC-KH",
            "TTr-SNV",
            "A&B",
            "BCĐ.389",
            " UBND ",
            "UB ND",
            "QĐ/BNV",
            "QĐ--BNV",
            "-UBND",
            "UBND-",
            "UB_ND",
            "UB,ND",
            "UB;ND",
            "UB(ND)",
            "UBND:",
            "UB+ND",
            "UB#ND",
            "UB\\ND",
            "UB'ND",
            "UB\"ND",
            "UB@ND",
            "UB|ND",
            "UB~ND",
            "UB`ND",
            "UB^ND",
            "UB[ND]",
            "UB{ND}",
            "UB=ND",
            "UB?ND",
        ] {
            let reader = KyHieu::new(s).is_ok();
            assert_eq!(re.is_match(s), reader, "{s}");
            assert_eq!(VietTat::new(s).is_ok(), reader, "{s}");
        }
    }

    #[test]
    fn quyen_han_pattern_is_the_readers_rule() {
        let re = Regex::new(&quyen_han_pattern()).unwrap();
        for s in [
            "TM. Ủy ban nhân dân",
            "KT. Chủ tịch",
            "KT.Chủ tịch",
            "TL. Bộ trưởng",
            "TUQ. Chủ tịch",
            "Q. Giám đốc",
            "  TM. Ủy ban",
            "TM Ủy ban",
            "tm. Ủy ban",
            "T.M. Ủy ban",
            "Thay mặt Ủy ban",
            "TM.",
            "KT.   ",
            "Giám đốc",
        ] {
            assert_eq!(re.is_match(s), s.parse::<QuyenHan>().is_ok(), "{s}");
        }
    }

    #[test]
    fn image_pattern_is_the_readers_rule() {
        let ok = Regex::new(ANH_PATTERN).unwrap();
        let cam = Regex::new(ANH_CAM).unwrap();
        for s in [
            "chu-ky.png",
            "anh/dau.PNG",
            "anh\\dau.png",
            "a..b.png",
            "/etc/dau.png",
            "\\\\server\\dau.png",
            "C:\\dau.png",
            "~/dau.png",
            "../dau.png",
            "anh/../../dau.png",
            "a\\..\\b.png",
            "dau.jpg",
            "dau",
        ] {
            assert_eq!(ok.is_match(s) && !cam.is_match(s), Anh::new(s).is_ok(), "{s}");
        }
    }
}
