//! `word/document.xml`: the document's parts in the order the PDF template places them
//! (`templates/vanban.typ`), as paragraphs and tables in the flow of the text, nothing
//! positioned absolutely.

use vanban_core::{Mau, PhuLuc, VanBan, VanBanKemTheo};

use crate::anh::{self, CacAnh};
use crate::kich_thuoc as kt;
use crate::kieu;
use crate::trang::{Muc, sect_pr};
use crate::xml::{Doan, KieuChu};
use crate::{LoiDocx, ban_sao, noi_dung, phan_dau, phan_ky, phu_luc, rieng};

/// Refuses what the writer does not lay out yet, naming it, rather than leave it out.
pub(crate) fn kiem_tra(vb: &VanBan) -> Result<(), LoiDocx> {
    let thieu = |thanh_phan| Err(LoiDocx::ChuaHoTro { thanh_phan });
    match &vb.mau {
        Mau::CongVan(_)
        | Mau::CoTenLoai(_)
        | Mau::QuyetDinh(_)
        | Mau::CongDien(_)
        | Mau::GiayMoi(_)
        | Mau::GiayGioiThieu(_)
        | Mau::BienBan(_)
        | Mau::GiayNghiPhep(_) => {}
        _ => return thieu("this form (a Mẫu added to vanban-core after vanban-docx)"),
    }
    Ok(())
}

/// The body of `document.xml` being built: paragraphs and tables in order, with an empty
/// paragraph slipped between two tables (a word processor would merge them into one).
#[derive(Default)]
struct Than(String);

impl Than {
    fn them(&mut self, xml: &str) {
        if self.0.ends_with("</w:tbl>") && xml.starts_with("<w:tbl>") {
            self.0.push_str(&Doan::new(kieu::CACH).chu("", KieuChu::default()));
        }
        self.0.push_str(xml);
    }
}

/// A part on pages of its own: the document a decision issues, or an appendix.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Phan<'a> {
    /// The document a decision issues or approves (Mẫu 1.3).
    KemTheo(&'a VanBanKemTheo),
    /// Appendix `i` of `n` (Mẫu 2.1, 2.2).
    PhuLuc {
        /// The appendix.
        p: &'a PhuLuc,
        /// Its place, from 0.
        i: usize,
        /// How many the document has.
        n: usize,
    },
}

impl Phan<'_> {
    /// Issued as a file of its own.
    pub(crate) fn tep_rieng(self) -> bool {
        match self {
            Phan::KemTheo(k) => k.tep_rieng,
            Phan::PhuLuc { p, .. } => p.tep_rieng,
        }
    }

    /// Its section's page setting (landscape where asked).
    fn muc(self, co_lien_he: bool) -> Muc {
        let ngang = matches!(self, Phan::PhuLuc { p, .. } if p.ngang);
        Muc { rieng: true, ngang, co_lien_he }
    }

    /// Its paragraphs and tables.
    fn xml(self, vb: &VanBan) -> String {
        match self {
            Phan::KemTheo(k) => phu_luc::kem_theo(vb, k),
            Phan::PhuLuc { p, i, n } => phu_luc::phu_luc(vb, p, i, n),
        }
    }

    /// The title a word processor lists the file by: the type name or label and the title.
    pub(crate) fn tieu_de(self) -> String {
        match self {
            Phan::KemTheo(k) => format!("{} {}", k.loai.ten_loai(), k.trich_yeu.0),
            Phan::PhuLuc { p, i, n } => format!("{} {}", PhuLuc::nhan(i, n), p.ten),
        }
    }
}

/// The parts of `vb` on pages of their own, in the order they follow it (the order of
/// [`VanBan::tep_rieng`] among those issued as files of their own).
pub(crate) fn cac_phan(vb: &VanBan) -> Vec<Phan<'_>> {
    let n = vb.phu_luc.len();
    let kem_theo = vb.kem_theo.iter().map(Phan::KemTheo);
    kem_theo.chain(vb.phu_luc.iter().enumerate().map(|(i, p)| Phan::PhuLuc { p, i, n })).collect()
}

