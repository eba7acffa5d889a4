//! The named paragraph styles (`word/styles.xml`). Every paragraph the writer emits names one
//! of them, so that a user who edits the text (or types a new paragraph after one) keeps the
//! decree's layout: "VB Noi dung" is the body's justified 14 pt paragraph with its 1 cm
//! first-line indent and 6 pt before, "VB Noi nhan" a recipient line, and so on.

use std::fmt::Write as _;

use vanban_core::CoChu;

use crate::kich_thuoc::{CACH_NET_PT, GIAN_DOAN_PT, co, nua_diem, pt, thut_dau_dong};

/// Chủ quản (ô 2): capitals, regular.
pub(crate) const CHU_QUAN: &str = "VBChuquan";
/// Issuing body (ô 2): capitals, bold.
pub(crate) const CO_QUAN: &str = "VBCoquan";
/// Quốc hiệu (ô 1).
pub(crate) const QUOC_HIEU: &str = "VBQuochieu";
/// Tiêu ngữ (ô 1).
pub(crate) const TIEU_NGU: &str = "VBTieungu";
/// Số, ký hiệu (ô 3).
pub(crate) const SO: &str = "VBSo";
/// Place and date (ô 4), italic.
pub(crate) const NGAY: &str = "VBNgay";
/// A công văn's V/v (ô 5b).
pub(crate) const V_V: &str = "VBVv";
/// Type name (ô 5a).
pub(crate) const TEN_LOAI: &str = "VBTenloai";
/// Trích yếu (ô 5a).
pub(crate) const TRICH_YEU: &str = "VBTrichyeu";
/// The italic line naming the document an appendix goes with (`(Kèm theo …)`).
pub(crate) const KEM_THEO: &str = "VBKemtheo";
/// A paragraph that only carries a drawn rule.
pub(crate) const NET: &str = "VBNet";
/// An empty paragraph that only makes room (between tables, for the signature).
pub(crate) const CACH: &str = "VBCach";
/// Kính gửi (ô 9a).
pub(crate) const KINH_GUI: &str = "VBKinhgui";
/// The authority that issues a quyết định, and `QUYẾT ĐỊNH:`; a công điện's sender line.
pub(crate) const THAM_QUYEN: &str = "VBThamquyen";
/// A công điện's sender line (`CHỦ TỊCH … điện:`): centred, regular, the sender in bold runs.
pub(crate) const DIEN: &str = "VBDien";
/// Căn cứ: an italic body paragraph.
pub(crate) const CAN_CU: &str = "VBCancu";
/// The body (ô 6).
pub(crate) const NOI_DUNG: &str = "VBNoidung";
/// Headings of the body, by level (1: mục, 2: khoản, 3: tiểu khoản, 4: điểm).
pub(crate) const TIEU_DE: [&str; 4] = ["VBTieude1", "VBTieude2", "VBTieude3", "VBTieude4"];
/// Phần, Chương, Mục, Tiểu mục: two centred bold lines.
pub(crate) const PHAN_CHUONG: &str = "VBPhanchuong";
/// A cell of a body table.
pub(crate) const O_BANG: &str = "VBObang";
/// The signer's authority and title lines (ô 7a).
pub(crate) const CHUC_DANH: &str = "VBChucdanh";
/// The signer's name (ô 7b).
pub(crate) const HO_TEN: &str = "VBHoten";
/// "Nơi nhận:" (ô 9b).
pub(crate) const NOI_NHAN_NHAN: &str = "VBNoinhannhan";
/// A recipient line (ô 9b).
pub(crate) const NOI_NHAN: &str = "VBNoinhan";
/// Ô 12.
pub(crate) const O_12: &str = "VBO12";
/// Page numbers.
pub(crate) const SO_TRANG: &str = "VBSotrang";
/// Ô 13, the agency's contacts.
pub(crate) const LIEN_HE: &str = "VBLienhe";
/// The draft marker and the circulation note (ô 11), boxed.
pub(crate) const KHUNG: &str = "VBKhung";
/// The secrecy and urgency stamps (ô 10a, 10b).
pub(crate) const DAU_CHI: &str = "VBDauchi";
/// A line of the agency's signature as text, in its box at the top right of page 1.
pub(crate) const KY_SO_TEP: &str = "VBKysotep";

