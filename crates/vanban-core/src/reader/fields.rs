//! The TOML fields of a document, checked key by key; every problem is collected.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::markdown;
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex};
use crate::{
    Anh, CoChu, CoQuan, CongVan, Dau, DuThao, KinhGui, KyHieu, KySo, LoaiVanBan, Mau, MauVanBan, Ngay,
    NguoiKy, NoiDung, NoiNhan, QuyenHan, So, SoHieu, TrichYeu, VanBan, VanBanCoTenLoai, VietTat,
};

const TOP: &[&str] = &[
    "loai",
    "so",
    "ky_hieu",
    "co_chu_quoc_hieu",
    "don_vi_soan_thao",
    "dia_danh",
    "ngay",
    "trich_yeu",
    "kinh_gui",
    "noi_dung",
    "du_thao",
    "co_quan",
    "nguoi_ky",
    "noi_nhan",
    "ky_so",
];
const CO_QUAN: &[&str] = &["chu_quan", "ten", "viet_tat"];
const NGUOI_KY: &[&str] = &["quyen_han", "chuc_vu", "ho_ten"];
const NOI_NHAN: &[&str] = &["gui", "luu"];
const KY_SO: &[&str] = &["chu_ky", "dau", "dau_mm"];

type Value<'i> = Spanned<DeValue<'i>>;

/// Collects diagnostics with positions in the whole file.
struct Ctx<'a> {
    index: &'a LineIndex<'a>,
    /// Where the TOML text starts in the file.
    offset: usize,
    diags: Vec<Diagnostic>,
    /// Keys offered as the likely meaning of a misspelt key: not reported missing as well.
    suggested: Vec<String>,
}

impl Ctx<'_> {
    fn at(&mut self, span: &Range<usize>, key: &str, message: impl Into<String>, hint: Option<String>) {
        let mut d = Diagnostic::new(message).with_key(key);
        d.hint = hint;
        self.diags.push(self.index.place(d, self.offset + span.start));
    }

    fn missing(&mut self, table: Option<&Range<usize>>, key: &str, example: &str) {
        if self.suggested.iter().any(|k| k == key) {
            return;
        }
        let d = Diagnostic::new(format!("thiếu khóa bắt buộc “{key}”"))
            .with_key(key)
            .with_hint(format!("thêm một dòng như: {example}"));
        let mut d = match table {
            Some(span) => self.index.place(d, self.offset + span.start),
            None => self.index.place(d, self.offset),
        };
        if table.is_none() {
            // Missing from the whole file: no line of the file is at fault.
            d.line = None;
            d.column = None;
            d.source_line = None;
        }
        self.diags.push(d);
    }

    /// A text value: NFC, trimmed, not empty, printable.
    fn text(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => match crate::text::van_ban(s) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.at(&v.span(), key, e.to_string(), None);
                    None
                }
            },
            other => {
                self.at(
                    &v.span(),
                    key,
                    format!("phải là chuỗi văn bản trong dấu ngoặc kép, không phải {}", kind(other)),
                    Some(format!("{} = \"…\"", leaf(key))),
                );
                None
            }
        }
    }

    /// A text or a list of texts.
    fn texts(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        match v.get_ref() {
            DeValue::String(_) => self.text(v, key).map(|t| vec![(t, v.span())]),
            DeValue::Array(items) if items.len() > crate::limits::LIST_ITEMS => {
                self.at(
                    &v.span(),
                    key,
                    format!(
                        "danh sách có {} mục, quá giới hạn {} mục",
                        items.len(),
                        crate::limits::LIST_ITEMS
                    ),
                    Some(
                        "gộp các mục cùng loại (ví dụ “Các xã, thị trấn”) hoặc đưa danh sách vào phụ lục"
                            .into(),
                    ),
                );
                None
            }
            DeValue::Array(items) => {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.text(item, &format!("{key}[{i}]")) {
                        Some(t) => out.push((t, item.span())),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            other => {
                self.at(
                    &v.span(),
                    key,
                    format!("phải là chuỗi văn bản hoặc danh sách chuỗi, không phải {}", kind(other)),
                    Some(format!("{} = [\"…\", \"…\"]", leaf(key))),
                );
                None
            }
        }
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], prefix: &str) {
        for (k, _) in table.iter() {
            let name = k.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let path = format!("{prefix}{}", crate::text::ngan(name));
            let hint = match closest(name, known) {
                Some(c) => {
                    self.suggested.push(format!("{prefix}{c}"));
                    format!("có phải ý bạn là “{c}”?")
                }
                None => format!("các khóa dùng được ở đây: {}", known.join(", ")),
            };
            self.at(
                &k.span(),
                &path,
                format!("khóa “{}” không có trong mẫu văn bản", crate::text::ngan(name)),
                Some(hint),
            );
        }
    }
}

