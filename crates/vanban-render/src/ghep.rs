//! PDFs joined into one (ghép): the pieces of `render merge --combine`, each a few documents
//! laid out and written apart ([`TapVanBan`](crate::TapVanBan)), so that no process ever
//! holds every page of a long set at once.
//!
//! Each piece is read with lopdf, its objects numbered after those already written and
//! written out at once; only what the joined file's catalogue needs is kept: the pages' order,
//! the tagged structure's top elements, its parent tree and role map, the outline's top items
//! and the page labels. The first piece gives the file its document information and, for
//! PDF/A, its XMP metadata (page count and identifiers brought up to date) and output intent.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use pdf_writer::{Chunk, Name, Ref, Str};

use crate::RenderError;

/// The joined file's own objects, numbered before every piece's.
const CATALOG: ObjectId = (1, 0);
const PAGES: ObjectId = (2, 0);
const STRUCT_ROOT: ObjectId = (3, 0);
const OUTLINES: ObjectId = (4, 0);
/// The first number a piece's objects take.
const FIRST_FREE: u32 = 5;

/// Catalogue entries a piece may have. Anything else (forms, named destinations, attached
/// files) is not something a laid-out document of this crate has, and a piece holding it is
/// refused rather than joined wrongly.
const KNOWN: &[&[u8]] = &[
    b"Type",
    b"Pages",
    b"StructTreeRoot",
    b"Lang",
    b"ViewerPreferences",
    b"MarkInfo",
    b"Metadata",
    b"OutputIntents",
    b"Outlines",
    b"PageLabels",
];

/// Page attributes a page may inherit from the page-tree nodes above it.
const INHERITED: &[&[u8]] = &[b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// PDFs joined into one, written to `W` (a file, a `Vec<u8>`) as they are added: their pages
/// in order, one after another. Only what the catalogue needs is kept until the end.
///
/// # Example
/// ```no_run
/// # fn pieces() -> Vec<Vec<u8>> { Vec::new() }
/// let file = std::io::BufWriter::new(std::fs::File::create("tat-ca.pdf")?);
/// let mut ghep = vanban_render::GhepPdf::new(file);
/// for piece in pieces() {
///     ghep.them(&piece)?;
/// }
/// ghep.pdf()?; // the writer back, everything written to it
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct GhepPdf<W: Write> {
    out: W,
    /// Bytes written to `out`.
    pos: usize,
    /// Where each object from [`FIRST_FREE`] on starts in `out`, by number (`usize::MAX`
    /// until written).
    offsets: Vec<usize>,
    /// Where the file's own objects, numbered below [`FIRST_FREE`], start.
    own: [Option<usize>; FIRST_FREE as usize - 1],
    pages: Vec<ObjectId>,
    kids: Vec<Object>,
    nums: Vec<Object>,
    next_key: i64,
    role_map: Dictionary,
    class_map: Dictionary,
    ids: Vec<(Vec<u8>, Object)>,
    outline: Vec<(ObjectId, Dictionary)>,
    outline_count: i64,
    /// Each piece's first page and its page labels (`None`: none of its own).
    labels: Vec<(usize, Option<Vec<Object>>)>,
    first: Option<First>,
    /// The identifiers of every piece, in order: the joined file's are made from them.
    idents: Vec<u8>,
    pieces: usize,
}

/// What the first piece gives the joined file.
struct First {
    catalog: Dictionary,
    info: Option<Object>,
    metadata: Option<(ObjectId, Stream)>,
    ids: Vec<Vec<u8>>,
}

impl<W: Write> std::fmt::Debug for GhepPdf<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GhepPdf")
            .field("pieces", &self.pieces)
            .field("pages", &self.pages.len())
            .finish_non_exhaustive()
    }
}

impl<W: Write> GhepPdf<W> {
    /// Nothing joined yet; the file will be written to `out`.
    pub fn new(out: W) -> GhepPdf<W> {
        GhepPdf {
            out,
            pos: 0,
            offsets: Vec::new(),
            own: Default::default(),
            pages: Vec::new(),
            kids: Vec::new(),
            nums: Vec::new(),
            next_key: 0,
            role_map: Dictionary::new(),
            class_map: Dictionary::new(),
            ids: Vec::new(),
            outline: Vec::new(),
            outline_count: 0,
            labels: Vec::new(),
            first: None,
            idents: Vec::new(),
            pieces: 0,
        }
    }

    /// The number of pages joined so far.
    pub fn so_trang(&self) -> usize {
        self.pages.len()
    }

