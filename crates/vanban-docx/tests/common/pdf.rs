//! Reading a PDF back with poppler-utils: words with their boxes (`pdftotext -bbox-layout`)
//! and the fonts (`pdffonts`).

use std::path::Path;
use std::process::Command;

/// A word and its box, in points from the page's top left.
#[derive(Debug, Clone)]
pub struct Tu {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub chu: String,
}

impl Tu {
    /// The baseline. LibreOffice writes ascent and descent 0 in the descriptors of the
    /// fonts it embeds; poppler then boxes each word from 0.95 em above the baseline to
    /// 0.35 em below it (1.3 em in all), so the baseline lies 0.35 / 1.3 of the box's
    /// height above its bottom. This holds for every size, so baselines of different sizes
    /// compare.
    pub fn duong_co_so(&self) -> f64 {
        self.y1 - (self.y1 - self.y0) * 0.35 / 1.3
    }
}

/// A line of words on a page (1-based).
#[derive(Debug, Clone)]
pub struct Dong {
    pub trang: usize,
    pub tu: Vec<Tu>,
}

impl Dong {
    pub fn x0(&self) -> f64 {
        self.tu.first().map_or(0.0, |t| t.x0)
    }
    pub fn x1(&self) -> f64 {
        self.tu.last().map_or(0.0, |t| t.x1)
    }
    pub fn duong_co_so(&self) -> f64 {
        self.tu.first().map_or(0.0, Tu::duong_co_so)
    }
    pub fn y0(&self) -> f64 {
        self.tu.iter().map(|t| t.y0).fold(f64::INFINITY, f64::min)
    }
    pub fn chu(&self) -> String {
        self.tu.iter().map(|t| t.chu.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// A PDF's pages (width, height) and lines, in pdftotext's reading order.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub trang: Vec<(f64, f64)>,
    pub dong: Vec<Dong>,
}

fn thuoc_tinh(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let at = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let end = tag[at..].find('"').unwrap() + at;
    tag[at..end].parse().unwrap()
}

fn bo_thoat(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Runs `pdftotext -bbox-layout` on `pdf` and reads its XHTML.
pub fn doc_pdf(pdf: &Path) -> Pdf {
    let out =
        Command::new("pdftotext").arg("-bbox-layout").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let mut p = Pdf { trang: Vec::new(), dong: Vec::new() };
    let mut rest = html.as_str();
    while let Some(i) = rest.find('<') {
        let j = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i + 1..j];
        rest = &rest[j + 1..];
        if tag.starts_with("page ") {
            p.trang.push((thuoc_tinh(tag, "width"), thuoc_tinh(tag, "height")));
        } else if tag.starts_with("line ") {
            p.dong.push(Dong { trang: p.trang.len(), tu: Vec::new() });
        } else if tag.starts_with("word ") {
            let end = rest.find("</word>").unwrap();
            let tu = Tu {
                x0: thuoc_tinh(tag, "xMin"),
                y0: thuoc_tinh(tag, "yMin"),
                x1: thuoc_tinh(tag, "xMax"),
                y1: thuoc_tinh(tag, "yMax"),
                chu: bo_thoat(&rest[..end]),
            };
            p.dong.last_mut().expect("a word inside a line").tu.push(tu);
            rest = &rest[end..];
        }
    }
    p
}

/// The fonts `pdffonts` lists: (name without the subset prefix, embedded).
pub fn phong_chu(pdf: &Path) -> Vec<(String, bool)> {
    let out = Command::new("pdffonts").arg(pdf).output().expect("pdffonts runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let name = cols.first()?;
            let name = name.split_once('+').map_or(*name, |(_, n)| n).to_owned();
            // emb is the fourth column from the end's "emb sub uni object ID" block.
            let emb = cols.len() >= 6 && cols[cols.len() - 5] == "yes";
            Some((name, emb))
        })
        .collect()
}