fn leaf(key: &str) -> &str {
    let key = key.rsplit('.').next().unwrap_or(key);
    key.split('[').next().unwrap_or(key)
}

fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "chuỗi văn bản",
        DeValue::Integer(_) => "số nguyên",
        DeValue::Float(_) => "số thập phân",
        DeValue::Boolean(_) => "giá trị đúng/sai",
        DeValue::Datetime(_) => "ngày giờ",
        DeValue::Array(_) => "danh sách",
        DeValue::Table(_) => "bảng",
    }
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub(crate) fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Value<'i>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

fn integer(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

/// A required sub-table such as `[co_quan]`: its entries and span, or a diagnostic if it is
/// missing (`example` shows what to add) or holds something else.
fn sub_table<'t, 'i>(
    ctx: &mut Ctx<'_>,
    top: &'t DeTable<'i>,
    key: &str,
    known: &[&str],
    example: &str,
) -> Option<(&'t DeTable<'i>, Range<usize>)> {
    let Some(v) = get(top, key) else {
        ctx.missing(None, key, example);
        return None;
    };
    match v.get_ref() {
        DeValue::Table(t) => {
            ctx.unknown_keys(t, known, &format!("{key}."));
            Some((t, v.span()))
        }
        other => {
            ctx.at(
                &v.span(),
                key,
                format!("phải là một bảng [{key}], không phải {}", kind(other)),
                Some(format!("viết thành một phần riêng bắt đầu bằng dòng [{key}]")),
            );
            None
        }
    }
}

/// Reads the fields in `toml_text` (which starts at byte `offset` of the file) and the body,
/// either the `.md` body given or the `noi_dung` key.
pub(super) fn read(
    toml_text: &str,
    offset: usize,
    md_body: Option<(&str, usize)>,
    index: &LineIndex<'_>,
) -> Result<VanBan, Diagnostics> {
    let mut ctx = Ctx { index, offset, diags: Vec::new(), suggested: Vec::new() };
    let (table, errors) = DeTable::parse_recoverable(toml_text);
    if !errors.is_empty() {
        for e in errors {
            let d = Diagnostic::new(format!("lỗi cú pháp TOML: {}", e.message().trim_end_matches('.')))
                .with_hint("kiểm tra dấu ngoặc kép, dấu bằng và dấu ngoặc vuông trên dòng này");
            let at = e.span().map(|s| s.start).unwrap_or(0);
            ctx.diags.push(index.place(d, offset + at));
        }
        return Err(Diagnostics(ctx.diags));
    }
    let top = table.get_ref();
    ctx.unknown_keys(top, TOP, "");

    // loai
    let loai = match get(top, "loai") {
        None => {
            ctx.missing(None, "loai", "loai = \"cong-van\"");
            None
        }
        Some(v) => ctx.text(v, "loai").and_then(|slug| match LoaiVanBan::from_slug(&slug) {
            Some(l) if l.mau() == MauVanBan::Rieng => {
                ctx.at(
                    &v.span(),
                    "loai",
                    format!(
                        "loại “{slug}” ({}) có mẫu trình bày riêng mà phiên bản này chưa hỗ trợ",
                        l.ten_loai().to_lowercase()
                    ),
                    Some(format!("các loại được hỗ trợ: {}", supported().join(", "))),
                );
                None
            }
            Some(l) => Some(l),
            None => {
                let slugs: Vec<&str> = LoaiVanBan::ALL.iter().map(|l| l.slug()).collect();
                let hint = match closest(&slug, &slugs) {
                    Some(c) => format!("có phải ý bạn là “{c}”?"),
                    None => format!("các loại được hỗ trợ: {}", supported().join(", ")),
                };
                let shown = crate::text::ngan(&slug);
                ctx.at(&v.span(), "loai", format!("không có loại văn bản “{shown}”"), Some(hint));
                None
            }
        }),
    };

    // so, ky_hieu, don_vi_soan_thao
    let so = get(top, "so").and_then(|v| match v.get_ref() {
        DeValue::Integer(_) => match integer(v.get_ref()).map(So::new) {
            Some(Ok(so)) => Some(so),
            Some(Err(e)) => {
                ctx.at(
                    &v.span(),
                    "so",
                    e.to_string(),
                    Some("bỏ khóa so để văn thư điền số khi đăng ký".into()),
                );
                None
            }
            None => {
                ctx.at(&v.span(), "so", "số văn bản quá lớn", None);
                None
            }
        },
        other => {
            ctx.at(
                &v.span(),
                "so",
                format!("số văn bản phải là số nguyên, không phải {}", kind(other)),
                Some("so = 5 (không có dấu ngoặc kép; bỏ khóa này nếu chưa có số)".into()),
            );
            None
        }
    });
    let ky_hieu = get(top, "ky_hieu").and_then(|v| {
        let t = ctx.text(v, "ky_hieu")?;
        KyHieu::new(&t).map_err(|e| ctx.at(&v.span(), "ky_hieu", e.to_string(), None)).ok()
    });
    let don_vi = get(top, "don_vi_soan_thao").and_then(|v| {
        let t = ctx.text(v, "don_vi_soan_thao")?;
        VietTat::new(&t).map_err(|e| ctx.at(&v.span(), "don_vi_soan_thao", e.to_string(), None)).ok()
    });

    // dia_danh, ngay
    let dia_danh = match get(top, "dia_danh") {
        Some(v) => ctx.text(v, "dia_danh"),
        None => {
            ctx.missing(None, "dia_danh", "dia_danh = \"Phong Thổ\"");
            None
        }
    };
    let ngay = match get(top, "ngay") {
        None => {
            ctx.missing(None, "ngay", "ngay = \"2024-03-05\" (hoặc \"2024-03\", \"2024\")");
            None
        }
        Some(v) => {
            let r = match v.get_ref() {
                DeValue::String(s) => Ngay::parse(s).map_err(|e| e.to_string()),
                DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                    (Some(d), None, None) => {
                        Ngay::new(i32::from(d.year), Some(u32::from(d.month)), Some(u32::from(d.day)))
                            .map_err(|e| e.to_string())
                    }
                    _ => Err("ngày ban hành chỉ ghi ngày, không ghi giờ".to_owned()),
                },
                other => Err(format!(
                    "ngày phải là chuỗi \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\", không phải {}",
                    kind(other)
                )),
            };
            r.map_err(|m| {
                ctx.at(
                    &v.span(),
                    "ngay",
                    m,
                    Some("ngay = \"2024-03-05\"; chưa có ngày thì ghi \"2024-03\" hoặc \"2024\"".into()),
                )
            })
            .ok()
        }
    };

    let trich_yeu = get(top, "trich_yeu").and_then(|v| ctx.text(v, "trich_yeu")).map(TrichYeu);
    let kinh_gui_v = get(top, "kinh_gui");
    let kinh_gui = kinh_gui_v
        .and_then(|v| ctx.texts(v, "kinh_gui"))
        .map(|ts| KinhGui(ts.into_iter().map(|(t, _)| t).collect()));
    if let (Some(l), Some(v)) = (loai, kinh_gui_v)
        && !l.co_kinh_gui()
    {
        ctx.at(
            &v.span(),
            "kinh_gui",
            format!("{} không có phần Kính gửi", l.ten_loai().to_lowercase()),
            Some("chỉ công văn, tờ trình và báo cáo có Kính gửi; ghi nơi nhận vào [noi_nhan] gui".into()),
        );
    }

    let du_thao = get(top, "du_thao").and_then(|v| match v.get_ref() {
        DeValue::Boolean(b) => b.then_some(DuThao { lan: None }),
        DeValue::Integer(_) => match integer(v.get_ref()) {
            Some(n) if (1..=999).contains(&n) => Some(DuThao { lan: Some(n as u32) }),
            _ => {
                ctx.at(&v.span(), "du_thao", "lần dự thảo phải từ 1 đến 999", None);
                None
            }
        },
        other => {
            ctx.at(
                &v.span(),
                "du_thao",
                format!("phải là true/false hoặc số lần dự thảo, không phải {}", kind(other)),
                Some("du_thao = true, hoặc du_thao = 2".into()),
            );
            None
        }
    });

    let co_chu = match get(top, "co_chu_quoc_hieu") {
        None => CoChu::default(),
        Some(v) => match integer(v.get_ref()).and_then(CoChu::from_quoc_hieu) {
            Some(c) => c,
            None => {
                ctx.at(&v.span(), "co_chu_quoc_hieu", "cỡ chữ Quốc hiệu chỉ là 12 hoặc 13", Some("co_chu_quoc_hieu = 12 (Tiêu ngữ và ngày tháng 13) hoặc 13 (Tiêu ngữ và ngày tháng 14)".into()));
                CoChu::default()
            }
        },
    };

    // [co_quan]
    let co_quan = match sub_table(
        &mut ctx,
        top,
        "co_quan",
        CO_QUAN,
        "[co_quan] với ten = \"Ủy ban nhân dân\" và viet_tat = \"UBND\"",
    ) {
        None => None,
        Some((t, span)) => {
            let chu_quan =
                get(t, "chu_quan").and_then(|v| ctx.texts(v, "co_quan.chu_quan")).unwrap_or_default();
            let ten = match get(t, "ten") {
                Some(v) => ctx.texts(v, "co_quan.ten").filter(|l| !l.is_empty()),
                None => {
                    ctx.missing(
                        Some(&span),
                        "co_quan.ten",
                        "ten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]",
                    );
                    None
                }
            };
            let viet_tat = match get(t, "viet_tat") {
                Some(v) => ctx.text(v, "co_quan.viet_tat").and_then(|s| {
                    VietTat::new(&s)
                        .map_err(|e| ctx.at(&v.span(), "co_quan.viet_tat", e.to_string(), None))
                        .ok()
                }),
                None => {
                    ctx.missing(Some(&span), "co_quan.viet_tat", "viet_tat = \"UBND\"");
                    None
                }
            };
            match (ten, viet_tat) {
                (Some(ten), Some(viet_tat)) => Some(CoQuan {
                    chu_quan: chu_quan.into_iter().map(|(t, _)| t).collect(),
                    ten: ten.into_iter().map(|(t, _)| t).collect(),
                    viet_tat,
                }),
                _ => None,
            }
        }
    };

    // [nguoi_ky]
    let nguoi_ky = match sub_table(
        &mut ctx,
        top,
        "nguoi_ky",
        NGUOI_KY,
        "[nguoi_ky] với chuc_vu = \"Chủ tịch\" và ho_ten = \"Nguyễn Văn A\"",
    ) {
        None => None,
        Some((t, span)) => {
            let mut quyen_han = Some(Vec::new());
            if let Some(v) = get(t, "quyen_han") {
                match ctx.texts(v, "nguoi_ky.quyen_han") {
                    Some(lines) => {
                        for (i, (line, span)) in lines.into_iter().enumerate() {
                            match line.parse::<QuyenHan>() {
                                Ok(q) => {
                                    if let Some(list) = quyen_han.as_mut() {
                                        list.push(q);
                                    }
                                }
                                Err(e) => {
                                    ctx.at(&span, &format!("nguoi_ky.quyen_han[{i}]"), e.to_string(), Some("viết tiền tố bằng chữ in hoa, có dấu chấm: TM., KT., TL., TUQ., Q. (ví dụ \"TM. Ủy ban nhân dân\")".into()));
                                    quyen_han = None;
                                }
                            }
                        }
                    }
                    None => quyen_han = None,
                }
            }
            let chuc_vu = match get(t, "chuc_vu") {
                Some(v) => ctx.text(v, "nguoi_ky.chuc_vu"),
                None => {
                    ctx.missing(Some(&span), "nguoi_ky.chuc_vu", "chuc_vu = \"Chủ tịch\"");
                    None
                }
            };
            let ho_ten = match get(t, "ho_ten") {
                Some(v) => ctx.text(v, "nguoi_ky.ho_ten"),
                None => {
                    ctx.missing(Some(&span), "nguoi_ky.ho_ten", "ho_ten = \"Nguyễn Văn A\"");
                    None
                }
            };
            match (quyen_han, chuc_vu, ho_ten) {
                (Some(quyen_han), Some(chuc_vu), Some(ho_ten)) => {
                    Some(NguoiKy { quyen_han, chuc_vu, ho_ten })
                }
                _ => None,
            }
        }
    };

    // [noi_nhan]
    let noi_nhan = match sub_table(
        &mut ctx,
        top,
        "noi_nhan",
        NOI_NHAN,
        "[noi_nhan] với gui = [\"…\"] và luu = [\"VT\", \"…\"]",
    ) {
        None => None,
        Some((t, span)) => {
            let gui = get(t, "gui").and_then(|v| ctx.texts(v, "noi_nhan.gui")).unwrap_or_default();
            let luu = match get(t, "luu") {
                Some(v) => match ctx.texts(v, "noi_nhan.luu") {
                    Some(l) if l.is_empty() => {
                        ctx.at(
                            &v.span(),
                            "noi_nhan.luu",
                            "danh sách lưu không được để trống",
                            Some("luu = [\"VT\", \"NV\"]".into()),
                        );
                        None
                    }
                    other => other,
                },
                None => {
                    ctx.missing(Some(&span), "noi_nhan.luu", "luu = [\"VT\", \"NV\"]");
                    None
                }
            };
            luu.map(|luu| NoiNhan {
                gui: gui.into_iter().map(|(t, _)| t).collect(),
                luu: luu.into_iter().map(|(t, _)| t).collect(),
            })
        }
    };

    // The body.
    let noi_dung_v = get(top, "noi_dung");
    let noi_dung: Option<NoiDung> = match (md_body, noi_dung_v) {
        (Some(_), Some(v)) => {
            ctx.at(
                &v.span(),
                "noi_dung",
                "tệp Markdown đã có nội dung sau phần thông tin, không ghi thêm khóa noi_dung",
                Some("xóa khóa noi_dung, hoặc viết nội dung vào tệp .toml".into()),
            );
            None
        }
        (Some((body, start)), None) => body_of(&mut ctx, body, start, "nội dung"),
        (None, Some(v)) => match v.get_ref() {
            DeValue::String(s) => {
                let start = offset + content_start(toml_text, &v.span());
                body_of(&mut ctx, s, start, "noi_dung")
            }
            other => {
                ctx.at(
                    &v.span(),
                    "noi_dung",
                    format!("nội dung phải là chuỗi văn bản (Markdown), không phải {}", kind(other)),
                    Some("noi_dung = \"\"\"\n…\n\"\"\"".into()),
                );
                None
            }
        },
        (None, None) => {
            ctx.missing(None, "noi_dung", "noi_dung = \"\"\"…\"\"\" (hoặc viết nội dung vào tệp .md)");
            None
        }
    };

    let ky_so = ky_so(&mut ctx, top);

    // Template-specific requirements.
    if loai == Some(LoaiVanBan::CongVan) {
        if trich_yeu.is_none() && get(top, "trich_yeu").is_none() {
            ctx.missing(None, "trich_yeu", "trich_yeu = \"nâng bậc lương năm 2024\" (không ghi “V/v”)");
        }
        if kinh_gui.is_none() && kinh_gui_v.is_none() {
            ctx.missing(None, "kinh_gui", "kinh_gui = [\"Các cơ quan, đơn vị …\"]");
        }
        if ky_hieu.is_none()
            && don_vi.is_none()
            && get(top, "ky_hieu").is_none()
            && get(top, "don_vi_soan_thao").is_none()
        {
            ctx.missing(
                None,
                "don_vi_soan_thao",
                "don_vi_soan_thao = \"NV\" (ký hiệu công văn là <cơ quan>-<đơn vị soạn thảo>)",
            );
        }
    }
    if let (Some(v), Some(k)) = (kinh_gui_v, &kinh_gui)
        && k.0.is_empty()
    {
        ctx.at(&v.span(), "kinh_gui", "danh sách Kính gửi không được để trống", None);
    }

    if !ctx.diags.is_empty() {
        return Err(Diagnostics(ctx.diags));
    }
    // Every required part was read above; a `None` here means a diagnostic was recorded.
    let (
        Some(loai),
        Some(co_quan),
        Some(dia_danh),
        Some(ngay),
        Some(noi_dung),
        Some(nguoi_ky),
        Some(noi_nhan),
    ) = (loai, co_quan, dia_danh, ngay, noi_dung, nguoi_ky, noi_nhan)
    else {
        return Err(Diagnostics(vec![Diagnostic::new("văn bản thiếu thành phần bắt buộc")]));
    };
    let ky_hieu = match ky_hieu.or_else(|| KyHieu::derive(loai, &co_quan, don_vi.as_ref())) {
        Some(k) => k,
        None => {
            return Err(Diagnostics(vec![
                Diagnostic::new("không xác định được ký hiệu văn bản").with_key("ky_hieu"),
            ]));
        }
    };
    let mau = match loai {
        LoaiVanBan::CongVan => match (trich_yeu, kinh_gui) {
            (Some(trich_yeu), Some(kinh_gui)) => Mau::CongVan(CongVan { trich_yeu, kinh_gui }),
            _ => return Err(Diagnostics(vec![Diagnostic::new("công văn thiếu trích yếu hoặc Kính gửi")])),
        },
        loai => Mau::CoTenLoai(VanBanCoTenLoai { loai, trich_yeu, kinh_gui }),
    };
    Ok(VanBan {
        mau,
        co_quan,
        so_hieu: SoHieu { so, ky_hieu },
        dia_danh,
        ngay,
        noi_dung,
        nguoi_ky,
        noi_nhan,
        du_thao,
        co_chu,
        ky_so,
    })
}