    /// Adds the pages of `pdf` (a PDF this crate wrote) after those added before.
    ///
    /// # Errors
    /// [`RenderError::Pdf`] when `pdf` cannot be read or holds what cannot be joined, or
    /// when writing fails.
    pub fn them(&mut self, pdf: &[u8]) -> Result<(), RenderError> {
        let doc = Document::load_mem(pdf)
            .map_err(|e| loi(&format!("đọc PDF ({e})"), &format!("reading a PDF ({e})")))?;
        self.them_doc(doc).map_err(|e| loi(&format!("ghép PDF ({e})"), &format!("joining a PDF ({e})")))
    }

    fn them_doc(&mut self, mut doc: Document) -> Result<(), lopdf::Error> {
        let first = self.first.is_none();
        let root = doc.trailer.get(b"Root")?.as_reference()?;
        let mut catalog = doc.get_dictionary(root)?.clone();
        if let Some((key, _)) = catalog.iter().find(|(k, _)| !KNOWN.contains(&k.as_slice())) {
            return Err(lopdf::Error::Unimplemented(if key.as_slice() == b"Names" {
                "named destinations"
            } else {
                "a catalogue entry"
            }));
        }
        let id: Vec<Vec<u8>> = match doc.trailer.get(b"ID").and_then(Object::as_array) {
            Ok(id) => id.iter().filter_map(|s| s.as_str().ok()).map(<[u8]>::to_vec).collect(),
            Err(_) => Vec::new(),
        };
        self.idents.extend(id.iter().flatten());
        if !first {
            // Later pieces' document information, metadata and output intent are the first's.
            for key in [b"Metadata".as_slice(), b"OutputIntents"] {
                catalog.remove(key);
            }
            doc.trailer.remove(b"Info");
            doc.objects.insert(root, Object::Dictionary(catalog.clone()));
        }
        prune(&mut doc);

        // What is read of the piece, under its own numbers.
        let mut skip = vec![root];
        let pages = leaves(&doc, catalog.get(b"Pages")?.as_reference()?, &Dictionary::new(), &mut skip)?;
        let held = self.hold(&doc, &catalog, &mut skip, first)?;
        let st = match catalog.get(b"StructTreeRoot").and_then(Object::as_reference) {
            Ok(st) => Some(Structure::of(&doc, st)?),
            Err(_) => None,
        };
        let labels = catalog.get(b"PageLabels").ok().map(|l| nums_of(&doc, l)).transpose()?;
        let metadata = catalog.get(b"Metadata").and_then(Object::as_reference).ok().filter(|_| first);

        // The numbers the piece's objects take here, in their order; the objects moved to them.
        let next = FIRST_FREE as usize + self.offsets.len();
        let map: HashMap<ObjectId, ObjectId> = doc
            .objects
            .keys()
            .filter(|id| !skip.contains(id) || held.contains(id))
            .enumerate()
            .map(|(i, &id)| (id, ((next + i) as u32, 0)))
            .collect();
        let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
        for (id, mut object) in std::mem::take(&mut doc.objects) {
            if let Some(&new) = map.get(&id) {
                renumber(&mut object, &map);
                objects.insert(new, object);
            }
        }

        let key_offset = self.next_key;
        for (page, inherited) in &pages {
            let Some(Object::Dictionary(d)) = objects.get_mut(&map[page]) else { continue };
            for (k, v) in inherited.iter() {
                if !d.has(k) {
                    let mut v = v.clone();
                    renumber(&mut v, &map);
                    d.set(k.clone(), v);
                }
            }
            d.set("Parent", PAGES);
            offset_key(d, b"StructParents", key_offset);
            let annots = d.get(b"Annots").and_then(Object::as_array).cloned().unwrap_or_default();
            for a in annots {
                let Object::Reference(r) = a else {
                    return Err(lopdf::Error::Unimplemented("direct annotations"));
                };
                if let Some(Object::Dictionary(a)) = objects.get_mut(&r) {
                    offset_key(a, b"StructParent", key_offset);
                }
            }
        }
        if let Some(st) = st {
            self.structure(st, &mut objects, key_offset, &map);
        }
        self.labels.push((self.pages.len(), labels));
        self.pages.extend(pages.iter().map(|(p, _)| map[p]));
        if first {
            let info = doc.trailer.get(b"Info").ok().cloned().map(|mut o| {
                renumber(&mut o, &map);
                o
            });
            let metadata = metadata.and_then(|m| match objects.get(&map[&m]) {
                Some(Object::Stream(s)) => Some((map[&m], s.clone())),
                _ => None,
            });
            let mut kept = Dictionary::new();
            for key in [b"Lang".as_slice(), b"ViewerPreferences", b"MarkInfo", b"Metadata", b"OutputIntents"]
            {
                if let Ok(v) = catalog.get(key) {
                    let mut v = v.clone();
                    renumber(&mut v, &map);
                    kept.set(key.to_vec(), v);
                }
            }
            self.write(format!("%PDF-{}\n%", doc.version).as_bytes())?;
            self.write(&[0xe2, 0xe3, 0xcf, 0xd3, b'\n'])?;
            self.first = Some(First { catalog: kept, info, metadata, ids: id });
        }
        let held: Vec<ObjectId> = held.iter().map(|h| map[h]).collect();
        self.write_objects(objects, &held)?;
        self.pieces += 1;
        Ok(())
    }

