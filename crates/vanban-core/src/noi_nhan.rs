//! Nơi nhận (ô 9b): who receives copies, ending with the Lưu line.

use crate::kinh_gui::bo_dau_cuoi;

/// The recipients of copies and the archive line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoiNhan {
    /// Recipients, in order (`Như trên`, `TT HĐND huyện`, …).
    pub gui: Vec<String>,
    /// The Lưu line's entries (`VT`, `NV`); at least one.
    pub luu: Vec<String>,
}

impl NoiNhan {
    /// The list as printed under `Nơi nhận:`: `- X;` per recipient, then `- Lưu: VT, NV.`.
    pub fn dong(&self) -> Vec<String> {
        let mut out: Vec<String> = self.gui.iter().map(|g| format!("- {};", bo_dau_cuoi(g))).collect();
        let luu: Vec<&str> = self.luu.iter().map(|l| bo_dau_cuoi(l).trim_end_matches('.')).collect();
        out.push(format!("- Lưu: {}.", luu.join(", ")));
        out
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
        };
        assert_eq!(n.dong(), ["- Như trên;", "- TT HĐND huyện;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn typed_punctuation_is_not_doubled() {
        let n = NoiNhan { gui: vec!["Như trên;".into()], luu: vec!["VT,".into(), "NV.".into()] };
        assert_eq!(n.dong(), ["- Như trên;", "- Lưu: VT, NV."]);
    }
}
