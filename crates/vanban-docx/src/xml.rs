//! Writing WordprocessingML: escaped text, runs and paragraphs with their properties in the
//! order the schema requires (Word refuses a file whose property elements are out of order).
//!
//! Document text only ever reaches the package through [`esc`]: whatever a field holds
//! (`<w:p>`, `&`, `"`, `{{`) is printed as itself, never read as markup.

use std::fmt::Write as _;

/// `s` as XML character data or attribute value ([`vanban_core::xml::thoat`]); tab and line
/// feed are kept, and [`run`] turns them into `w:tab` and `w:br`.
pub(crate) use vanban_core::xml::thoat as esc;

/// Direct formatting of a run, over its paragraph style.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KieuChu {
    /// Bold.
    pub(crate) dam: bool,
    /// Italic.
    pub(crate) nghieng: bool,
    /// Size in points, where it differs from the style's.
    pub(crate) co: Option<f64>,
    /// A box around the text (the draft marker, ô 11).
    pub(crate) khung: bool,
}

impl KieuChu {
    /// Bold.
    pub(crate) const DAM: KieuChu = KieuChu { dam: true, nghieng: false, co: None, khung: false };
}

/// A run of `text` in `kieu`; a line feed becomes a line break and a tab a tab.
pub(crate) fn run(text: &str, kieu: KieuChu) -> String {
    let mut rpr = String::new();
    if kieu.dam {
        rpr.push_str("<w:b/><w:bCs/>");
    }
    if kieu.nghieng {
        rpr.push_str("<w:i/><w:iCs/>");
    }
    if let Some(co) = kieu.co {
        let hp = crate::kich_thuoc::nua_diem(co);
        let _ = write!(rpr, "<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>");
    }
    if kieu.khung {
        rpr.push_str("<w:bdr w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"000000\"/>");
    }
    let mut out = String::from("<w:r>");
    if !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
    }
    let text = esc(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                let _ = write!(out, "<w:t xml:space=\"preserve\">{part}</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
    out
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Can {
    /// Left.
    Trai,
    /// Centred.
    Giua,
    /// Right.
    Phai,
}

impl Can {
    fn ooxml(self) -> &'static str {
        match self {
            Can::Trai => "left",
            Can::Giua => "center",
            Can::Phai => "right",
        }
    }
}

/// Paragraph properties: a named style and what a paragraph sets over it. Lengths in twips.
#[derive(Debug, Clone, Default)]
pub(crate) struct Doan {
    /// The style's id.
    pub(crate) kieu: &'static str,
    /// Kept on the page of the next paragraph.
    pub(crate) giu_voi_sau: bool,
    /// Space before, where it differs from the style's.
    pub(crate) truoc: Option<i64>,
    /// Space after, where it differs from the style's.
    pub(crate) sau: Option<i64>,
    /// An exact line height, for the paragraphs that only carry a rule or make room.
    pub(crate) cao_dung: Option<i64>,
    /// Left and right indents, where set.
    pub(crate) le: Option<(i64, i64)>,
    /// A hanging indent, where set.
    pub(crate) treo: Option<i64>,
    /// Alignment, where it differs from the style's.
    pub(crate) can: Option<Can>,
    /// A rule along the bottom (`w:pBdr/w:bottom`) or the top.
    pub(crate) net: Option<Net>,
}

/// A paragraph border drawn as a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Net {
    /// Under the paragraph.
    Duoi,
    /// Over the paragraph.
    Tren,
}

impl Doan {
    /// A paragraph in style `kieu`, nothing set over it.
    pub(crate) fn new(kieu: &'static str) -> Doan {
        Doan { kieu, ..Doan::default() }
    }

    /// The `w:pPr` element.
    pub(crate) fn ppr(&self) -> String {
        let mut p = format!("<w:pPr><w:pStyle w:val=\"{}\"/>", self.kieu);
        if self.giu_voi_sau {
            p.push_str("<w:keepNext/>");
        }
        if let Some(net) = self.net {
            let (side, space) = match net {
                Net::Duoi => ("bottom", 0),
                Net::Tren => ("top", 3),
            };
            let sz = crate::kich_thuoc::NET;
            let _ = write!(
                p,
                "<w:pBdr><w:{side} w:val=\"single\" w:sz=\"{sz}\" w:space=\"{space}\" w:color=\"000000\"/></w:pBdr>"
            );
        }
        if self.truoc.is_some() || self.sau.is_some() || self.cao_dung.is_some() {
            p.push_str("<w:spacing");
            if let Some(t) = self.truoc {
                let _ = write!(p, " w:before=\"{t}\"");
            }
            if let Some(s) = self.sau {
                let _ = write!(p, " w:after=\"{s}\"");
            }
            if let Some(h) = self.cao_dung {
                let _ = write!(p, " w:line=\"{h}\" w:lineRule=\"exact\"");
            }
            p.push_str("/>");
        }
        if self.le.is_some() || self.treo.is_some() {
            p.push_str("<w:ind");
            if let Some((l, r)) = self.le {
                let _ = write!(p, " w:left=\"{l}\" w:right=\"{r}\"");
            }
            if let Some(h) = self.treo {
                let _ = write!(p, " w:hanging=\"{h}\"");
            }
            p.push_str("/>");
        }
        if let Some(c) = self.can {
            let _ = write!(p, "<w:jc w:val=\"{}\"/>", c.ooxml());
        }
        p.push_str("</w:pPr>");
        p
    }

    /// The paragraph with `runs` (from [`run`]).
    pub(crate) fn voi(&self, runs: &str) -> String {
        format!("<w:p>{}{runs}</w:p>", self.ppr())
    }

    /// The paragraph with one run of `text` in `kieu`.
    pub(crate) fn chu(&self, text: &str, kieu: KieuChu) -> String {
        self.voi(&run(text, kieu))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_data() {
        assert_eq!(esc("<w:p> & \"x\" 'y' {{z}} #"), "&lt;w:p&gt; &amp; &quot;x&quot; &apos;y&apos; {{z}} #");
        assert_eq!(esc("a\u{1}b\u{FFFF}"), "ab");
        assert_eq!(
            run("a\nb\tc", KieuChu::default()),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:br/><w:t xml:space=\"preserve\">b</w:t><w:tab/>\
             <w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }

    #[test]
    fn properties_in_schema_order() {
        let d = Doan {
            giu_voi_sau: true,
            truoc: Some(120),
            le: Some((10, 20)),
            can: Some(Can::Giua),
            net: Some(Net::Duoi),
            ..Doan::new("VBNet")
        };
        let p = d.ppr();
        let order = ["pStyle", "keepNext", "pBdr", "spacing", "ind", "jc"];
        let at: Vec<usize> = order.iter().map(|t| p.find(&format!("<w:{t}")).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{p}");
    }
}