    /// Marks what of the piece is not written as it is: the page tree's nodes (already in
    /// `skip`), the structure tree's root and trees, the outline's root; and what is held
    /// back to be written when the file is finished: the outline's top items (their links
    /// change) and the first piece's metadata. Returns those held back.
    fn hold(
        &mut self,
        doc: &Document,
        catalog: &Dictionary,
        skip: &mut Vec<ObjectId>,
        first: bool,
    ) -> Result<Vec<ObjectId>, lopdf::Error> {
        let mut held = Vec::new();
        if let Ok(outlines) = catalog.get(b"Outlines").and_then(Object::as_reference) {
            skip.push(outlines);
            let d = doc.get_dictionary(outlines)?;
            self.outline_count += d.get(b"Count").and_then(Object::as_i64).unwrap_or(0).max(0);
            let mut item = d.get(b"First").and_then(Object::as_reference).ok();
            while let Some(id) = item {
                if held.contains(&id) {
                    break;
                }
                held.push(id);
                item = doc.get_dictionary(id)?.get(b"Next").and_then(Object::as_reference).ok();
            }
        }
        if first && let Ok(m) = catalog.get(b"Metadata").and_then(Object::as_reference) {
            held.push(m);
        }
        if let Ok(st) = catalog.get(b"StructTreeRoot").and_then(Object::as_reference) {
            skip.push(st);
            let root = doc.get_dictionary(st)?;
            for key in [b"ParentTree".as_slice(), b"IDTree"] {
                if let Ok(tree) = root.get(key) {
                    tree_nodes(doc, tree, skip)?;
                }
            }
        }
        skip.extend(held.iter().copied());
        Ok(held)
    }

    /// Takes the piece's tagged structure into the joined file's: its top elements under
    /// the one root, its parent tree's keys moved past those taken before, its role and
    /// class maps merged, its element identifiers made unique.
    fn structure(
        &mut self,
        st: Structure,
        objects: &mut BTreeMap<ObjectId, Object>,
        key_offset: i64,
        map: &HashMap<ObjectId, ObjectId>,
    ) {
        for mut kid in st.kids {
            renumber(&mut kid, map);
            match &mut kid {
                Object::Reference(r) => {
                    if let Some(Object::Dictionary(d)) = objects.get_mut(r) {
                        d.set("P", STRUCT_ROOT);
                    }
                }
                Object::Dictionary(d) => d.set("P", STRUCT_ROOT),
                _ => {}
            }
            self.kids.push(kid);
        }
        let mut max_key = -1;
        for pair in st.nums.chunks(2) {
            if let [Object::Integer(k), v] = pair {
                let mut v = v.clone();
                renumber(&mut v, map);
                max_key = max_key.max(*k);
                self.nums.extend([Object::Integer(k + key_offset), v]);
            }
        }
        self.next_key = key_offset + st.next_key.max(max_key + 1);
        for (maps, into) in [(st.role_map, &mut self.role_map), (st.class_map, &mut self.class_map)] {
            for (k, mut v) in maps {
                if !into.has(&k) {
                    renumber(&mut v, map);
                    into.set(k, v);
                }
            }
        }
        // Element identifiers are unique within a file: every piece's but the first's get a
        // prefix of their own, where they name an element and where a cell names its headers.
        let prefix = (self.pieces > 0).then(|| format!("p{}-", self.pieces).into_bytes());
        if let Some(prefix) = &prefix
            && !st.ids.is_empty()
        {
            for object in objects.values_mut() {
                prefix_ids(object, prefix);
            }
        }
        for pair in st.ids.chunks(2) {
            if let [Object::String(k, _), v] = pair {
                let name = match &prefix {
                    Some(p) => [p.as_slice(), k].concat(),
                    None => k.clone(),
                };
                let mut v = v.clone();
                renumber(&mut v, map);
                self.ids.push((name, v));
            }
        }
    }

