//! The data contract checked both ways: every key a template reads is one that the data
//! (`data.rs`, `so_di.rs`) writes, and every key written is read by a template. The keys are
//! named on both sides of the contract, necessarily; this is what keeps the two the same.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use typst::foundations::Scope;
use typst::syntax::SyntaxNode;
use typst::syntax::ast::{self, AstNode};

use crate::templates::{self, Template};

/// Values of Typst's own whose fields the templates read, besides its library's (`table.cell`):
/// the table of type sizes (`co`) and a box's insets (`le-ky-so`, `inset`) in
/// `the-thuc.typ`, and the room `layout` gives (`size`).
const CUA_TYPST: [&str; 4] = ["co", "le-ky-so", "inset", "size"];

/// Keys no template prints: written so that documents that differ only in an e-office
/// identifier get different PDF identifiers (`data::co_quan_json`).
const CHI_DE_DINH_DANH: [&str; 2] = ["ma_dinh_danh", "noi_nhan_ma_dinh_danh"];

/// The keys `templates` read: fields (`d.so`), `x.at("key")` and `"key" in x`.
fn keys_read(templates: &[Template]) -> BTreeSet<String> {
    let library = crate::library::library();
    let mut keys = BTreeSet::new();
    for t in templates {
        read_in(&typst::syntax::parse(t.text), library.global.scope(), &mut keys);
    }
    keys
}

fn read_in(node: &SyntaxNode, typst: &Scope, keys: &mut BTreeSet<String>) {
    if let Some(call) = node.cast::<ast::FuncCall>()
        && let ast::Expr::FieldAccess(method) = call.callee()
    {
        // A method: `at` with a string reads that key; the method's own name is no key.
        if method.field().as_str() == "at"
            && let Some(ast::Arg::Pos(ast::Expr::Str(key))) = call.args().items().next()
        {
            keys.insert(key.get().to_string());
        }
        read_in(method.target().to_untyped(), typst, keys);
        read_in(call.args().to_untyped(), typst, keys);
        return;
    }
    if let Some(access) = node.cast::<ast::FieldAccess>()
        && of_data(access.target(), typst)
    {
        keys.insert(access.field().as_str().to_owned());
    }
    if let Some(binary) = node.cast::<ast::Binary>()
        && matches!(binary.op(), ast::BinOp::In | ast::BinOp::NotIn)
        && let ast::Expr::Str(key) = binary.lhs()
    {
        keys.insert(key.get().to_string());
    }
    for child in node.children() {
        read_in(child, typst, keys);
    }
}

/// Whether `target` (of a field access) is data: a name, or a field of one, other than
/// Typst's own values (its library's, `typst`, and [`CUA_TYPST`]). A call's result
/// (`measure(..).width`) is Typst's.
fn of_data(target: ast::Expr, typst: &Scope) -> bool {
    match target {
        ast::Expr::Ident(name) => !CUA_TYPST.contains(&name.as_str()) && typst.get(&name).is_none(),
        ast::Expr::FieldAccess(access) => of_data(access.target(), typst),
        _ => false,
    }
}

/// Adds every key of every object in `value` to `keys`.
fn keys_written(value: &Value, keys: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                keys.insert(key.clone());
                keys_written(v, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys_written(v, keys)),
        _ => {}
    }
}

/// The example documents and the test suite's documents (`.toml`, `.md`), with their folders.
fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("examples"), root.join("tests/documents"), root.join("tests/documents/ky-so")];
    let mut paths: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .map(|entry| entry.expect("a readable folder").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "md"))
        .collect();
    paths.sort();
    paths
}

fn difference(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    a.difference(b).cloned().collect()
}

#[test]
fn the_templates_read_what_the_documents_write() {
    let mut written = BTreeSet::new();
    let paths = documents();
    assert!(paths.len() >= 20, "the examples and test documents are found: {paths:?}");
    for path in &paths {
        let dir = path.parent().expect("a file has a folder");
        let (vb, ..) = vanban_core::doc_tep(path, dir).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (json, _) =
            crate::data::with_images(&vb, Some(dir)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        keys_written(&json, &mut written);
    }
    // What none of the files has: a line broken inside a paragraph (Markdown's hard break),
    // and e-office identifiers.
    let md = paths.iter().find(|p| p.extension().is_some_and(|e| e == "md")).expect("a Markdown document");
    let text = std::fs::read_to_string(md).expect("readable") + "\n\nMột dòng\\\nvà dòng sau.\n";
    let mut vb = vanban_core::parse(&text, vanban_core::DangTep::sniff(&text)).expect("a document");
    vb.co_quan.ma_dinh_danh = Some("000.00.31.H29".into());
    vb.noi_nhan.ma_dinh_danh = vec![("Văn phòng Bộ".into(), "000.00.32.H29".into())];
    keys_written(&crate::data::with_images(&vb, None).expect("no images").0, &mut written);
    let read = keys_read(&[templates::MAIN, templates::THE_THUC]);
    assert_eq!(
        difference(&read, &written),
        Vec::<String>::new(),
        "read by a template, written by no document"
    );
    let unread: Vec<String> =
        difference(&written, &read).into_iter().filter(|k| !CHI_DE_DINH_DANH.contains(&k.as_str())).collect();
    assert_eq!(unread, Vec::<String>::new(), "written, read by no template");
    for key in CHI_DE_DINH_DANH {
        assert!(written.contains(key) && !read.contains(key), "{key}: written for the identifier only");
    }
}

#[test]
fn the_register_template_reads_what_the_register_writes() {
    let mut written = BTreeSet::new();
    keys_written(&crate::so_di::tests::data(2).json(), &mut written);
    assert_eq!(keys_read(&[templates::SO_DI]), written);
}

#[test]
fn reading_sees_fields_at_and_in_but_not_methods_or_typst_values() {
    let t = Template {
        path: "/t.typ",
        text: "#let d = json(\"/data.json\")\n#d.a.b.len() #d.c.at(\"e\") #(\"f\" in d.g)\n\
               #co.noi-dung #measure(d.h).width #d.i.map(x => x.j)",
    };
    let read: Vec<String> = keys_read(&[t]).into_iter().collect();
    assert_eq!(read, ["a", "b", "c", "e", "f", "g", "h", "i", "j"]);
}
