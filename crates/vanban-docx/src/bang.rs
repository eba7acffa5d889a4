//! Tables (`w:tbl`): the borderless layout tables of the header and the signature block, the
//! ruled tables of the body, and the boxed stamps.

use std::fmt::Write as _;

/// The borders of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vien {
    /// None: a layout table, invisible on the page.
    Khong,
    /// Thin single lines all round and between cells.
    Don,
    /// A stamp's box in `mau` (RRGGBB), double where `kep`.
    Khung {
        /// Colour.
        mau: &'static str,
        /// A double line (the secrecy stamp).
        kep: bool,
    },
}

/// A row: its cells' contents (paragraphs, each cell at least one) and how it behaves.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hang {
    /// The cells' contents.
    pub(crate) o: Vec<String>,
    /// Repeated at the top of each page the table runs onto.
    pub(crate) lap_lai: bool,
    /// An exact height, in twips.
    pub(crate) cao: Option<i64>,
    /// Cells centred vertically.
    pub(crate) giua_doc: bool,
}

/// A table of columns `cot` (twips) and `hang`; `le`: the cells' left and right margins
/// (twips). Rows are never split across pages.
pub(crate) fn bang(cot: &[i64], vien: Vien, le: i64, hang: &[Hang]) -> String {
    let rong: i64 = cot.iter().sum();
    let mut t = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{rong}\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/>{}\
         <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"{le}\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>\
         <w:right w:w=\"{le}\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" \
         w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        vien_xml(vien)
    );
    for c in cot {
        let _ = write!(t, "<w:gridCol w:w=\"{c}\"/>");
    }
    t.push_str("</w:tblGrid>");
    for h in hang {
        t.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if let Some(cao) = h.cao {
            let _ = write!(t, "<w:trHeight w:val=\"{cao}\" w:hRule=\"exact\"/>");
        }
        if h.lap_lai {
            t.push_str("<w:tblHeader/>");
        }
        t.push_str("</w:trPr>");
        for (o, w) in h.o.iter().zip(cot) {
            let _ = write!(t, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>");
            if h.giua_doc {
                t.push_str("<w:vAlign w:val=\"center\"/>");
            }
            let _ = write!(t, "</w:tcPr>{o}</w:tc>");
        }
        t.push_str("</w:tr>");
    }
    t.push_str("</w:tbl>");
    t
}

/// `w:tblBorders` for `vien`.
fn vien_xml(vien: Vien) -> String {
    let (val, sz, mau) = match vien {
        Vien::Khong => ("nil", 0, "auto"),
        Vien::Don => ("single", crate::kich_thuoc::NET, "000000"),
        Vien::Khung { mau, kep } => (if kep { "double" } else { "single" }, crate::kich_thuoc::NET, mau),
    };
    let mut s = String::from("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        if val == "nil" {
            let _ = write!(s, "<w:{side} w:val=\"nil\"/>");
        } else {
            let _ = write!(s, "<w:{side} w:val=\"{val}\" w:sz=\"{sz}\" w:space=\"0\" w:color=\"{mau}\"/>");
        }
    }
    s.push_str("</w:tblBorders>");
    s
}