    /// Writes the piece's objects, in order, but those held back: the outline's top items
    /// are kept to be linked at the end; the metadata is written from `first`.
    fn write_objects(
        &mut self,
        objects: BTreeMap<ObjectId, Object>,
        held: &[ObjectId],
    ) -> std::io::Result<()> {
        for (id, object) in objects {
            if held.contains(&id) {
                if let Object::Dictionary(d) = object {
                    self.outline.push((id, d));
                }
                self.offsets.push(usize::MAX);
                continue;
            }
            self.offsets.push(self.pos);
            self.write(&object_bytes(id, &object))?;
        }
        Ok(())
    }

    /// Writes `bytes` to the file.
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.pos += bytes.len();
        Ok(())
    }

    /// Finishes the file: the catalogue, the page tree, the structure tree, the outline,
    /// the cross-reference table and the trailer.
    ///
    /// # Errors
    /// [`RenderError::Pdf`] when nothing was added, or when writing fails.
    pub fn pdf(mut self) -> Result<W, RenderError> {
        let Some(first) = self.first.take() else {
            return Err(loi("không có PDF nào để ghép", "no PDF to join"));
        };
        self.finish(&first).map_err(|e| loi(&format!("ghi PDF ({e})"), &format!("writing the PDF ({e})")))?;
        Ok(self.out)
    }

    fn finish(&mut self, first: &First) -> std::io::Result<()> {
        let ids = [0x9e37_79b9_7f4a_7c15_u64, 0].map(|seed| {
            let h = crate::renderer::fnv1a(&[&seed.to_le_bytes()[..], &self.idents].concat());
            format!("vanban-{h:016x}").into_bytes()
        });
        if let Some((id, stream)) = &first.metadata {
            let xmp = xmp(stream, self.pages.len(), &first.ids, &ids);
            self.put(*id, &Object::Stream(xmp))?;
        }
        let mut catalog = first.catalog.clone();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", PAGES);
        let count = self.pages.len() as i64;
        let kids: Vec<Object> = self.pages.iter().map(|&p| Object::Reference(p)).collect();
        let pages = Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
        ]);
        self.put(PAGES, &Object::Dictionary(pages))?;
        if !self.kids.is_empty() {
            catalog.set("StructTreeRoot", STRUCT_ROOT);
            let root = self.struct_root();
            self.put(STRUCT_ROOT, &Object::Dictionary(root))?;
        }
        if !self.outline.is_empty() {
            catalog.set("Outlines", OUTLINES);
            self.finish_outline()?;
        }
        if self.labels.iter().any(|(_, l)| l.is_some()) {
            catalog.set("PageLabels", Dictionary::from_iter([("Nums", Object::Array(self.page_labels()))]));
        }
        self.put(CATALOG, &Object::Dictionary(catalog))?;
        self.trailer(first, &ids)?;
        self.out.flush()
    }

    fn struct_root(&mut self) -> Dictionary {
        let mut root = Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", Object::Array(std::mem::take(&mut self.kids))),
            (
                "ParentTree",
                Object::Dictionary(Dictionary::from_iter([(
                    "Nums",
                    Object::Array(std::mem::take(&mut self.nums)),
                )])),
            ),
            ("ParentTreeNextKey", Object::Integer(self.next_key)),
        ]);
        if !self.role_map.is_empty() {
            root.set("RoleMap", std::mem::take(&mut self.role_map));
        }
        if !self.class_map.is_empty() {
            root.set("ClassMap", std::mem::take(&mut self.class_map));
        }
        if !self.ids.is_empty() {
            // A name tree's keys in order.
            self.ids.sort_by(|a, b| a.0.cmp(&b.0));
            let names = std::mem::take(&mut self.ids)
                .into_iter()
                .flat_map(|(k, v)| [Object::String(k, StringFormat::Literal), v])
                .collect();
            root.set("IDTree", Dictionary::from_iter([("Names", Object::Array(names))]));
        }
        root
    }

    /// Links the pieces' outline top items one after another under the one outline.
    fn finish_outline(&mut self) -> std::io::Result<()> {
        let items = std::mem::take(&mut self.outline);
        let ids: Vec<ObjectId> = items.iter().map(|(id, _)| *id).collect();
        for (i, (id, mut d)) in items.into_iter().enumerate() {
            d.set("Parent", OUTLINES);
            d.remove(b"Prev");
            d.remove(b"Next");
            if i > 0 {
                d.set("Prev", ids[i - 1]);
            }
            if let Some(&next) = ids.get(i + 1) {
                d.set("Next", next);
            }
            self.put(id, &Object::Dictionary(d))?;
        }
        let root = Dictionary::from_iter([
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(ids[0])),
            ("Last", Object::Reference(ids[ids.len() - 1])),
            ("Count", Object::Integer(self.outline_count)),
        ]);
        self.put(OUTLINES, &Object::Dictionary(root))
    }

    /// The joined page labels: each piece's, moved to its first page; a piece without labels
    /// of its own numbered 1, 2, … as it is printed.
    fn page_labels(&self) -> Vec<Object> {
        let mut nums = Vec::new();
        for (start, labels) in &self.labels {
            match labels {
                Some(l) => {
                    for pair in l.chunks(2) {
                        if let [Object::Integer(k), v] = pair {
                            nums.extend([Object::Integer(k + *start as i64), v.clone()]);
                        }
                    }
                }
                None => nums.extend([
                    Object::Integer(*start as i64),
                    Object::Dictionary(Dictionary::from_iter([("S", Object::Name(b"D".to_vec()))])),
                ]),
            }
        }
        nums
    }

    /// Writes an object of the joined file's own (numbered below [`FIRST_FREE`]) or one held
    /// back, and records where it starts.
    fn put(&mut self, id: ObjectId, object: &Object) -> std::io::Result<()> {
        let at = self.pos;
        match id.0.checked_sub(FIRST_FREE) {
            Some(i) => self.offsets[i as usize] = at,
            None => self.own[id.0 as usize - 1] = Some(at),
        }
        self.write(&object_bytes(id, object))
    }

    /// The cross-reference table and the trailer, after every object.
    fn trailer(&mut self, first: &First, ids: &[Vec<u8>; 2]) -> std::io::Result<()> {
        let xref = self.pos;
        let starts: Vec<Option<usize>> = self
            .own
            .iter()
            .copied()
            .chain(self.offsets.iter().map(|&o| (o != usize::MAX).then_some(o)))
            .collect();
        // Free entries linked as the format asks: each names the next free number, the last 0.
        let free: Vec<usize> =
            starts.iter().enumerate().filter(|(_, s)| s.is_none()).map(|(i, _)| i + 1).collect();
        let mut next_free = free.iter().copied();
        let _ = next_free.next();
        let mut table =
            format!("xref\n0 {}\n{:010} 65535 f\r\n", starts.len() + 1, free.first().copied().unwrap_or(0));
        for start in &starts {
            match start {
                Some(at) => table.push_str(&format!("{at:010} 00000 n\r\n")),
                None => table.push_str(&format!("{:010} 00000 f\r\n", next_free.next().unwrap_or(0))),
            }
        }
        self.write(table.as_bytes())?;
        let mut trailer = Dictionary::from_iter([
            ("Size", Object::Integer(starts.len() as i64 + 1)),
            ("Root", Object::Reference(CATALOG)),
        ]);
        if let Some(info) = &first.info {
            trailer.set("Info", info.clone());
        }
        let id = ids.iter().map(|i| Object::String(i.clone(), StringFormat::Literal)).collect();
        trailer.set("ID", Object::Array(id));
        self.write(b"trailer\n")?;
        let mut chunk = Chunk::with_settings(pdf_writer::Settings { pretty: false });
        // A direct object: written as the value of a throwaway indirect one, then cut out.
        value(chunk.indirect(Ref::new(1)), &Object::Dictionary(trailer));
        let bytes = chunk.as_bytes();
        let body = bytes.strip_prefix(b"1 0 obj\n").unwrap_or(bytes);
        let body =
            body.strip_suffix(b"\nendobj\n\n").or_else(|| body.strip_suffix(b"\nendobj\n")).unwrap_or(body);
        self.write(body)?;
        self.write(format!("\nstartxref\n{xref}\n%%EOF\n").as_bytes())
    }
}

