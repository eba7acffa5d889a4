//! `ky-hieu-sai-loai`: a ký hiệu typed by hand whose type abbreviation is another type's
//! (`QĐ-UBND` on a kế hoạch), or that starts with one on a công văn, whose ký hiệu has no
//! type abbreviation.

use super::{KY_HIEU_SAI_LOAI, Lint, Loi};
use crate::{LoaiVanBan, VanBan};

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    // A derived ký hiệu is right by construction; only a typed one can be wrong.
    if lint.vi_tri.of(crate::khoa::KY_HIEU.ten).is_none() {
        return;
    }
    let ky_hieu = van_ban.so_hieu.ky_hieu.as_str();
    let first = ky_hieu.split('-').next().unwrap_or_default();
    let loai = van_ban.loai();
    let typed = LoaiVanBan::ALL.iter().copied().find(|l| l.viet_tat() == Some(first));
    let (vi, en) = match (loai.viet_tat(), typed) {
        (Some(own), _) if own == first => return,
        (Some(own), Some(other)) => (
            format!(
                "ký hiệu “{ky_hieu}” mở đầu bằng {first} ({}), nhưng văn bản là {} ({own})",
                other.ten_loai().to_lowercase(),
                loai.ten_loai().to_lowercase()
            ),
            format!(
                "the code “{ky_hieu}” starts with {first} ({}), but the document is a {} ({own})",
                other.slug(),
                loai.slug()
            ),
        ),
        (Some(own), None) => (
            format!(
                "ký hiệu “{ky_hieu}” của {} phải mở đầu bằng chữ viết tắt tên loại {own}",
                loai.ten_loai().to_lowercase()
            ),
            format!("the code “{ky_hieu}” of a {} must start with the type abbreviation {own}", loai.slug()),
        ),
        (None, Some(other)) => (
            format!(
                "ký hiệu công văn gồm tên cơ quan và đơn vị soạn thảo, không có tên loại; “{first}” là của {}",
                other.ten_loai().to_lowercase()
            ),
            format!("a công văn's code is agency-unit, without a type; “{first}” is the {}'s", other.slug()),
        ),
        (None, None) => return,
    };
    lint.canh_bao(
        KY_HIEU_SAI_LOAI,
        crate::khoa::KY_HIEU.ten,
        None,
        Loi {
            vi,
            en,
            sua_vi: "bỏ khóa ky_hieu để chương trình ghép ký hiệu đúng từ loai và co_quan.viet_tat, hoặc sửa lại cho khớp loai",
            sua_en: "remove ky_hieu so that it is built from loai and co_quan.viet_tat, or correct it to match loai",
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with, with_in};

    fn ke_hoach(ky_hieu: &str) -> String {
        let src = with("loai", "loai = \"ke-hoach\"").replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "");
        let src = src.replace("gui = [\"Như trên\", ", "gui = [");
        with_in(&src, "ky_hieu", &format!("ky_hieu = \"{ky_hieu}\""))
    }

    #[test]
    fn a_code_of_another_type_is_found() {
        assert_eq!(ids(&ke_hoach("QĐ-UBND")), ["ky-hieu-sai-loai"]);
        assert_eq!(ids(&ke_hoach("UBND-NV")), ["ky-hieu-sai-loai"]);
        assert_eq!(ids(&with("ky_hieu", "ky_hieu = \"KH-UBND\"")), ["ky-hieu-sai-loai"]);
    }

    #[test]
    fn matching_and_derived_codes_are_clean() {
        assert!(ids(&ke_hoach("KH-UBND")).is_empty());
        assert!(ids(&with("ky_hieu", "ky_hieu = \"UBND-VX\"")).is_empty());
        assert!(ids(CONG_VAN).is_empty());
    }
}