/// The optional `[ky_so]` table: image paths, checked for shape; the seal's diameter.
fn ky_so(ctx: &mut Ctx<'_>, top: &DeTable<'_>) -> Option<KySo> {
    let v = get(top, "ky_so")?;
    let DeValue::Table(t) = v.get_ref() else {
        let hint = "[ky_so] với chu_ky = \"chu-ky.png\" và dau = \"dau.png\"";
        ctx.at(
            &v.span(),
            "ky_so",
            format!("phải là một bảng [ky_so], không phải {}", kind(v.get_ref())),
            Some(hint.into()),
        );
        return None;
    };
    ctx.unknown_keys(t, KY_SO, "ky_so.");
    let mut anh = |key: &str| {
        let v = get(t, key)?;
        let path = ctx.text(v, &format!("ky_so.{key}"))?;
        Anh::new(&path).map_err(|e| ctx.at(&v.span(), &format!("ky_so.{key}"), e.to_string(), None)).ok()
    };
    let chu_ky = anh("chu_ky");
    let dau = anh("dau");
    let (min, max) = Dau::DUONG_KINH_MM;
    let dau_mm = get(t, "dau_mm").and_then(|v| {
        let mm = match v.get_ref() {
            DeValue::Integer(_) => integer(v.get_ref()).map(|i| i as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match mm {
            Some(mm) if (min..=max).contains(&mm) => Some(mm),
            _ => {
                let msg = format!("đường kính con dấu phải là một số milimét từ {min} đến {max}");
                ctx.at(&v.span(), "ky_so.dau_mm", msg, Some("dau_mm = 36".into()));
                None
            }
        }
    });
    if get(t, "chu_ky").is_none() {
        ctx.missing(
            Some(&v.span()),
            "ky_so.chu_ky",
            "chu_ky = \"chu-ky.png\" (ảnh chữ ký, PNG nền trong suốt)",
        );
    }
    if get(t, "dau_mm").is_some() && get(t, "dau").is_none() {
        ctx.missing(Some(&v.span()), "ky_so.dau", "dau = \"dau.png\" (ảnh con dấu, PNG nền trong suốt)");
    }
    Some(KySo { chu_ky: chu_ky?, dau: dau.map(|anh| Dau { anh, duong_kinh_mm: dau_mm }) })
}

/// The slugs of the types this version lays out.
fn supported() -> Vec<&'static str> {
    LoaiVanBan::ALL.iter().filter(|l| l.mau() != MauVanBan::Rieng).map(|l| l.slug()).collect()
}

/// Where the content of a string value starts, relative to the TOML text: after the
/// opening quotes, and after the newline that may follow a `"""` or `'''`.
fn content_start(toml_text: &str, span: &Range<usize>) -> usize {
    let raw = toml_text.get(span.clone()).unwrap_or("");
    let delim = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
    let after = &raw[delim.min(raw.len())..];
    let newline = if after.starts_with("\r\n") {
        2
    } else if after.starts_with('\n') {
        1
    } else {
        0
    };
    span.start + delim + newline
}

fn body_of(ctx: &mut Ctx<'_>, body: &str, file_offset: usize, key: &str) -> Option<NoiDung> {
    let chars = body.chars().count();
    if chars > crate::limits::BODY_CHARS {
        let d = Diagnostic::new(format!(
            "nội dung dài {chars} ký tự, quá giới hạn {} ký tự",
            crate::limits::BODY_CHARS
        ))
        .with_key(key)
        .with_hint("tách văn bản, hoặc đưa phần dài vào phụ lục thành tệp riêng");
        ctx.diags.push(ctx.index.place(d, file_offset));
        return None;
    }
    match markdown::noi_dung(body) {
        Ok(n) if n.0.is_empty() => {
            let d = Diagnostic::new("văn bản chưa có nội dung")
                .with_key(key)
                .with_hint("viết nội dung văn bản (các đoạn văn, đề mục) bằng Markdown");
            ctx.diags.push(ctx.index.place(d, file_offset));
            None
        }
        Ok(n) => Some(n),
        Err(problems) => {
            for (at, d) in problems {
                let d = ctx.index.place(d.with_key(key), file_offset + at);
                ctx.diags.push(d);
            }
            None
        }
    }
}