/// What a piece's structure tree holds, read under the piece's own numbers.
struct Structure {
    kids: Vec<Object>,
    nums: Vec<Object>,
    next_key: i64,
    role_map: Dictionary,
    class_map: Dictionary,
    ids: Vec<Object>,
}

impl Structure {
    fn of(doc: &Document, st: ObjectId) -> Result<Structure, lopdf::Error> {
        let root = doc.get_dictionary(st)?;
        let kids = match root.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(k) => vec![k.clone()],
            Err(_) => Vec::new(),
        };
        let map = |key: &[u8]| {
            root.get(key).and_then(|o| resolve(doc, o)).and_then(Object::as_dict).cloned().unwrap_or_default()
        };
        Ok(Structure {
            kids,
            nums: root.get(b"ParentTree").map(|t| nums_of(doc, t)).unwrap_or(Ok(Vec::new()))?,
            next_key: root.get(b"ParentTreeNextKey").and_then(Object::as_i64).unwrap_or(0),
            role_map: map(b"RoleMap"),
            class_map: map(b"ClassMap"),
            ids: root.get(b"IDTree").map(|t| names_of(doc, t)).unwrap_or(Ok(Vec::new()))?,
        })
    }
}

fn loi(vi: &str, en: &str) -> RenderError {
    RenderError::Pdf(vec![format!("không {vi} được ({en} failed)")])
}

