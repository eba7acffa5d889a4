//! Nơi nhận (ô 9b): who receives copies, ending with the Lưu line.

use crate::kinh_gui::{bo_dau_cuoi, bo_dau_muc, cham_cuoi};

/// The recipients of copies and the archive line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoiNhan {
    /// Recipients, in order (`Như trên`, `TT HĐND huyện`, …).
    pub gui: Vec<String>,
    /// The Lưu line's entries (`VT`, `NV`); at least one.
    pub luu: Vec<String>,
    /// Ký hiệu người soạn thảo (ô 12): the drafter's initials (`PL`).
    pub nguoi_soan_thao: Option<String>,
    /// Số lượng bản phát hành (ô 12): how many copies are issued.
    pub so_ban: Option<u32>,
}

impl NoiNhan {
    /// The list as printed under `Nơi nhận:`: `- X;` per recipient, then `- Lưu: VT, NV.`.
    pub fn dong(&self) -> Vec<String> {
        let mut out: Vec<String> = self.gui.iter().map(|g| format!("- {};", bo_dau_muc(g))).collect();
        let luu: Vec<&str> = self.luu.iter().map(|l| bo_dau_cuoi(l)).collect();
        out.push(format!("- Lưu: {}", cham_cuoi(&luu.join(", "))));
        out
    }

    /// Ô 12, printed at the bottom right of the block: the drafter's initials and the
    /// number of copies issued, as the decree writes them (`PL.(300)`).
    pub fn o_12(&self) -> Option<String> {
        let initials =
            self.nguoi_soan_thao.as_deref().map(|k| format!("{}.", k.trim().trim_end_matches('.')));
        let copies = self.so_ban.map(|n| format!("({n})"));
        match (initials, copies) {
            (None, None) => None,
            (a, b) => Some(format!("{}{}", a.unwrap_or_default(), b.unwrap_or_default())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_then_the_luu_line_with_a_full_stop() {
        let n = NoiNhan {
            gui: vec!["Như trên".into(), "TT HĐND huyện".into()],
            luu: vec!["VT".into(), "NV".into()],
            nguoi_soan_thao: None,
            so_ban: None,
        };
        assert_eq!(n.o_12(), None);
        assert_eq!(n.dong(), ["- Như trên;", "- TT HĐND huyện;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn typed_punctuation_is_not_doubled() {
        let n = NoiNhan {
            gui: vec!["Như trên;".into()],
            luu: vec!["VT,".into(), "NV.".into()],
            nguoi_soan_thao: None,
            so_ban: None,
        };
        assert_eq!(n.dong(), ["- Như trên;", "- Lưu: VT, NV."]);
        // Dashes typed before a recipient (issue 19: `- - Như trên;`).
        let n = NoiNhan { gui: vec!["- Như trên;".into(), "+ Sở Tài chính.".into()], ..n };
        assert_eq!(n.dong(), ["- Như trên;", "- Sở Tài chính;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn box_12_is_written_as_the_decree_writes_it() {
        let n = |k: Option<&str>, so_ban| NoiNhan {
            gui: vec![],
            luu: vec!["VT".into()],
            nguoi_soan_thao: k.map(str::to_owned),
            so_ban,
        };
        assert_eq!(n(Some("PL"), Some(300)).o_12().as_deref(), Some("PL.(300)"));
        assert_eq!(n(Some("PL."), None).o_12().as_deref(), Some("PL."));
        assert_eq!(n(None, Some(5)).o_12().as_deref(), Some("(5)"));
    }
}