/// `word/document.xml` around `than`, the last section's properties `sect`.
fn tai_lieu(than: Than, sect: &str, anh: bool) -> String {
    format!(
        "{}<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"{}><w:body>{}{sect}</w:body></w:document>",
        crate::goi::XML_DAU,
        crate::goi::NS_W,
        crate::goi::NS_R,
        if anh { anh::NS } else { "" },
        than.0,
    )
}

/// The `w:body` of `vb`: the document, then the document it issues and its appendices (those
/// not issued as files of their own), each a section of its own; `co_lien_he`: page 1 has
/// ô 13; `anh`: the images of the signature.
pub(crate) fn document_xml(vb: &VanBan, co_lien_he: bool, anh: Option<&CacAnh>) -> String {
    let mut than = Than::default();
    van_ban(vb, &mut than, anh);
    let mut muc = Muc { co_lien_he, ..Muc::default() };
    for phan in cac_phan(vb).into_iter().filter(|p| !p.tep_rieng()) {
        // Each section ends with a paragraph carrying its properties; the last one's close
        // the body.
        than.0.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr></w:p>",
            kieu::CACH,
            sect_pr(muc)
        ));
        muc = phan.muc(co_lien_he);
        than.them(&phan.xml(vb));
    }
    // Mẫu 3.1: the copy block after everything copied.
    if let Some(b) = ban_sao::ban_sao_giay(vb) {
        than.them(&b);
    }
    // The body ends with a paragraph, as a word processor requires after a table.
    than.them(&Doan::new(kieu::CACH).chu("", KieuChu::default()));
    tai_lieu(than, &sect_pr(muc), anh.is_some())
}

/// The `w:body` of a part issued as a file of its own: one section, numbered from 1, whose
/// first page's header holds the agency's signature text (no ô 13: that is the document's).
pub(crate) fn tep_rieng_xml(vb: &VanBan, phan: Phan<'_>) -> String {
    let mut than = Than::default();
    than.them(&phan.xml(vb));
    than.them(&Doan::new(kieu::CACH).chu("", KieuChu::default()));
    tai_lieu(than, &sect_pr(Muc { rieng: false, ..phan.muc(false) }), false)
}

/// The document itself, in the order the PDF template places its parts.
fn van_ban(vb: &VanBan, than: &mut Than, anh: Option<&CacAnh>) {
    than.them(&phan_dau::phan_dau(vb));
    if let Some(t) = phan_dau::ten_loai_trich_yeu(vb) {
        than.them(&t);
    }
    than.them(&phan_dau::cac_dau_chi(vb));
    let (truoc, them_6pt) = rieng::truoc_noi_dung(vb);
    than.them(&truoc);
    let kinh_gui = phan_dau::kinh_gui(vb);
    if let Some(k) = &kinh_gui {
        than.them(k);
    }
    // Under the heading (its rules, Kính gửi, QUYẾT ĐỊNH:) the body starts 6 pt further down
    // than one paragraph stands under another.
    if them_6pt || kinh_gui.is_some() {
        than.them(&Doan { cao_dung: Some(kt::pt(6.0)), ..Doan::new(kieu::CACH) }.chu("", KieuChu::default()));
    }
    let dong_cuoi = rieng::dong_cuoi(vb);
    let khoi = &vb.noi_dung.0;
    // The blocks kept with the signature: the last, and the one before a closing line.
    let giu_tu = khoi.len().saturating_sub(if dong_cuoi.is_some() { 1 } else { 0 } + 1);
    for (i, k) in khoi.iter().enumerate() {
        than.them(&noi_dung::khoi(k, i >= giu_tu, kt::rong_chu()));
    }
    if let Some(d) = dong_cuoi {
        than.them(&Doan { giu_voi_sau: true, ..Doan::new(kieu::NOI_DUNG) }.chu(&d, KieuChu::default()));
    }
    than.them(&phan_ky::phan_ky(vb, anh));
}