/// `object` written as indirect object `id` (pdf-writer writes the syntax).
pub(crate) fn object_bytes(id: ObjectId, object: &Object) -> Vec<u8> {
    let mut chunk = Chunk::with_settings(pdf_writer::Settings { pretty: false });
    let at = Ref::new(id.0.clamp(1, i32::MAX as u32) as i32);
    match object {
        Object::Stream(s) => {
            let mut stream = chunk.stream(at, &s.content);
            for (k, v) in s.dict.iter().filter(|(k, _)| k.as_slice() != b"Length") {
                value(stream.insert(Name(k)), v);
            }
        }
        o => value(chunk.indirect(at), o),
    }
    chunk.as_bytes().to_vec()
}

/// Writes a direct object.
fn value(obj: pdf_writer::Obj<'_>, o: &Object) {
    match o {
        Object::Null | Object::Stream(_) => obj.primitive(pdf_writer::Null),
        Object::Boolean(b) => obj.primitive(*b),
        Object::Integer(i) => obj.primitive((*i).clamp(i32::MIN.into(), i32::MAX.into()) as i32),
        Object::Real(r) => obj.primitive(*r),
        Object::Name(n) => obj.primitive(Name(n)),
        Object::String(s, _) => obj.primitive(Str(s)),
        Object::Reference(id) => obj.primitive(Ref::new(id.0.clamp(1, i32::MAX as u32) as i32)),
        Object::Array(a) => {
            let mut array = obj.array();
            for item in a {
                value(array.push(), item);
            }
        }
        Object::Dictionary(d) => {
            let mut dict = obj.dict();
            for (k, v) in d.iter() {
                value(dict.insert(Name(k)), v);
            }
        }
    }
}

/// Keeps only the objects reachable from the trailer.
fn prune(doc: &mut Document) {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut todo: Vec<ObjectId> = Vec::new();
    refs(&Object::Dictionary(doc.trailer.clone()), &mut todo);
    while let Some(id) = todo.pop() {
        if seen.insert(id)
            && let Some(o) = doc.objects.get(&id)
        {
            refs(o, &mut todo);
        }
    }
    doc.objects.retain(|id, _| seen.contains(id));
}

/// Every reference inside `object`.
fn refs(object: &Object, into: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => into.push(*id),
        Object::Array(a) => a.iter().for_each(|o| refs(o, into)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs(o, into)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs(o, into)),
        _ => {}
    }
}

/// Gives every reference inside `object` its new number (references to objects not in
/// `map` are left as they are).
fn renumber(object: &mut Object, map: &HashMap<ObjectId, ObjectId>) {
    match object {
        Object::Reference(id) => {
            if let Some(new) = map.get(id) {
                *id = *new;
            }
        }
        Object::Array(a) => a.iter_mut().for_each(|o| renumber(o, map)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| renumber(o, map)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| renumber(o, map)),
        _ => {}
    }
}

/// The object `o` stands for: itself, or the one it refers to.
fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Result<&'a Object, lopdf::Error> {
    match o {
        Object::Reference(id) => doc.get_object(*id),
        o => Ok(o),
    }
}