/// One style: id, display name, parent, paragraph and run properties.
struct Kieu {
    id: &'static str,
    ten: &'static str,
    cha: &'static str,
    ppr: String,
    rpr: String,
}

/// Run properties: bold, italic, size in points.
fn rpr(dam: bool, nghieng: bool, co: f64) -> String {
    rpr_mau(dam, nghieng, co, None)
}

/// Run properties with a colour (RRGGBB), in schema order.
fn rpr_mau(dam: bool, nghieng: bool, co: f64, mau: Option<&str>) -> String {
    let hp = nua_diem(co);
    format!(
        "{}{}{}<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>",
        if dam { "<w:b/><w:bCs/>" } else { "" },
        if nghieng { "<w:i/><w:iCs/>" } else { "" },
        mau.map(|m| format!("<w:color w:val=\"{m}\"/>")).unwrap_or_default()
    )
}

/// A centred line with no space around it.
fn giua() -> String {
    "<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>".into()
}

/// A left-aligned line with no space around it.
fn trai() -> String {
    "<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>".into()
}

/// The styles, sized for the document's Quốc hiệu / Tiêu ngữ / date step.
fn cac_kieu(co_chu: CoChu) -> Vec<Kieu> {
    let k = |id, ten, cha, ppr: String, rpr: String| Kieu { id, ten, cha, ppr, rpr };
    let body = format!(
        "<w:widowControl/><w:spacing w:before=\"{}\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>\
         <w:ind w:firstLine=\"{}\"/><w:jc w:val=\"both\"/>",
        pt(GIAN_DOAN_PT),
        thut_dau_dong()
    );
    let heading =
        |id, ten, dam, nghieng| k(id, ten, NOI_DUNG, "<w:keepNext/>".into(), rpr(dam, nghieng, co::NOI_DUNG));
    // A rule's paragraph is one line of CACH_NET_PT: its bottom border stands that far under
    // the text above it.
    let tight = format!(
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"0\"/>",
        pt(CACH_NET_PT)
    );
    vec![
        k(NOI_DUNG, "VB Noi dung", "Normal", body, rpr(false, false, co::NOI_DUNG)),
        heading(TIEU_DE[0], "VB Tieu de 1", true, false),
        heading(TIEU_DE[1], "VB Tieu de 2", true, false),
        heading(TIEU_DE[2], "VB Tieu de 3", true, true),
        heading(TIEU_DE[3], "VB Tieu de 4", false, true),
        k(
            PHAN_CHUONG,
            "VB Phan chuong",
            NOI_DUNG,
            format!("<w:keepNext/>{}", giua()),
            rpr(true, false, co::NOI_DUNG),
        ),
        k(CAN_CU, "VB Can cu", NOI_DUNG, String::new(), rpr(false, true, co::NOI_DUNG)),
        k(CHU_QUAN, "VB Chu quan", "Normal", giua(), rpr(false, false, co::CO_QUAN)),
        k(CO_QUAN, "VB Co quan", "Normal", giua(), rpr(true, false, co::CO_QUAN)),
        k(QUOC_HIEU, "VB Quoc hieu", "Normal", giua(), rpr(true, false, f64::from(co_chu.quoc_hieu()))),
        k(TIEU_NGU, "VB Tieu ngu", "Normal", giua(), rpr(true, false, f64::from(co_chu.tieu_ngu()))),
        k(SO, "VB So", "Normal", giua(), rpr(false, false, co::SO)),
        k(NGAY, "VB Dia danh ngay", "Normal", giua(), rpr(false, true, f64::from(co_chu.ngay()))),
        k(V_V, "VB V/v", "Normal", giua(), rpr(false, false, co::V_V)),
        k(
            TEN_LOAI,
            "VB Ten loai",
            "Normal",
            format!("<w:keepNext/>{}", giua()),
            rpr(true, false, co::NOI_DUNG),
        ),
        k(
            TRICH_YEU,
            "VB Trich yeu",
            "Normal",
            format!("<w:keepNext/>{}", giua()),
            rpr(true, false, co::NOI_DUNG),
        ),
        k(
            KEM_THEO,
            "VB Kem theo",
            "Normal",
            format!("<w:keepNext/>{}", giua()),
            rpr(false, true, co::NOI_DUNG),
        ),
        k(NET, "VB Net", "Normal", format!("<w:keepNext/>{tight}"), rpr(false, false, 1.0)),
        k(CACH, "VB Cach", "Normal", tight.clone(), rpr(false, false, 1.0)),
        k(
            KINH_GUI,
            "VB Kinh gui",
            "Normal",
            format!("<w:keepNext/>{}", trai()),
            rpr(false, false, co::NOI_DUNG),
        ),
        k(
            THAM_QUYEN,
            "VB Tham quyen",
            "Normal",
            format!("<w:keepNext/>{}", giua()),
            rpr(true, false, co::NOI_DUNG),
        ),
        k(DIEN, "VB Dien", "Normal", format!("<w:keepNext/>{}", giua()), rpr(false, false, co::NOI_DUNG)),
        k(O_BANG, "VB O bang", "Normal", trai(), rpr(false, false, co::BANG)),
        k(CHUC_DANH, "VB Chuc danh", "Normal", giua(), rpr(true, false, co::NOI_DUNG)),
        k(HO_TEN, "VB Ho ten", "Normal", giua(), rpr(true, false, co::NOI_DUNG)),
        k(NOI_NHAN_NHAN, "VB Noi nhan nhan", "Normal", trai(), rpr(true, true, co::NOI_NHAN_NHAN)),
        k(NOI_NHAN, "VB Noi nhan", "Normal", trai(), rpr(false, false, co::NOI_NHAN)),
        k(O_12, "VB O 12", NOI_NHAN, "<w:jc w:val=\"right\"/>".into(), String::new()),
        k(SO_TRANG, "VB So trang", "Normal", giua(), rpr(false, false, co::SO_TRANG)),
        k(LIEN_HE, "VB Lien he", "Normal", giua(), rpr(false, false, co::LIEN_HE)),
        k(KHUNG, "VB Khung", "Normal", giua(), rpr(true, false, co::KHUNG)),
        k(DAU_CHI, "VB Dau chi", "Normal", giua(), rpr_mau(true, false, co::KHUNG, Some("FF0000"))),
        k(
            KY_SO_TEP,
            "VB Ky so tep",
            "Normal",
            format!(
                "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>\
                 <w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
                pt(crate::chu_ky_so::DONG_PT)
            ),
            rpr(false, false, co::KY_SO_TEP),
        ),
    ]
}

/// `word/styles.xml`: Times New Roman, Vietnamese, 14 pt, single spacing by default, and the
/// named styles.
pub(crate) fn styles_xml(co_chu: CoChu) -> String {
    let tnr = "Times New Roman";
    let mut s = String::from(crate::goi::XML_DAU);
    let _ = write!(
        s,
        "<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{tnr}\" w:hAnsi=\"{tnr}\" w:eastAsia=\"{tnr}\" w:cs=\"{tnr}\"/>\
         <w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>\
         <w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>",
        W = crate::goi::NS_W
    );
    for k in cac_kieu(co_chu) {
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>\
             <w:basedOn w:val=\"{}\"/><w:qFormat/><w:pPr>{}</w:pPr><w:rPr>{}</w:rPr></w:style>",
            k.id, k.ten, k.cha, k.ppr, k.rpr
        );
    }
    s.push_str("</w:styles>");
    s
}
