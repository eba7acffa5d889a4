//! `dau-cau-danh-sach`: vanban prints the punctuation of the lists it lays out itself (the
//! dash before each entry, `;` after it and `.` after the last, the `- Lưu: VT, NV.` line);
//! what an author types anyway is dropped by the reader so that it is never printed twice
//! (`- - Như trên;`, `Phòng TC-KH..`), and this rule says what was dropped, on the value.
//! A `Lưu: …` line typed among the recipients is read as the `luu` list.

use super::{DAU_CAU_DANH_SACH, Lint, Loi};
use crate::VanBan;
use crate::khoa::{self, Khoa};
use crate::kinh_gui::{muc_luu, tach_muc};
use crate::{ban_sao as bs, bien_ban as bb, noi_nhan as nn};

/// How vanban punctuates a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kieu {
    /// Entries printed `- X;` … `- Y.` (or `Label: X.` when there is one).
    Gach,
    /// Lines printed `X;` … `Y.`, without dashes (the căn cứ).
    Dong,
    /// One line printed `Label: X.`.
    Truong,
}

/// The values vanban punctuates: key, how, and what the value is called (Vietnamese,
/// English).
const DANH_SACH: &[(&[&Khoa], Kieu, &str, &str)] = &[
    (&[&khoa::KINH_GUI], Kieu::Gach, "Kính gửi", "the “Kính gửi” list"),
    (&[&khoa::NOI_NHAN, &nn::GUI], Kieu::Gach, "Nơi nhận", "the “Nơi nhận” list"),
    (&[&khoa::NOI_NHAN, &nn::LUU], Kieu::Gach, "Lưu", "the “Lưu” line"),
    (&[&khoa::KINH_MOI], Kieu::Gach, "kính mời", "the invitees"),
    (&[&khoa::DIEN], Kieu::Gach, "nơi nhận công điện", "the bodies telegraphed"),
    (&[&khoa::BIEN_BAN, &bb::THANH_PHAN], Kieu::Gach, "thành phần tham dự", "the attendees"),
    (&[&khoa::CAN_CU], Kieu::Dong, "căn cứ", "the legal bases"),
    (&[&khoa::THEO_DE_NGHI], Kieu::Truong, "Theo đề nghị của", "the “Theo đề nghị của” line"),
    (&[&khoa::TOI_DU], Kieu::Truong, "Tới dự", "the “Tới dự” line"),
    (&[&khoa::CHU_TRI], Kieu::Truong, "Chủ trì", "the “Chủ trì” line"),
    (&[&khoa::THOI_GIAN], Kieu::Truong, "Thời gian", "the “Thời gian” line"),
    (&[&khoa::DIA_DIEM], Kieu::Truong, "Địa điểm", "the “Địa điểm” line"),
    (&[&khoa::BIEN_BAN, &bb::BAT_DAU], Kieu::Truong, "Thời gian bắt đầu", "the “Thời gian bắt đầu” line"),
    (&[&khoa::BIEN_BAN, &bb::DIA_DIEM], Kieu::Truong, "Địa điểm", "the “Địa điểm” line"),
    (&[&khoa::BIEN_BAN, &bb::CHU_TRI], Kieu::Truong, "Chủ trì", "the “Chủ trì” line"),
    (&[&khoa::BIEN_BAN, &bb::THU_KY], Kieu::Truong, "Thư ký", "the “Thư ký” line"),
    (&[&khoa::BIEN_BAN, &bb::KET_THUC], Kieu::Truong, "kết thúc", "the closing line"),
    (
        &[&khoa::BAN_SAO, &bs::NOI_NHAN, &nn::GUI],
        Kieu::Gach,
        "Nơi nhận của bản sao",
        "the copy's “Nơi nhận” list",
    ),
    (&[&khoa::BAN_SAO, &bs::NOI_NHAN, &nn::LUU], Kieu::Gach, "Lưu của bản sao", "the copy's “Lưu” line"),
];

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    for &(parts, kieu, ten, ten_en) in DANH_SACH {
        let path = khoa::duong(parts);
        let path = path.as_str();
        let last = parts.last().map(|k| k.ten);
        let gach = kieu == Kieu::Gach;
        for (key, raw, span) in lint.vi_tri.cac_chuoi(path) {
            let Ok(text) = crate::text::van_ban(&raw) else { continue };
            let muc = tach_muc(&text, gach);
            if muc.noi_dung.is_empty() {
                continue;
            }
            let luu = if last == Some(nn::GUI.ten) { muc_luu(&text) } else { None };
            if let Some(places) = luu {
                let luu_list = if parts.first().is_some_and(|k| k.ten == khoa::BAN_SAO.ten) {
                    van_ban.ban_sao.as_ref().and_then(|b| match &b.dinh_dang {
                        crate::DinhDangSao::Giay { noi_nhan, .. } => Some(noi_nhan.luu.clone()),
                        _ => None,
                    })
                } else {
                    Some(van_ban.noi_nhan.luu.clone())
                };
                let luu_parts: Vec<&Khoa> =
                    parts.iter().map(|k| if k.ten == nn::GUI.ten { &nn::LUU } else { *k }).collect();
                let luu_key = khoa::duong(&luu_parts);
                let luu_toml = format!(
                    "{} = [{}]",
                    nn::LUU.ten,
                    luu_list
                        .unwrap_or_default()
                        .iter()
                        .map(|l| format!("\"{l}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let places = places.join(", ");
                let shown = crate::text::ngan(muc.noi_dung);
                lint.canh_bao_tai(
                    DAU_CAU_DANH_SACH,
                    &key,
                    Some(span.start),
                    Loi {
                        vi: format!(
                            "mục “{shown}” là dòng Lưu, dòng vanban tự in từ danh sách {luu_key}: đã chuyển “{places}” vào {luu_key}"
                        ),
                        en: format!(
                            "the entry “{shown}” is the “Lưu” line, which vanban prints itself from {luu_key}: “{places}” moved to {luu_key}"
                        ),
                        sua_vi: &format!("xóa mục này khỏi {path} và ghi {luu_toml}"),
                        sua_en: &format!("remove this entry from {path} and write {luu_toml}"),
                    },
                );
                continue;
            }
            // A “Lưu:” typed before the places of the luu list itself.
            // A label vanban prints itself, typed before the value: `Lưu:` in the luu list,
            // `Theo đề nghị của` before the proposer.
            let nhan: Option<(&str, String)> = if last == Some(nn::LUU.ten) {
                muc_luu(&text).map(|places| ("Lưu:", places.join(", ")))
            } else if path == khoa::THEO_DE_NGHI.ten {
                const THEO: &str = "theo đề nghị của ";
                match muc.noi_dung.get(..THEO.len()) {
                    Some(p) if p.to_lowercase() == THEO => {
                        Some(("Theo đề nghị của", muc.noi_dung[THEO.len()..].trim_start().to_owned()))
                    }
                    _ => None,
                }
            } else {
                None
            };
            let nhan_luu = nhan.is_some();
            if muc.dau.is_empty() && muc.cuoi.is_empty() && !nhan_luu {
                continue;
            }
            let dau = muc.dau.trim();
            let cuoi = muc.cuoi.trim();
            let mut parts_vi = Vec::new();
            let mut parts_en = Vec::new();
            if !dau.is_empty() {
                parts_vi.push(format!("“{dau}” ở đầu"));
                parts_en.push(format!("“{dau}” at the start"));
            }
            if let Some((label, _)) = &nhan {
                parts_vi.push(format!("chữ “{label}”"));
                parts_en.push(format!("the words “{label}”"));
            }
            if !cuoi.is_empty() {
                parts_vi.push(format!("“{cuoi}” ở cuối"));
                parts_en.push(format!("“{cuoi}” at the end"));
            }
            let written = match nhan {
                Some((_, rest)) => rest,
                None => muc.noi_dung.to_owned(),
            };
            let shown = crate::text::ngan(&written);
            // The finding stands on the first character dropped.
            let source = lint.vi_tri.source();
            let raw_at = source.get(span.clone()).unwrap_or("");
            let at = if !dau.is_empty() || nhan_luu {
                raw_at.find(|c: char| c != '"' && c != '\'' && !c.is_whitespace()).map(|i| span.start + i)
            } else {
                raw_at.rfind(cuoi).map(|i| span.start + i)
            };
            let what = match kieu {
                Kieu::Gach => {
                    ("dấu gạch đầu dòng, dấu “;” và dấu “.” của danh sách", "the list's dashes, “;” and “.”")
                }
                Kieu::Dong => (
                    "dấu “;” sau mỗi dòng và dấu “.” sau dòng cuối",
                    "the “;” after each line and the “.” after the last",
                ),
                Kieu::Truong => ("dấu “.” cuối dòng", "the full stop that ends the line"),
            };
            lint.canh_bao_tai(
                DAU_CAU_DANH_SACH,
                &key,
                at.or(Some(span.start)),
                Loi {
                    vi: format!(
                        "mục {ten} “{shown}” có {} mà vanban tự in ({}): đã bỏ để không in hai lần",
                        parts_vi.join(" và "),
                        what.0
                    ),
                    en: format!(
                        "the entry “{shown}” of {ten_en} has {}, which vanban prints itself ({}): removed so as not to print it twice",
                        parts_en.join(" and "),
                        what.1
                    ),
                    sua_vi: &format!("ghi mục không có các dấu ấy: \"{written}\""),
                    sua_en: &format!("write the entry without them: \"{written}\""),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with};

    fn findings(src: &str) -> Vec<crate::Diagnostic> {
        let (vb, vi_tri) = crate::doc(src, crate::DangTep::Toml).unwrap_or_else(|e| panic!("{e}\n{src}"));
        crate::lint::kiem_tra(&vb, src, &vi_tri)
    }

    #[test]
    fn typed_dashes_and_end_punctuation_are_dropped_and_named() {
        // Issue 19: `- - Như trên;` and `- - Lưu: VT, VP.;` were printed.
        let src = with("gui", "gui = [\"- Như trên;\", \"- Lãnh đạo UBND huyện.\"]");
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        assert_eq!(vb.noi_nhan.dong(), ["- Như trên;", "- Lãnh đạo UBND huyện;", "- Lưu: VT, NV."]);
        assert_eq!(ids(&src), ["dau-cau-danh-sach", "dau-cau-danh-sach"]);
        let d = &findings(&src)[0];
        assert_eq!(d.muc_do, crate::MucDo::CanhBao);
        assert_eq!(d.key.as_deref(), Some("noi_nhan.gui[0]"));
        assert!(d.message.contains("“-” ở đầu và “;” ở cuối"), "{}", d.message);
        assert!(d.message_en.as_deref().unwrap().contains("“-” at the start and “;” at the end"));
        // On the value's line, at the dash.
        let line = src.lines().position(|l| l.starts_with("gui =")).unwrap() + 1;
        assert_eq!((d.line, d.column), (Some(line), Some("gui = [\"".len() + 1)));
        assert_eq!(d.quy_tac.unwrap().can_cu, super::super::DAU_CAU_DANH_SACH.can_cu);
    }

    #[test]
    fn a_full_stop_typed_after_the_last_addressee_is_not_doubled() {
        let src = with("kinh_gui", "kinh_gui = [\"- UBND huyện;\", \"- Phòng TC-KH.\"]");
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        assert_eq!(vb.kinh_gui().unwrap().dong(), ["Kính gửi:", "- UBND huyện;", "- Phòng TC-KH."]);
        assert_eq!(findings(&src).len(), 2);
        let src = with("kinh_gui", "kinh_gui = [\"UBND huyện\", \"Phòng TC-KH.\"]");
        let d = findings(&src);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].key.as_deref(), Some("kinh_gui[1]"));
        assert!(d[0].message.contains("“.” ở cuối"), "{}", d[0].message);
        // Placed on the full stop.
        let line = src.lines().find(|l| l.starts_with("kinh_gui =")).unwrap();
        let dot = line.find("TC-KH.").unwrap() + "TC-KH".len();
        assert_eq!(d[0].column, Some(line[..dot].chars().count() + 1));
    }

    #[test]
    fn a_luu_line_typed_among_the_recipients_becomes_the_luu_list() {
        let src = with("gui", "gui = [\"Như trên\", \"- Lưu: VT, VP.\"]");
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        // Merged with `luu = ["VT", "NV"]`, VT once.
        assert_eq!(vb.noi_nhan.dong(), ["- Như trên;", "- Lưu: VT, NV, VP."]);
        let d = findings(&src);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].key.as_deref(), Some("noi_nhan.gui[1]"));
        assert!(d[0].message.contains("là dòng Lưu"), "{}", d[0].message);
        assert!(d[0].hint.as_deref().unwrap().contains("luu = [\"VT\", \"NV\", \"VP\"]"));
        // With no luu key at all, the typed line is the list.
        let src = CONG_VAN
            .replace("gui = [\"Như trên\", \"Lãnh đạo UBND huyện\"]", "gui = [\"Như trên\", \"Lưu: VT, NV\"]")
            .replace("luu = [\"VT\", \"NV\"]\n", "");
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        assert_eq!(vb.noi_nhan.dong(), ["- Như trên;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn other_lists_the_templates_punctuate() {
        let src = with("luu", "luu = [\"Lưu: VT,\", \"NV.\"]");
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        assert_eq!(vb.noi_nhan.luu, ["VT", "NV"]);
        assert_eq!(ids(&src), ["dau-cau-danh-sach", "dau-cau-danh-sach"]);
    }

    #[test]
    fn a_full_stop_typed_in_a_line_vanban_ends_is_named() {
        let src = crate::lint::test_util::with_in(
            &CONG_VAN
                .replace("loai = \"cong-van\"\n", "loai = \"giay-moi\"\n")
                .replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "")
                .replace("don_vi_soan_thao = \"NV\"\n", ""),
            "kinh_moi",
            "kinh_moi = \"Các phòng\"\ntoi_du = \"Hội nghị.\"\nthoi_gian = \"8 giờ\"\ndia_diem = \"Hội trường;\"",
        );
        let keys: Vec<String> = findings(&src)
            .into_iter()
            .filter(|d| d.quy_tac.is_some_and(|q| q.id == "dau-cau-danh-sach"))
            .filter_map(|d| d.key)
            .collect();
        assert_eq!(keys, ["toi_du", "dia_diem"]);
    }

    #[test]
    fn the_words_of_the_proposal_line_typed_anyway_are_named() {
        let src = CONG_VAN
            .replace(
                "loai = \"cong-van\"\n",
                "loai = \"quyet-dinh\"\ntham_quyen = \"Chủ tịch UBND huyện\"\ncan_cu = [\"Căn cứ Luật A;\"]\ntheo_de_nghi = \"Theo đề nghị của Trưởng phòng Nội vụ.\"\n",
            )
            .replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "")
            .replace("don_vi_soan_thao = \"NV\"\n", "")
            .replace("Ủy ban nhân dân huyện đề nghị các cơ quan thực hiện./.", "Điều 1. Thành lập./.");
        let d: Vec<crate::Diagnostic> = findings(&src)
            .into_iter()
            .filter(|d| d.quy_tac.is_some_and(|q| q.id == "dau-cau-danh-sach"))
            .collect();
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].key.as_deref(), Some("can_cu[0]"));
        assert!(d[1].message.contains("chữ “Theo đề nghị của” và “.” ở cuối"), "{}", d[1].message);
        assert_eq!(d[1].hint.as_deref(), Some("ghi mục không có các dấu ấy: \"Trưởng phòng Nội vụ\""));
    }

    #[test]
    fn entries_typed_as_the_template_wants_are_clean() {
        assert!(ids(CONG_VAN).is_empty());
        // Dots inside an entry, and an abbreviation's own, are not list punctuation.
        let src = with("gui", "gui = [\"Như trên\", \"UBND TP. Lai Châu\", \"Các xã v.v.\"]");
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
    }
}