/// The pages under page-tree node `node`, in order, each with the attributes it inherits;
/// the nodes themselves go to `skip`.
fn leaves(
    doc: &Document,
    node: ObjectId,
    inherited: &Dictionary,
    skip: &mut Vec<ObjectId>,
) -> Result<Vec<(ObjectId, Dictionary)>, lopdf::Error> {
    let d = doc.get_dictionary(node)?;
    if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Pages".as_slice()) {
        return Ok(vec![(node, inherited.clone())]);
    }
    if skip.contains(&node) {
        return Err(lopdf::Error::Unimplemented("a page tree with a cycle"));
    }
    skip.push(node);
    let mut here = inherited.clone();
    for key in INHERITED {
        if let Ok(v) = d.get(key) {
            here.set(key.to_vec(), v.clone());
        }
    }
    let mut pages = Vec::new();
    for kid in d.get(b"Kids")?.as_array()? {
        pages.extend(leaves(doc, kid.as_reference()?, &here, skip)?);
    }
    Ok(pages)
}

/// The indirect nodes of a number or name tree, to `skip`.
fn tree_nodes(doc: &Document, tree: &Object, skip: &mut Vec<ObjectId>) -> Result<(), lopdf::Error> {
    if let Object::Reference(id) = tree {
        if skip.contains(id) {
            return Ok(());
        }
        skip.push(*id);
    }
    if let Ok(kids) = resolve(doc, tree)?.as_dict()?.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            tree_nodes(doc, kid, skip)?;
        }
    }
    Ok(())
}

/// The key–value pairs of a number tree, flattened in order.
fn nums_of(doc: &Document, tree: &Object) -> Result<Vec<Object>, lopdf::Error> {
    leaves_of(doc, tree, b"Nums", 0)
}

/// The key–value pairs of a name tree, flattened in order.
fn names_of(doc: &Document, tree: &Object) -> Result<Vec<Object>, lopdf::Error> {
    leaves_of(doc, tree, b"Names", 0)
}

fn leaves_of(doc: &Document, tree: &Object, key: &[u8], depth: usize) -> Result<Vec<Object>, lopdf::Error> {
    if depth > 32 {
        return Err(lopdf::Error::Unimplemented("a tree this deep"));
    }
    let d = resolve(doc, tree)?.as_dict()?;
    let mut out = d.get(key).and_then(Object::as_array).cloned().unwrap_or_default();
    if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            out.extend(leaves_of(doc, kid, key, depth + 1)?);
        }
    }
    Ok(out)
}

/// Moves the number under `key` by `offset`.
fn offset_key(d: &mut Dictionary, key: &[u8], offset: i64) {
    if let Ok(k) = d.get(key).and_then(Object::as_i64) {
        d.set(key.to_vec(), Object::Integer(k + offset));
    }
}

/// Prefixes the element identifiers in `object`: a structure element's `ID`, and the
/// identifiers a table cell's `Headers` name.
fn prefix_ids(object: &mut Object, prefix: &[u8]) {
    match object {
        Object::Array(a) => a.iter_mut().for_each(|o| prefix_ids(o, prefix)),
        Object::Dictionary(d) => {
            let is_elem = d.get(b"S").is_ok() && d.get(b"K").is_ok() || d.get(b"P").is_ok();
            for (k, v) in d.iter_mut() {
                match (k.as_slice(), v) {
                    (b"ID", Object::String(s, _)) if is_elem => *s = [prefix, s.as_slice()].concat(),
                    (b"Headers", Object::Array(a)) => {
                        for h in a.iter_mut() {
                            if let Object::String(s, _) = h {
                                *s = [prefix, s.as_slice()].concat();
                            }
                        }
                    }
                    (_, v) => prefix_ids(v, prefix),
                }
            }
        }
        _ => {}
    }
}

