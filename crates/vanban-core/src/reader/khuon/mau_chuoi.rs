//! A one-line pattern over a row's columns (`"{{ so }}-{{ ho_ten }}"`), filled as a template's
//! values are: the names `render merge --name` gives its files.

use minijinja::Environment;

use crate::diagnostics::{Diagnostic, Diagnostics, ma};

/// The pattern's name in its environment.
const TEN: &str = "mau";

/// A pattern over a row's columns, compiled once: the template's filters, its limit on
/// evaluation and its refusal of undefined names, and no escaping.
pub struct MauChuoi {
    env: Environment<'static>,
}

impl std::fmt::Debug for MauChuoi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MauChuoi").finish_non_exhaustive()
    }
}

impl MauChuoi {
    /// Compiles `pattern`.
    ///
    /// # Errors
    /// The pattern's Jinja syntax error.
    pub fn new(pattern: &str) -> Result<MauChuoi, Diagnostics> {
        let mut env = super::moi_truong();
        env.add_template_owned(TEN, pattern.to_owned())
            .map_err(|e| loi("sai cú pháp Jinja", "not valid Jinja", &e))?;
        Ok(MauChuoi { env })
    }

    /// The text the pattern gives `dong` (a row, as [`Khuon::dien`](super::Khuon::dien)
    /// takes it), with `so` when the documents are numbered.
    ///
    /// # Errors
    /// A row that is not a map, a name the row lacks, a failing filter or the limit.
    pub fn dien<S: serde::Serialize + ?Sized>(
        &self,
        dong: &S,
        so: Option<u32>,
    ) -> Result<String, Diagnostics> {
        let ctx = super::boi_canh(dong, so).map_err(|d| Diagnostics(vec![*d]))?;
        self.env
            .get_template(TEN)
            .and_then(|t| t.render(&ctx))
            .map_err(|e| loi("không điền được", "cannot be filled", &e))
    }
}

fn loi(vi: &str, en: &str, e: &minijinja::Error) -> Diagnostics {
    let why = super::mo_ta(e);
    Diagnostics(vec![Diagnostic::new(format!("{vi}: {why}")).en(format!("{en}: {why}")).ma(ma::GIA_TRI)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_takes_the_row_the_number_and_the_filters() {
        let row = serde_json::json!({"ho_ten": "Trần Văn Bình", "ngay": "15/01/2026"});
        let mau = MauChuoi::new("{{ so }}-{{ ho_ten }}-{{ ngay | ngay('iso') }}").unwrap();
        assert_eq!(mau.dien(&row, Some(15)).unwrap(), "15-Trần Văn Bình-2026-01-15");
        let e = mau.dien(&row, None).unwrap_err();
        assert!(e.0[0].message_en.as_deref().unwrap().contains("undefined"), "{e}");
        assert!(MauChuoi::new("{{ ho_ten").is_err());
        // Values are not escaped: a name is not Markdown.
        assert_eq!(
            MauChuoi::new("{{ ho_ten }}")
                .unwrap()
                .dien(&serde_json::json!({"ho_ten": "a_b*"}), None)
                .unwrap(),
            "a_b*"
        );
    }
}
