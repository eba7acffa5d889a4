//! `chuoi-tham-quyen`: the authority lines above the signature (TM., KT., TL., TUQ., Q.)
//! in an order or combination Art. 13 does not provide for.

use super::{CHUOI_THAM_QUYEN, Lint, Loi};
use crate::{TienTo, VanBan};

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let lines = &van_ban.nguoi_ky.quyen_han;
    let last = lines.len().saturating_sub(1);
    let mut seen: Vec<TienTo> = Vec::new();
    for (i, q) in lines.iter().enumerate() {
        let key = format!("nguoi_ky.quyen_han[{i}]");
        let p = q.tien_to.as_str();
        let found = if seen.contains(&q.tien_to) {
            Some((
                format!("tiền tố {p} dùng hai lần trong một chữ ký"),
                format!("the prefix {p} is used twice in one signature"),
                if q.tien_to == TienTo::TUQ {
                    (
                        "người được ủy quyền không được ủy quyền lại (Điều 13): bỏ dòng thứ hai",
                        "a delegate may not delegate again (Art. 13): remove the second line",
                    )
                } else {
                    ("bỏ dòng thừa", "remove the extra line")
                },
            ))
        } else if q.tien_to == TienTo::TM && i > 0 {
            Some((
                "TM. (thay mặt tập thể) phải là dòng đầu tiên của quyền hạn".into(),
                "TM. (on behalf of a collective) must be the first authority line".into(),
                (
                    "chuyển dòng TM. lên đầu nguoi_ky.quyen_han",
                    "move the TM. line to the start of nguoi_ky.quyen_han",
                ),
            ))
        } else if q.tien_to == TienTo::KT && i < last {
            Some((
                "KT. (ký thay) phải là dòng quyền hạn cuối cùng, ngay trên chức vụ của cấp phó ký".into(),
                "KT. (signing for the head) must be the last authority line, right above the deputy's title"
                    .into(),
                (
                    "chuyển dòng KT. xuống cuối nguoi_ky.quyen_han",
                    "move the KT. line to the end of nguoi_ky.quyen_han",
                ),
            ))
        } else if (q.tien_to == TienTo::TL && seen.contains(&TienTo::TUQ))
            || (q.tien_to == TienTo::TUQ && seen.contains(&TienTo::TL))
        {
            Some((
                "TL. (thừa lệnh) và TUQ. (thừa ủy quyền) không dùng cùng nhau".into(),
                "TL. (by order) and TUQ. (by delegation) are not used together".into(),
                (
                    "giữ một trong hai dòng, theo văn bản giao quyền",
                    "keep one of the two, as the delegating document says",
                ),
            ))
        } else if q.tien_to == TienTo::KT && same_title(&q.ten, &van_ban.nguoi_ky.chuc_vu) {
            Some((
                format!(
                    "ký thay (KT.) {} thì người ký là cấp phó, chức vụ không thể cũng là “{}”",
                    q.ten, van_ban.nguoi_ky.chuc_vu
                ),
                format!(
                    "KT. {} means a deputy signs; the title cannot also be “{}”",
                    q.ten, van_ban.nguoi_ky.chuc_vu
                ),
                (
                    "ghi chức vụ của cấp phó (ví dụ “Phó Chủ tịch”), hoặc bỏ dòng KT. nếu người đứng đầu ký",
                    "write the deputy's title (e.g. “Phó Chủ tịch”), or remove the KT. line if the head signs",
                ),
            ))
        } else {
            None
        };
        seen.push(q.tien_to);
        if let Some((vi, en, (sua_vi, sua_en))) = found {
            lint.canh_bao(CHUOI_THAM_QUYEN, &key, None, Loi { vi, en, sua_vi, sua_en });
        }
    }
}

fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with};

    fn signer(lines: &str, chuc_vu: &str) -> String {
        let src = with("quyen_han", &format!("quyen_han = [{lines}]"));
        crate::lint::test_util::with_in(&src, "chuc_vu", &format!("chuc_vu = \"{chuc_vu}\""))
    }

    #[test]
    fn chains_the_decree_provides_for_are_clean() {
        assert!(ids(CONG_VAN).is_empty());
        for (lines, title) in [
            ("\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"", "Phó Chủ tịch"),
            ("\"KT. Bộ trưởng\"", "Thứ trưởng"),
            ("\"TL. Bộ trưởng\"", "Vụ trưởng Vụ Tổ chức cán bộ"),
            ("\"TL. Bộ trưởng\", \"KT. Vụ trưởng\"", "Phó Vụ trưởng"),
            ("\"TUQ. Chủ tịch\"", "Chánh Văn phòng"),
            ("", "Chủ tịch"),
        ] {
            assert!(ids(&signer(lines, title)).is_empty(), "{lines} / {title}");
        }
    }

    #[test]
    fn chains_that_make_no_sense_are_found() {
        for (lines, title) in [
            ("\"KT. Chủ tịch\", \"TM. Ủy ban nhân dân\"", "Phó Chủ tịch"),
            ("\"KT. Bộ trưởng\", \"TL. Vụ trưởng\"", "Phó Vụ trưởng"),
            ("\"TUQ. Chủ tịch\", \"TUQ. Chánh Văn phòng\"", "Phó Chánh Văn phòng"),
            ("\"TL. Bộ trưởng\", \"TUQ. Vụ trưởng\"", "Phó Vụ trưởng"),
            ("\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"", "Chủ  tịch"),
        ] {
            let mut found = ids(&signer(lines, title));
            found.dedup();
            assert_eq!(found, ["chuoi-tham-quyen"], "{lines} / {title}");
        }
    }
}
