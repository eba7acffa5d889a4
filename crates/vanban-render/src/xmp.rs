//! The outgoing-document record ([`DuLieuVanBanDi`], Phụ lục VI) carried in a PDF's XMP
//! metadata, with the PDF/A extension schema that declares its properties.
//!
//! The PDF is not rewritten: an incremental update is appended that replaces the metadata
//! stream (and, where the PDF had none, the catalogue that points to it), so every byte of
//! the original stays where it was and the result is as deterministic as the original.

use lopdf::{Document, Object, ObjectId, Stream};
use vanban_core::DuLieuVanBanDi;
use vanban_core::du_lieu_di::{CAC_TRUONG, GiaTri, KieuTruong, Truong};
use vanban_core::xml::thoat;

use crate::RenderError;

/// The namespace of the record's properties.
pub const NS_DU_LIEU_DI: &str = "https://example.invalid/vanban/ns/van-ban-di/1.0/";
/// Its prefix.
const TIEN_TO: &str = "vbdi";

/// `pdf` with `du_lieu` added to its XMP metadata (PDF/A extension schema included).
///
/// # Errors
///
/// [`RenderError::Pdf`] when `pdf` cannot be read.
pub fn them_du_lieu_di(pdf: &[u8], du_lieu: &DuLieuVanBanDi) -> Result<Vec<u8>, RenderError> {
    let loi = |en: &str| RenderError::Pdf(vec![format!("không thêm được dữ liệu văn bản đi vào XMP ({en})")]);
    let doc = Document::load_mem(pdf).map_err(|e| loi(&e.to_string()))?;
    let root = doc.trailer.get(b"Root").and_then(Object::as_reference).map_err(|_| loi("no catalogue"))?;
    let catalog = doc.get_dictionary(root).map_err(|_| loi("no catalogue"))?;
    let size = doc.trailer.get(b"Size").and_then(Object::as_i64).map_err(|_| loi("no /Size"))?;
    let size = u32::try_from(size).map_err(|_| loi("bad /Size"))?;
    let prev = startxref(pdf).ok_or_else(|| loi("no startxref"))?;
    let cu = catalog.get(b"Metadata").and_then(Object::as_reference).ok();
    let xmp_cu = cu.and_then(|id| doc.get_object(id).ok()).and_then(|o| o.as_stream().ok()).map(noi_dung);
    let xmp = chen(xmp_cu.as_deref().unwrap_or(GOI_RONG), du_lieu);
    let mut stream =
        Stream::new(lopdf::dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp.into_bytes());
    stream.allows_compression = false;
    let mut moi: Vec<(ObjectId, Object)> = Vec::new();
    let (id_xmp, size) = match cu {
        Some(id) => (id, size),
        None => {
            let id = (size, 0);
            let mut catalog = catalog.clone();
            catalog.set("Metadata", Object::Reference(id));
            moi.push((root, Object::Dictionary(catalog)));
            (id, size + 1)
        }
    };
    moi.push((id_xmp, Object::Stream(stream)));
    moi.sort_by_key(|(id, _)| *id);
    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut xref = Vec::new();
    for (id, object) in &moi {
        xref.push((id.0, out.len()));
        out.extend_from_slice(&crate::ghep::object_bytes(*id, object));
        out.push(b'\n');
    }
    let at = out.len();
    out.extend_from_slice(b"xref\n");
    for (id, offset) in &xref {
        out.extend_from_slice(format!("{id} 1\n{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {size} /Root {} 0 R", root.0).as_bytes());
    if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        out.extend_from_slice(format!(" /Info {} 0 R", info.0).as_bytes());
    }
    if let Ok(ids) = doc.trailer.get(b"ID").and_then(Object::as_array) {
        out.extend_from_slice(b" /ID [");
        for id in ids.iter().filter_map(|o| o.as_str().ok()) {
            out.push(b'<');
            out.extend(id.iter().flat_map(|b| format!("{b:02X}").into_bytes()));
            out.push(b'>');
        }
        out.push(b']');
    }
    out.extend_from_slice(format!(" /Prev {prev} >>\nstartxref\n{at}\n%%EOF\n").as_bytes());
    Ok(out)
}

