//! Finds the sample files of the skeletons (`khung/<loai>.toml`), so that a new document
//! type needs its sample file and no edit of the code that writes skeletons.

use std::path::Path;

fn main() {
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("khung");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut slugs: Vec<String> = std::fs::read_dir(&dir)
        .expect("khung/ is there")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".toml").map(str::to_owned))
        .filter(|slug| slug != "chung")
        .collect();
    slugs.sort();
    let mut out = String::from(
        "/// The sample values of the type `slug` (`khung/<slug>.toml`), if it has a sample file.\nfn tep_mau(slug: &str) -> Option<&'static str> {\n    match slug {\n",
    );
    for slug in &slugs {
        let path = dir.join(format!("{slug}.toml"));
        out.push_str(&format!("        {slug:?} => Some(include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets it");
    std::fs::write(Path::new(&out_dir).join("khung_mau.rs"), out).expect("OUT_DIR is writable");
}
