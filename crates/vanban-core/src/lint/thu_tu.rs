//! `thu-tu-dieu`, `thu-tu-diem` and `thu-tu-phan-chuong`: articles are numbered 1, 2, 3 …
//! through the document (and through the document a decision issues), the points of a clause
//! follow the Vietnamese alphabet a), b), c), d), đ), e), g) …, Phần and Chương take Roman
//! numbers I, II, III … through the document and Mục and Tiểu mục Arabic ones within their
//! Chương and Mục (Phụ lục I, II.6.a; Mục IV of Phụ lục II on citing parts of a document).

use super::{Lint, Loi, THU_TU_DIEM, THU_TU_DIEU, THU_TU_PHAN_CHUONG};
use crate::{Khoi, NoiDung, VanBan, phan_chuong, so_dieu};

/// The value of a Roman numeral written the usual way (`"XIV"` → 14); `None` for anything
/// else (`"IIII"`, `"VX"`, `"12"`).
fn gia_tri_la_ma(s: &str) -> Option<u32> {
    let n = (1..=3999).find(|&n| la_ma(n) == s)?;
    Some(n)
}

/// `n` in Roman numerals (1 ≤ n ≤ 3999).
fn la_ma(n: u32) -> String {
    crate::phu_luc::so_la_ma(n as usize)
}

/// The levels of scheme A's division headings, outermost first, and whether each is numbered
/// in Roman numerals.
const CAP: &[(&str, bool)] = &[("Phần", true), ("Chương", true), ("Mục", false), ("Tiểu mục", false)];

/// Checks that Phần, Chương, Mục and Tiểu mục headings are numbered as scheme A numbers them:
/// Phần and Chương in Roman numerals through the document, Mục within its Chương and Tiểu mục
/// within its Mục in Arabic ones, each starting at 1. `nth(i)` places a finding on block `i`.
fn kiem_tra_phan_chuong(
    noi_dung: &NoiDung,
    texts: &[String],
    nth: &dyn Fn(usize) -> usize,
    lint: &mut Lint<'_>,
) {
    // The last number seen at each level.
    let mut last: [Option<u32>; 4] = [None; 4];
    for (i, (khoi, text)) in noi_dung.0.iter().zip(texts).enumerate() {
        if !matches!(khoi, Khoi::TieuDe { .. }) {
            continue;
        }
        let Some((nhan, _)) = phan_chuong(text) else { continue };
        let Some(level) =
            CAP.iter().position(|(w, _)| nhan.strip_prefix(w).is_some_and(|r| r.starts_with(' ')))
        else {
            continue;
        };
        let (word, roman) = CAP[level];
        let written = nhan[word.len()..].trim();
        let value = if roman { gia_tri_la_ma(written) } else { written.parse::<u32>().ok() };
        let expected = last[level].map_or(1, |n| n + 1);
        let shown = |n: u32| if roman { la_ma(n) } else { n.to_string() };
        let problem = match value {
            None if roman => Some((
                format!("{word} {written} phải được đánh số La Mã (I, II, III, …)"),
                format!("{word} {written} must take a Roman number (I, II, III, …)"),
            )),
            None => Some((
                format!("{word} {written} phải được đánh số Ả Rập (1, 2, 3, …)"),
                format!("{word} {written} must take an Arabic number (1, 2, 3, …)"),
            )),
            Some(n) if n == expected => None,
            Some(_) => Some(match last[level] {
                None => (
                    format!("{word} đầu tiên là {word} {written}, không phải {word} {}", shown(1)),
                    format!("the first {word} is {word} {written}, not {word} {}", shown(1)),
                ),
                Some(p) => (
                    format!("{word} {written} đứng sau {word} {}: phải được đánh số liên tiếp", shown(p)),
                    format!(
                        "{word} {written} follows {word} {}: they must be numbered consecutively",
                        shown(p)
                    ),
                ),
            }),
        };
        if let Some((vi, en)) = problem {
            lint.loi_o(
                THU_TU_PHAN_CHUONG,
                &dau(text),
                nth(i),
                Loi {
                    vi,
                    en,
                    sua_vi: &format!("đánh số lại: {word} {}", shown(expected)),
                    sua_en: &format!("renumber it: {word} {}", shown(expected)),
                },
            );
        }
        last[level] = Some(value.unwrap_or(expected));
        // Mục start again in each Chương, Tiểu mục in each Mục; Chương run on through Phần.
        for inner in last.iter_mut().skip(level + 1) {
            if level >= 1 {
                *inner = None;
            }
        }
    }
}

/// The letters points take, in order: the Vietnamese alphabet without ă, â, ê, ô, ơ, ư, and
/// without f, j, w, z, which it does not have.
const CHU_DIEM: &[char] = &[
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v',
    'x', 'y',
];

/// The letter of the point a paragraph opens (`b) …` → `b`), letters outside the alphabet
/// included, so that an `f)` is found.
fn chu_diem(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let ok = (c.is_ascii_lowercase() || c == 'đ') && chars.next() == Some(')') && chars.next() == Some(' ');
    ok.then_some(c)
}