/// The offset the last `startxref` of `pdf` gives.
fn startxref(pdf: &[u8]) -> Option<usize> {
    let key = b"startxref";
    let at = pdf.windows(key.len()).rposition(|w| w == key)?;
    let rest = std::str::from_utf8(&pdf[at + key.len()..]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// A metadata stream's text.
fn noi_dung(stream: &Stream) -> String {
    let bytes = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// An XMP packet with nothing in it, for a PDF that had none.
const GOI_RONG: &str = "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

/// `xmp` with the record's description and its schema's declaration added.
fn chen(xmp: &str, du_lieu: &DuLieuVanBanDi) -> String {
    let mut xmp = xmp.to_owned();
    let bag = "<pdfaExtension:schemas><rdf:Bag>";
    let compact = xmp.replace(char::is_whitespace, "");
    if let Some(at) = xmp.find("<pdfaExtension:schemas>").filter(|_| compact.contains(bag)) {
        // Declared among the schemas the PDF declares already.
        let bag_at = at + xmp[at..].find("<rdf:Bag>").unwrap_or(0) + "<rdf:Bag>".len();
        xmp.insert_str(bag_at, &khai_bao());
    } else if let Some(at) = xmp.rfind("</rdf:RDF>") {
        xmp.insert_str(at, &format!("<rdf:Description rdf:about=\"\" {KHAI_BAO_NS}><pdfaExtension:schemas><rdf:Bag>{}</rdf:Bag></pdfaExtension:schemas></rdf:Description>", khai_bao()));
    }
    if let Some(at) = xmp.rfind("</rdf:RDF>") {
        xmp.insert_str(at, &mo_ta(du_lieu));
    }
    xmp
}

/// The namespaces of the PDF/A extension schema.
const KHAI_BAO_NS: &str = "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\" \
xmlns:pdfaType=\"http://www.aiim.org/pdfa/ns/type#\" \
xmlns:pdfaField=\"http://www.aiim.org/pdfa/ns/field#\"";

/// The XMP value type of a field.
fn kieu_xmp(t: &Truong) -> &'static str {
    match t.kieu {
        KieuTruong::Chuoi => "Text",
        KieuTruong::So => "Integer",
        KieuTruong::Ngay => "Date",
        KieuTruong::DanhSach => "Seq Text",
        KieuTruong::Nhom => t.ten,
    }
}

/// The record's schema as a PDF/A extension schema entry, from [`CAC_TRUONG`].
fn khai_bao() -> String {
    let mut s = format!(
        "<rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>Phụ lục VI, Nghị định 30/2020/NĐ-CP: \
         thông tin đầu vào của dữ liệu quản lý văn bản đi</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{NS_DU_LIEU_DI}</pdfaSchema:namespaceURI>\
         <pdfaSchema:prefix>{TIEN_TO}</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>"
    );
    for t in &CAC_TRUONG {
        s += &format!(
            "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{}</pdfaProperty:name>\
             <pdfaProperty:valueType>{}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>\
             <pdfaProperty:description>{}</pdfaProperty:description></rdf:li>",
            t.ten,
            kieu_xmp(t),
            t.ten_vi
        );
    }
    s += "</rdf:Seq></pdfaSchema:property><pdfaSchema:valueType><rdf:Seq>";
    for t in CAC_TRUONG.iter().filter(|t| t.kieu == KieuTruong::Nhom) {
        s += &format!(
            "<rdf:li rdf:parseType=\"Resource\"><pdfaType:type>{}</pdfaType:type>\
             <pdfaType:namespaceURI>{NS_DU_LIEU_DI}</pdfaType:namespaceURI><pdfaType:prefix>{TIEN_TO}</pdfaType:prefix>\
             <pdfaType:description>{}</pdfaType:description><pdfaType:field><rdf:Seq>",
            t.ten, t.ten_vi
        );
        for c in t.con {
            s += &format!(
                "<rdf:li rdf:parseType=\"Resource\"><pdfaField:name>{}</pdfaField:name>\
                 <pdfaField:valueType>{}</pdfaField:valueType><pdfaField:description>{}</pdfaField:description></rdf:li>",
                c.ten,
                kieu_xmp(c),
                c.ten_vi
            );
        }
        s += "</rdf:Seq></pdfaType:field></rdf:li>";
    }
    s + "</rdf:Seq></pdfaSchema:valueType></rdf:li>"
}

/// The record as an RDF description: a property per known value.
fn mo_ta(du_lieu: &DuLieuVanBanDi) -> String {
    let mut s = format!("<rdf:Description rdf:about=\"\" xmlns:{TIEN_TO}=\"{NS_DU_LIEU_DI}\">");
    for (t, g) in du_lieu.cac_gia_tri() {
        s += &thuoc_tinh(t, g);
    }
    s + "</rdf:Description>"
}

/// One property, empty when the value is not known.
fn thuoc_tinh(t: &Truong, g: &GiaTri) -> String {
    let ten = t.ten;
    match g {
        GiaTri::Trong => String::new(),
        GiaTri::DanhSach(v) if v.is_empty() => String::new(),
        GiaTri::DanhSach(v) => {
            let li: String = v.iter().map(|x| format!("<rdf:li>{}</rdf:li>", thoat(x))).collect();
            format!("<{TIEN_TO}:{ten}><rdf:Seq>{li}</rdf:Seq></{TIEN_TO}:{ten}>")
        }
        GiaTri::Nhom(v) => {
            let con: String = t.con.iter().zip(v).map(|(c, g)| thuoc_tinh(c, g)).collect();
            if con.is_empty() {
                return con;
            }
            format!("<{TIEN_TO}:{ten} rdf:parseType=\"Resource\">{con}</{TIEN_TO}:{ten}>")
        }
        g => format!("<{TIEN_TO}:{ten}>{}</{TIEN_TO}:{ten}>", thoat(&g.chu().unwrap_or_default())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PdfOptions, Renderer};

    fn van_ban() -> vanban_core::VanBan {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cong-van.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let dong = text.lines().find(|l| l.starts_with("trich_yeu")).unwrap();
        let text = text.replace(dong, r#"trich_yeu = '''Về việc <w:p> & "trích" # $ [ \ {{ x }}'''"#);
        vanban_core::parse(&text, vanban_core::DangTep::Toml).unwrap()
    }

    fn xmp_of(pdf: &[u8]) -> String {
        let doc = Document::load_mem(pdf).unwrap();
        let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
        let id = doc.get_dictionary(root).unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
        noi_dung(doc.get_object(id).unwrap().as_stream().unwrap())
    }

    #[test]
    fn the_record_is_in_the_xmp_declared_and_escaped_and_the_pdf_still_reads() {
        let renderer = Renderer::new();
        let vb = van_ban();
        for options in [PdfOptions::default(), PdfOptions::pdf_a()] {
            let pdf = renderer.render_pdf(&vb, &options).unwrap();
            let du_lieu = DuLieuVanBanDi::tu(&vb, Some(2));
            let moi = them_du_lieu_di(&pdf, &du_lieu).unwrap();
            assert_eq!(&moi[..pdf.len()], &pdf[..], "the original bytes stay as they were");
            assert_eq!(moi, them_du_lieu_di(&pdf, &du_lieu).unwrap(), "same bytes twice");
            let xmp = xmp_of(&moi);
            assert!(xmp.contains("<vbdi:Subject>Về việc &lt;w:p&gt; &amp; &quot;trích&quot; # $ [ \\ {{ x }}</vbdi:Subject>"), "{xmp}");
            assert!(xmp.contains("<vbdi:PageAmount>2</vbdi:PageAmount>"), "{xmp}");
            assert!(xmp.contains("<vbdi:SignerInfo rdf:parseType=\"Resource\"><vbdi:Position>"), "{xmp}");
            assert!(xmp.contains("<pdfaProperty:name>CodeNotation</pdfaProperty:name>"), "{xmp}");
            assert_eq!(xmp.matches("</rdf:RDF>").count(), 1);
            assert_eq!(xmp.matches("<pdfaExtension:schemas>").count(), 1, "{xmp}");
            let doc = Document::load_mem(&moi).unwrap();
            assert_eq!(doc.get_pages().len(), Document::load_mem(&pdf).unwrap().get_pages().len());
        }
    }
}
