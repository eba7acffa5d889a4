//! The package (Open Packaging Conventions): the parts, their content types and
//! relationships, the document properties, and the zip that holds them, written in a fixed
//! order with a fixed time stamp so that the same document always gives the same bytes.

use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::LoiDocx;
use crate::anh::Media;
use crate::xml::esc;

/// The XML declaration every part starts with.
pub(crate) const XML_DAU: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// The WordprocessingML namespace.
pub(crate) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace used in `r:id` attributes.
pub(crate) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The parts of one document, as XML text.
#[derive(Debug)]
pub(crate) struct CacPhan {
    /// `word/document.xml`.
    pub(crate) document: String,
    /// `word/styles.xml`.
    pub(crate) styles: String,
    /// The headers and footers.
    pub(crate) dau_chan: Vec<DauChan>,
    /// Title (`dc:title`).
    pub(crate) tieu_de: String,
    /// Author (`dc:creator`): the issuing agency.
    pub(crate) tac_gia: String,
    /// Date of issue, `YYYY-MM-DD`, when complete: the package's created and modified time.
    pub(crate) ngay: Option<String>,
    /// The images, `word/media/…` (PNG).
    pub(crate) media: Vec<Media>,
}

impl CacPhan {
    /// The parts of a file of `vb` (the document, or a part issued on its own): its styles,
    /// and the agency as author and the date of issue as the package's times; no images.
    pub(crate) fn cua(
        vb: &vanban_core::VanBan,
        document: String,
        dau_chan: Vec<DauChan>,
        tieu_de: String,
    ) -> CacPhan {
        CacPhan {
            document,
            styles: crate::kieu::styles_xml(vb.co_chu),
            dau_chan,
            tieu_de,
            tac_gia: vb.co_quan.ten.join(" "),
            ngay: vb.ngay.to_naive_date().map(|d| d.to_string()),
            media: Vec::new(),
        }
    }
}

/// A header or footer part.
#[derive(Debug)]
pub(crate) struct DauChan {
    /// The part's name under `word/`: `header1.xml`.
    pub(crate) tep: &'static str,
    /// The id sections refer to it by.
    pub(crate) rid: &'static str,
    /// A footer (else a header).
    pub(crate) chan: bool,
    /// Its XML.
    pub(crate) xml: String,
}

impl DauChan {
    /// The header `tep`, referred to as `rid`.
    pub(crate) fn dau_trang(tep: &'static str, rid: &'static str, xml: String) -> DauChan {
        DauChan { tep, rid, chan: false, xml }
    }

    /// The footer `tep`, referred to as `rid`.
    pub(crate) fn chan_trang(tep: &'static str, rid: &'static str, xml: String) -> DauChan {
        DauChan { tep, rid, chan: true, xml }
    }

    fn loai(&self) -> &'static str {
        if self.chan { "footer" } else { "header" }
    }
}

/// `docProps/core.xml`: title, author, language; the document's date (never the clock) as
/// its created and modified time, or none.
fn core_xml(p: &CacPhan) -> String {
    let ngay = p
        .ngay
        .as_ref()
        .map(|d| {
            format!(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:created>\
                 <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:modified>"
            )
        })
        .unwrap_or_default();
    format!(
        "{XML_DAU}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy>\
         <dc:language>vi-VN</dc:language>{ngay}</cp:coreProperties>",
        esc(&p.tieu_de),
        esc(&p.tac_gia),
        esc(&p.tac_gia)
    )
}

/// `[Content_Types].xml`.
fn content_types(dau_chan: &[DauChan], media: &[Media]) -> String {
    let png = if media.is_empty() { "" } else { "<Default Extension=\"png\" ContentType=\"image/png\"/>" };
    let mut s = format!(
        "{XML_DAU}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>{png}\
         <Override PartName=\"/word/document.xml\" ContentType=\"{CT}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{CT}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{CT}.settings+xml\"/>"
    );
    for d in dau_chan {
        s.push_str(&format!(
            "<Override PartName=\"/word/{}\" ContentType=\"{CT}.{}+xml\"/>",
            d.tep,
            d.loai()
        ));
    }
    s.push_str(
        "<Override PartName=\"/docProps/core.xml\" \
         ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
    );
    s
}

/// `word/_rels/document.xml.rels`.
fn document_rels(dau_chan: &[DauChan], media: &[Media]) -> String {
    let mut s = format!(
        "{XML_DAU}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>"
    );
    for d in dau_chan {
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{REL}/{}\" Target=\"{}\"/>",
            d.rid,
            d.loai(),
            d.tep
        ));
    }
    for m in media {
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{REL}/image\" Target=\"media/{}\"/>",
            m.rid, m.ten
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// The package-level relationships.
fn package_rels() -> String {
    format!(
        "{XML_DAU}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" \
         Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
         Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// `word/settings.xml`: current Word layout (compatibility mode 15), Vietnamese.
fn settings() -> String {
    format!(
        "{XML_DAU}<w:settings xmlns:w=\"{NS_W}\"><w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" \
         w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"vi-VN\"/></w:settings>"
    )
}

/// `docProps/app.xml`.
fn app_xml() -> String {
    format!(
        "{XML_DAU}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>vanban</Application></Properties>"
    )
}

/// The zip of the package's parts.
pub(crate) fn dong_goi(p: &CacPhan) -> Result<Vec<u8>, LoiDocx> {
    let mut parts: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), content_types(&p.dau_chan, &p.media)),
        ("_rels/.rels".into(), package_rels()),
        ("docProps/core.xml".into(), core_xml(p)),
        ("docProps/app.xml".into(), app_xml()),
        ("word/_rels/document.xml.rels".into(), document_rels(&p.dau_chan, &p.media)),
        ("word/document.xml".into(), p.document.clone()),
        ("word/styles.xml".into(), p.styles.clone()),
        ("word/settings.xml".into(), settings()),
    ];
    parts.extend(p.dau_chan.iter().map(|d| (format!("word/{}", d.tep), d.xml.clone())));
    // A fixed time (the zip format's epoch, 1980-01-01) instead of the clock.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    // PNG data is compressed already: stored as it is.
    for m in &p.media {
        zip.start_file(
            format!("word/media/{}", m.ten),
            options.compression_method(CompressionMethod::Stored),
        )?;
        zip.write_all(&m.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