/// Whether a paragraph opens a numbered clause (`2. …`), which starts a new run of points.
fn mo_khoan(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && text[digits..].starts_with(". ")
}

/// The first characters of a block's text: enough to find it in the file.
fn dau(text: &str) -> String {
    text.chars().take(30).collect()
}

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    // The body, and the document a decision issues (a quy chế numbers its own articles).
    let body = cac_doan(&van_ban.noi_dung);
    kiem_tra_noi_dung(&van_ban.noi_dung, &[], lint);
    if let Some(k) = &van_ban.kem_theo {
        // Its blocks come after the body's in the file: occurrences are counted on from there.
        kiem_tra_noi_dung(&k.noi_dung, &body, lint);
    }
}

/// Each block's plain text; a table's cells number nothing.
fn cac_doan(noi_dung: &NoiDung) -> Vec<String> {
    noi_dung
        .0
        .iter()
        .map(|k| match k {
            Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => d.plain(),
            Khoi::Bang(_) => String::new(),
        })
        .collect()
}

/// Checks the articles and points of `noi_dung`, whose file text comes after the blocks
/// `earlier`.
fn kiem_tra_noi_dung(noi_dung: &NoiDung, earlier: &[String], lint: &mut Lint<'_>) {
    let texts = cac_doan(noi_dung);
    // Which occurrence of its opening words each block is, to place a finding on it.
    let nth = |i: usize| earlier.iter().chain(&texts[..i]).filter(|t| dau(t) == dau(&texts[i])).count();

    kiem_tra_phan_chuong(noi_dung, &texts, &nth, lint);

    let mut dieu: Option<u32> = None;
    let mut diem: Option<char> = None;
    for (i, (khoi, text)) in noi_dung.0.iter().zip(&texts).enumerate() {
        if let Some(n) = so_dieu(khoi) {
            let expected = dieu.map_or(1, |d| d + 1);
            if n != expected {
                let (vi, en) = match dieu {
                    None => (
                        format!("Điều đầu tiên là Điều {n}, không phải Điều 1"),
                        format!("the first article is Điều {n}, not Điều 1"),
                    ),
                    Some(d) => (
                        format!("Điều {n} đứng sau Điều {d}: các Điều phải được đánh số liên tiếp"),
                        format!("Điều {n} follows Điều {d}: articles must be numbered consecutively"),
                    ),
                };
                lint.loi_o(
                    THU_TU_DIEU,
                    &dau(text),
                    nth(i),
                    Loi {
                        vi,
                        en,
                        sua_vi: &format!("đánh số lại: Điều {expected}"),
                        sua_en: &format!("renumber it: Điều {expected}"),
                    },
                );
            }
            dieu = Some(n);
            diem = None;
            continue;
        }
        if matches!(khoi, Khoi::TieuDe { .. }) || mo_khoan(text) {
            diem = None;
            continue;
        }
        let Some(c) = chu_diem(text) else { continue };
        let pos = CHU_DIEM.iter().position(|&x| x == c);
        let expected = match diem {
            None => 'a',
            Some(p) => CHU_DIEM.iter().skip_while(|&&x| x != p).nth(1).copied().unwrap_or('y'),
        };
        if pos.is_some() && (c == 'a' || c == expected) {
            diem = Some(c);
            continue;
        }
        let (vi, en) = match (pos, diem) {
            (None, _) => (
                format!("điểm “{c})” dùng chữ không có trong bảng chữ cái tiếng Việt"),
                format!("point “{c})” uses a letter the Vietnamese alphabet does not have"),
            ),
            (Some(_), None) => (
                format!("điểm đầu tiên là “{c})”, không phải “a)”"),
                format!("the first point is “{c})”, not “a)”"),
            ),
            (Some(_), Some(p)) => (
                format!("điểm “{c})” đứng sau điểm “{p})”, không đúng thứ tự a, b, c, d, đ, e, g, …"),
                format!("point “{c})” follows point “{p})”, out of the order a, b, c, d, đ, e, g, …"),
            ),
        };
        lint.loi_o(
            THU_TU_DIEM,
            &dau(text),
            nth(i),
            Loi {
                vi,
                en,
                sua_vi: &format!(
                    "đổi thành “{expected})”; các điểm theo thứ tự a, b, c, d, đ, e, g, h, i, k, …"
                ),
                sua_en: &format!("make it “{expected})”; points go a, b, c, d, đ, e, g, h, i, k, …"),
            },
        );
        if pos.is_some() {
            diem = Some(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids};

    #[test]
    fn the_articles_of_a_document_issued_with_a_decision_are_numbered_too() {
        let qd = "loai = \"quyet-dinh\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024\"\ntrich_yeu = \"Ban hành Quy chế\"\ntham_quyen = \"Chủ tịch\"\ncan_cu = [\"Căn cứ Luật A\"]\nnoi_dung = \"\"\"\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\"\"\"\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Lò Văn A\"\n[noi_nhan]\ngui = [\"Như Điều 2\"]\nluu = [\"VT\"]\n[kem_theo]\nloai = \"quy-che\"\ntrich_yeu = \"Làm việc\"\nnoi_dung = \"\"\"\nĐiều 1. Phạm vi\n\nĐiều 2. Nguyên tắc\n\"\"\"\n";
        assert!(ids(qd).is_empty(), "{:?}", ids(qd));
        let bad = qd.replace("Điều 2. Nguyên tắc", "Điều 4. Nguyên tắc");
        assert_eq!(ids(&bad), ["thu-tu-dieu"]);
    }

    /// The test công văn with `body` as its body.
    fn body(body: &str) -> String {
        CONG_VAN.replace("Ủy ban nhân dân huyện đề nghị các cơ quan thực hiện./.", body)
    }

    #[test]
    fn points_in_the_decrees_order_are_clean() {
        assert!(ids(CONG_VAN).is_empty());
        let src =
            body("Nội dung:\n\na) Một;\n\nb) Hai;\n\nc) Ba;\n\nd) Bốn;\n\nđ) Năm;\n\ne) Sáu;\n\ng) Bảy./.");
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
        // A new clause, a heading or a new "a)" starts the letters again; other paragraphs
        // between points do not break a run.
        let src = body(
            "1. Khoản một:\n\na) Một;\n\nb) Hai.\n\n2. Khoản hai:\n\na) Một;\n\nGiải thích thêm.\n\nb) Hai./.",
        );
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
    }

    #[test]
    fn points_out_of_order_are_found() {
        for bad in [
            "a) Một;\n\nc) Ba./.",
            "b) Hai./.",
            "a) Một;\n\nb) Hai;\n\nc) Ba;\n\nd) Bốn;\n\ne) Năm./.",
            "a) Một;\n\nb) Hai;\n\nc) Ba;\n\nd) Bốn;\n\nđ) Năm;\n\ne) Sáu;\n\nf) Bảy./.",
            "1. Khoản:\n\nb) Hai./.",
        ] {
            assert_eq!(ids(&body(bad)), ["thu-tu-diem"], "{bad}");
        }
    }

    #[test]
    fn articles_numbered_in_sequence_are_clean_and_gaps_are_found() {
        let src = body("Điều 1. Một.\n\nĐiều 2. Hai.\n\n## Điều 3. Ba\n\nNội dung./.");
        assert!(ids(&src).is_empty());
        for bad in ["Điều 1. Một.\n\nĐiều 3. Ba./.", "Điều 2. Hai./.", "Điều 1. Một.\n\nĐiều 1. Lại một./."]
        {
            assert_eq!(ids(&body(bad)), ["thu-tu-dieu"], "{bad}");
        }
    }

    #[test]
    fn divisions_numbered_as_scheme_a_numbers_them_are_clean() {
        assert_eq!(super::gia_tri_la_ma("XIV"), Some(14));
        assert_eq!(super::gia_tri_la_ma("IIII"), None);
        assert_eq!(super::gia_tri_la_ma("12"), None);
        let src = body(
            "## Chương I. Chung\n\n### Mục 1. Một\n\nMột.\n\n### Mục 2. Hai\n\nHai.\n\n## Chương II. Riêng\n\n### Mục 1. Lại một\n\nBa./.",
        );
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
        // Chương run on through the Phần.
        let src =
            body("## Phần I. A\n\n## Chương I. B\n\nMột.\n\n## Phần II. C\n\n## Chương II. D\n\nHai./.");
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
    }

    #[test]
    fn divisions_out_of_order_or_in_the_wrong_numerals_are_found() {
        for bad in [
            "## Chương I. A\n\nMột.\n\n## Chương III. B\n\nBa./.",
            "## Chương II. A\n\nHai./.",
            "## Chương 1. A\n\nMột./.",
            "## Chương I. A\n\n### Mục I. B\n\nMột./.",
            "## Chương I. A\n\n### Mục 1. B\n\nMột.\n\n### Mục 3. C\n\nBa./.",
            "## Phần I. A\n\n## Phần I. B\n\nHai./.",
        ] {
            assert_eq!(ids(&body(bad)), ["thu-tu-phan-chuong"], "{bad}");
        }
    }

    #[test]
    fn a_finding_is_an_error_placed_on_its_paragraph() {
        let src = body("Điều 1. Một.\n\nĐiều 1. Lại một./.");
        let (vb, vi_tri) = crate::doc(&src, crate::DangTep::Toml).unwrap();
        let found = crate::lint::kiem_tra(&vb, &src, &vi_tri);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].muc_do, crate::MucDo::Loi);
        // The second “Điều 1.”, on line 10 of the file.
        assert_eq!(found[0].line, Some(10), "{:?}", found[0]);
        assert!(found[0].message_en.as_deref().unwrap().contains("consecutively"));
    }
}