/// The first piece's XMP metadata brought up to the joined file: its page count, and its
/// identifiers replaced by the file's.
fn xmp(stream: &Stream, pages: usize, old: &[Vec<u8>], new: &[Vec<u8>; 2]) -> Stream {
    let mut stream = stream.clone();
    let Ok(text) = stream.decompressed_content().or_else(|_| Ok::<_, lopdf::Error>(stream.content.clone()))
    else {
        return stream;
    };
    let Ok(mut text) = String::from_utf8(text) else { return stream };
    let (open, close) = ("<xmpTPg:NPages>", "</xmpTPg:NPages>");
    if let Some(a) = text.find(open)
        && let Some(b) = text[a..].find(close)
    {
        text.replace_range(a + open.len()..a + b, &pages.to_string());
    }
    for (o, n) in old.iter().zip(new) {
        if let (Ok(o), Ok(n)) = (std::str::from_utf8(o), std::str::from_utf8(n))
            && !o.is_empty()
        {
            text = text.replace(o, n);
        }
    }
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.set_content(text.into_bytes());
    stream
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PdfOptions, Renderer, TapVanBan};

    fn piece(renderer: &Renderer, names: &[&str], options: &PdfOptions) -> (Vec<u8>, usize) {
        let mut tap = TapVanBan::new(names.len());
        for (i, name) in names.iter().enumerate() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name);
            let text = std::fs::read_to_string(&path).unwrap();
            let van_ban = vanban_core::parse(&text, vanban_core::DangTep::from_path(&path)).unwrap();
            tap.dat(i, renderer.layout_in(&van_ban, path.parent().unwrap()).unwrap());
        }
        (tap.pdf(options).unwrap(), tap.so_trang())
    }

    fn join(pieces: &[(Vec<u8>, usize)]) -> Vec<u8> {
        let mut ghep = GhepPdf::new(Vec::new());
        for (pdf, _) in pieces {
            ghep.them(pdf).unwrap();
        }
        assert_eq!(ghep.so_trang(), pieces.iter().map(|p| p.1).sum::<usize>());
        ghep.pdf().unwrap()
    }

    fn text_of(doc: &Document) -> Vec<String> {
        doc.get_pages().keys().map(|&n| doc.extract_text(&[n]).unwrap_or_default()).collect()
    }

    #[test]
    fn a_joined_file_is_its_pieces_pages_with_one_structure() {
        let renderer = Renderer::new();
        let options = PdfOptions::pdf_a();
        // The last piece has tables whose cells name their headers by identifier.
        let pieces = [
            piece(&renderer, &["cong-van.toml", "giay-moi.toml"], &options),
            piece(&renderer, &["phu-luc-dien-tu.toml"], &options),
            piece(&renderer, &["phu-luc-dien-tu.toml"], &options),
        ];
        let pdf = join(&pieces);
        assert_eq!(join(&pieces), pdf, "the same pieces, the same bytes");
        let doc = Document::load_mem(&pdf).unwrap();
        let total: usize = pieces.iter().map(|p| p.1).sum();
        assert_eq!(doc.get_pages().len(), total);
        let expected: Vec<String> =
            pieces.iter().flat_map(|(p, _)| text_of(&Document::load_mem(p).unwrap())).collect();
        assert_eq!(text_of(&doc), expected, "every page, in the pieces' order");

        // The structure: one root over every piece's elements; the pages' keys into the
        // parent tree all different and all in it.
        let catalog = doc.catalog().unwrap();
        let root =
            doc.get_dictionary(catalog.get(b"StructTreeRoot").unwrap().as_reference().unwrap()).unwrap();
        assert_eq!(root.get(b"K").unwrap().as_array().unwrap().len(), 3);
        let nums =
            root.get(b"ParentTree").unwrap().as_dict().unwrap().get(b"Nums").unwrap().as_array().unwrap();
        let keys: Vec<i64> = nums.chunks(2).map(|p| p[0].as_i64().unwrap()).collect();
        let page_keys: Vec<i64> = doc
            .get_pages()
            .values()
            .map(|&p| doc.get_dictionary(p).unwrap().get(b"StructParents").unwrap().as_i64().unwrap())
            .collect();
        let mut unique = page_keys.clone();
        unique.dedup();
        assert_eq!(unique.len(), total);
        assert!(page_keys.iter().all(|k| keys.contains(k)));
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "a number tree's keys in order");
        assert_eq!(root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap(), keys.last().unwrap() + 1);
        // Element identifiers: unique, in order, the later pieces' prefixed.
        let ids = root.get(b"IDTree").unwrap().as_dict().unwrap().get(b"Names").unwrap().as_array().unwrap();
        let names: Vec<&[u8]> = ids.chunks(2).map(|p| p[0].as_str().unwrap()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with(b"p2-")));

        // PDF/A: the first piece's metadata, with the joined file's page count and identifiers.
        let xmp = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
        let xmp = String::from_utf8(xmp.as_stream().unwrap().content.clone()).unwrap();
        assert!(xmp.contains(&format!("<xmpTPg:NPages>{total}</xmpTPg:NPages>")), "{xmp}");
        let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
        let first = std::str::from_utf8(id[0].as_str().unwrap()).unwrap();
        assert!(xmp.contains(&format!("<xmpMM:DocumentID>{first}</xmpMM:DocumentID>")), "{xmp}");
        assert!(catalog.get(b"OutputIntents").is_ok());
    }

    #[test]
    fn nothing_to_join_and_a_broken_piece_are_errors() {
        assert!(GhepPdf::new(Vec::new()).pdf().is_err());
        assert!(GhepPdf::new(Vec::new()).them(b"%PDF-1.7\nnot a pdf").is_err());
    }
}
