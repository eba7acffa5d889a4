//! Measuring rendered documents against Nghị định 30/2020/NĐ-CP.
//!
//! A document is parsed and laid out through the public crates, then its pages are read as
//! text runs and drawn rules ([`vanban_render::PageView`]) and the helpers here find the
//! decree's components on them: the header, the body lines, the signature block.
#![deny(missing_docs)]

pub mod harness;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use vanban_core::{DangTep, Mau, VanBan};
use vanban_render::{Layout, PageView, Renderer, Rule, TextRun};

pub use vanban_render::PT_PER_MM;

/// Millimetres to points.
pub fn mm(v: f64) -> f64 {
    v * PT_PER_MM
}

/// Points to millimetres.
pub fn to_mm(v: f64) -> f64 {
    v / PT_PER_MM
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the repository").to_path_buf()
}

/// One renderer for the whole test binary, as a long-running program would keep it.
pub fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

/// A document, laid out and read back.
#[derive(Debug)]
pub struct Measured {
    /// The parsed document.
    pub van_ban: VanBan,
    /// The layout.
    pub layout: Layout,
    /// Its pages.
    pub pages: Vec<PageView>,
}

/// Parses and lays out a document given as text.
pub fn measure_str(source: &str, dang: DangTep) -> Measured {
    let van_ban = match vanban_core::parse(source, dang) {
        Ok(v) => v,
        Err(d) => panic!("document does not parse:\n{}", d.display_with("<test>")),
    };
    measure(van_ban)
}

/// Parses and lays out a document file (path relative to the repository root); the images
/// it names are read from its directory.
pub fn measure_file(rel: &str) -> Measured {
    let path = root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let van_ban = match vanban_core::parse(&text, DangTep::from_path(&path)) {
        Ok(v) => v,
        Err(d) => panic!("document does not parse:\n{}", d.display_with(rel)),
    };
    let dir = path.parent().expect("a file is in a directory");
    let layout = renderer().layout_in(&van_ban, dir).unwrap_or_else(|e| panic!("{rel}: layout failed: {e}"));
    let pages = layout.pages();
    Measured { van_ban, layout, pages }
}

/// Parses a document given as text and lays it out as if it were a file in `dir` (relative
/// to the repository root), from which its images are read.
pub fn measure_str_in(source: &str, dang: DangTep, dir: &str) -> Measured {
    let van_ban = match vanban_core::parse(source, dang) {
        Ok(v) => v,
        Err(d) => panic!("document does not parse:\n{}\n{source}", d.display_with("<test>")),
    };
    let layout =
        renderer().layout_in(&van_ban, &root().join(dir)).unwrap_or_else(|e| panic!("layout failed: {e}"));
    let pages = layout.pages();
    Measured { van_ban, layout, pages }
}

/// Lays out a parsed document.
pub fn measure(van_ban: VanBan) -> Measured {
    let layout = renderer().layout(&van_ban).unwrap_or_else(|e| panic!("layout failed: {e}"));
    let pages = layout.pages();
    Measured { van_ban, layout, pages }
}

/// The text area of an A4 page with the margins the renderer uses, as measured on the
/// page (left edge of the leftmost and right edge of the rightmost justified line).
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// Left edge, in points from the page's left edge.
    pub left: f64,
    /// Right edge, in points from the page's left edge.
    pub right: f64,
}

impl Area {
    /// The horizontal centre.
    pub fn center(&self) -> f64 {
        (self.left + self.right) / 2.0
    }
}

/// A line of text: runs on one baseline.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The runs, left to right.
    pub runs: Vec<&'a TextRun>,
}

impl Line<'_> {
    /// The line's text; runs separated by a gap get a space between them.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut end: Option<f64> = None;
        for r in &self.runs {
            if let Some(e) = end
                && r.x - e > 0.5
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            out.push_str(&r.text);
            end = Some(r.x + r.width);
        }
        out.trim_end().to_owned()
    }
    /// Baseline.
    pub fn y(&self) -> f64 {
        self.runs[0].y
    }
    /// Left edge.
    pub fn left(&self) -> f64 {
        self.runs.iter().map(|r| r.x).fold(f64::INFINITY, f64::min)
    }
    /// Right edge: where the last glyph ends (a space that ends a broken line is laid out
    /// with no width).
    pub fn right(&self) -> f64 {
        self.runs.iter().map(|r| r.x + r.width).fold(f64::NEG_INFINITY, f64::max)
    }
    /// Right edge of the ink; the same as [`Line::right`].
    pub fn ink_right(&self) -> f64 {
        self.right()
    }
    /// Horizontal centre of the ink.
    pub fn center(&self) -> f64 {
        (self.left() + self.ink_right()) / 2.0
    }
    /// Largest font size on the line.
    pub fn size(&self) -> f64 {
        self.runs.iter().map(|r| r.size).fold(0.0, f64::max)
    }
    /// Whether every run is bold.
    pub fn bold(&self) -> bool {
        self.runs.iter().all(|r| r.bold())
    }
    /// Whether every run is italic.
    pub fn italic(&self) -> bool {
        self.runs.iter().all(|r| r.italic)
    }
    /// Whether every run is upright and regular.
    pub fn regular(&self) -> bool {
        self.runs.iter().all(|r| !r.bold() && !r.italic)
    }
}

/// The lines of a page, top to bottom, left to right. Runs that share a baseline but stand in
/// different columns (the two halves of the header or of the signature block) are separate
/// lines: a wide gap, or a gap where the font changes, parts them.
pub fn lines(page: &PageView) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    for group in page.lines() {
        let mut current: Vec<&TextRun> = Vec::new();
        for r in group {
            if let Some(prev) = current.last() {
                let gap = r.x - (prev.x + prev.width);
                let restyled = prev.size != r.size || prev.weight != r.weight || prev.italic != r.italic;
                if gap > 40.0 || (gap > 3.0 && restyled) {
                    out.push(Line { runs: std::mem::take(&mut current) });
                }
            }
            current.push(r);
        }
        if !current.is_empty() {
            out.push(Line { runs: current });
        }
    }
    out
}

/// The first line whose text starts with `prefix`, on `page`.
pub fn line_starting<'a>(page: &'a PageView, prefix: &str) -> Option<Line<'a>> {
    lines(page).into_iter().find(|l| l.text().starts_with(prefix))
}

/// The first line whose text equals `text`.
pub fn line_eq<'a>(page: &'a PageView, text: &str) -> Option<Line<'a>> {
    lines(page).into_iter().find(|l| l.text() == text)
}

/// Horizontal rules on the page, top to bottom.
pub fn rules(page: &PageView) -> Vec<&Rule> {
    let mut r: Vec<&Rule> = page.rules.iter().filter(|r| r.is_horizontal()).collect();
    r.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    r
}

/// A ruled table on a page: the x of its column edges and the y of its row edges, in points,
/// left to right and top to bottom.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Column edges.
    pub xs: Vec<f64>,
    /// Row edges.
    pub ys: Vec<f64>,
}

impl Grid {
    /// Whether `l` is set inside the table.
    pub fn contains(&self, l: &Line<'_>) -> bool {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
            (self.xs.first(), self.xs.last(), self.ys.first(), self.ys.last())
        else {
            return false;
        };
        l.y() > y0 && l.y() < y1 && l.left() >= x0 - 0.5 && l.ink_right() <= x1 + 0.5
    }

    /// The column and row a line's baseline and left edge fall in.
    pub fn cell_of(&self, l: &Line<'_>) -> Option<(usize, usize)> {
        let c = self.xs.windows(2).position(|w| l.left() >= w[0] - 0.5 && l.left() < w[1])?;
        let r = self.ys.windows(2).position(|w| l.y() > w[0] && l.y() < w[1])?;
        Some((c, r))
    }

    /// The lines of `page` set inside the table, each cut at the column edges (cells of one
    /// row share a baseline and would read as one line).
    pub fn lines<'p>(&self, page: &'p PageView) -> Vec<Line<'p>> {
        let mut out = Vec::new();
        for l in lines(page).into_iter().filter(|l| self.contains(l)) {
            let mut current: Vec<&TextRun> = Vec::new();
            let mut column = None;
            for r in l.runs {
                let c = self.xs.windows(2).position(|w| r.x >= w[0] - 0.5 && r.x < w[1]);
                if c != column && !current.is_empty() {
                    out.push(Line { runs: std::mem::take(&mut current) });
                }
                column = c;
                current.push(r);
            }
            if !current.is_empty() {
                out.push(Line { runs: current });
            }
        }
        out
    }

    /// The text of each cell, its lines joined by spaces: `[row][column]`.
    pub fn cells(&self, page: &PageView) -> Vec<Vec<String>> {
        let mut out =
            vec![vec![String::new(); self.xs.len().saturating_sub(1)]; self.ys.len().saturating_sub(1)];
        for l in self.lines(page) {
            if let Some((c, r)) = self.cell_of(&l) {
                let cell = &mut out[r][c];
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&l.text());
            }
        }
        out
    }
}

/// The ruled tables of a page: horizontal rules whose ends meet vertical rules, grouped while
/// a vertical rule joins each to the one above.
pub fn grids(page: &PageView) -> Vec<Grid> {
    let span = |a: f64, b: f64| (a.min(b), a.max(b));
    let verticals: Vec<(f64, f64, f64)> = page
        .rules
        .iter()
        .filter(|r| (r.x1 - r.x0).abs() < 0.01 && (r.y1 - r.y0).abs() > 1.0)
        .map(|r| {
            let (y0, y1) = span(r.y0, r.y1);
            (r.x0, y0, y1)
        })
        .collect();
    let joins = |x: f64, ya: f64, yb: f64| {
        verticals.iter().any(|&(vx, v0, v1)| (vx - x).abs() < 1.0 && v0 <= ya + 1.0 && v1 >= yb - 1.0)
    };
    let mut out: Vec<(f64, f64, Vec<f64>)> = Vec::new();
    for h in rules(page) {
        let (x0, x1) = span(h.x0, h.x1);
        if !joins(x0, h.y0, h.y0) || !joins(x1, h.y0, h.y0) {
            continue;
        }
        match out.last_mut() {
            Some((gx0, gx1, ys))
                if (*gx0 - x0).abs() < 1.0
                    && (*gx1 - x1).abs() < 1.0
                    && ys.last().is_some_and(|&y| joins(x0, y, h.y0)) =>
            {
                ys.push(h.y0)
            }
            _ => out.push((x0, x1, vec![h.y0])),
        }
    }
    out.into_iter()
        .filter(|(_, _, ys)| ys.len() >= 2)
        .map(|(x0, x1, ys)| {
            let (top, bottom) = (ys[0], ys[ys.len() - 1]);
            let mut xs: Vec<f64> = verticals
                .iter()
                .filter(|&&(vx, v0, v1)| vx >= x0 - 1.0 && vx <= x1 + 1.0 && v1 > top && v0 < bottom)
                .map(|&(vx, _, _)| vx)
                .collect();
            xs.sort_by(f64::total_cmp);
            xs.dedup_by(|a, b| (*a - *b).abs() < 1.0);
            Grid { xs, ys }
        })
        .collect()
}

/// Whether a line of running text opens a paragraph: it carries the first-line indent of 1 or
/// 1.27 cm from `left`, the text area's left edge.
pub fn indented(l: &Line<'_>, left: f64) -> bool {
    let indent = l.left() - left;
    (indent - mm(10.0)).abs() < 0.5 || (indent - mm(12.7)).abs() < 0.5
}

/// Two consecutive lines of running text on one page, with nothing printed or drawn between
/// them: the step from one baseline to the next.
#[derive(Debug, Clone)]
pub struct Step<'a> {
    /// The page, counted from 0.
    pub page: usize,
    /// The upper line.
    pub from: Line<'a>,
    /// The line under it.
    pub to: Line<'a>,
    /// Whether the lower line opens a new paragraph (see [`indented`]).
    pub new_paragraph: bool,
}

impl Step<'_> {
    /// The distance between the two baselines, in points.
    pub fn distance(&self) -> f64 {
        self.to.y() - self.from.y()
    }
}

/// The steps between consecutive lines of a run of running text (page, line) in reading
/// order, where both lie on one page and neither a line nor a rule of that page lies between
/// them (a table, a centred heading left out of the run, a page's foot). `left` is the text
/// area's left edge.
pub fn steps<'a>(pages: &'a [PageView], run: &[(usize, Line<'a>)], left: f64) -> Vec<Step<'a>> {
    let mut out = Vec::new();
    for w in run.windows(2) {
        let ((pa, a), (pb, b)) = (&w[0], &w[1]);
        if pa != pb || b.y() <= a.y() + 0.5 {
            continue;
        }
        let (y0, y1) = (a.y() + 0.5, b.y() - 0.5);
        let page = &pages[*pa];
        let between = lines(page).iter().any(|l| l.y() > y0 && l.y() < y1)
            || page.rules.iter().any(|r| r.y0.min(r.y1) < y1 && r.y0.max(r.y1) > y0);
        if !between {
            out.push(Step { page: *pa, from: a.clone(), to: b.clone(), new_paragraph: indented(b, left) });
        }
    }
    out
}

/// The line pitch of running text in em of its size: the median step between two lines of
/// one paragraph, when some paragraph runs over two lines or more.
pub fn line_pitch_em(steps: &[Step<'_>]) -> Option<f64> {
    let mut within: Vec<f64> =
        steps.iter().filter(|s| !s.new_paragraph).map(|s| s.distance() / s.to.size()).collect();
    within.sort_by(f64::total_cmp);
    within.get(within.len() / 2).copied()
}

/// The rule drawn under a line: the first rule below its baseline, within two line heights,
/// whose centre lies within the line's horizontal extent.
pub fn rule_under<'a>(page: &'a PageView, line: &Line<'_>) -> Option<&'a Rule> {
    rules(page).into_iter().find(|r| {
        r.y0 > line.y()
            && r.y0 - line.y() < 2.0 * line.size()
            && r.center_x() > line.left()
            && r.center_x() < line.right()
    })
}

impl Measured {
    /// Page 1.
    pub fn page1(&self) -> &PageView {
        &self.pages[0]
    }

    /// The page that holds the signer's name.
    pub fn signature_page(&self) -> usize {
        let name = &self.van_ban.nguoi_ky.ho_ten;
        self.pages
            .iter()
            .rposition(|p| lines(p).iter().any(|l| &l.text() == name))
            .expect("the signer's name is printed")
    }

    /// The line after which the body of a nghị quyết, quyết định or công điện starts:
    /// `QUYẾT NGHỊ:` / `QUYẾT ĐỊNH:`, or the công điện's `<SENDER> điện:`.
    pub fn lenh_text(&self) -> Option<String> {
        match &self.van_ban.mau {
            Mau::QuyetDinh(q) => Some(q.lenh().to_owned()),
            Mau::CongDien(c) => Some(format!("{} điện:", vanban_core::in_hoa(&c.tham_quyen))),
            _ => None,
        }
    }

    /// The page and baseline of [`Measured::lenh_text`]'s line, if the document has one.
    pub fn lenh(&self) -> Option<(usize, f64)> {
        let text = self.lenh_text()?;
        self.pages.iter().enumerate().find_map(|(i, p)| line_eq(p, &text).map(|l| (i, l.y())))
    }

    /// The body lines of every page: (page index, line), in reading order. The body starts
    /// under the last header component of page 1 (under `QUYẾT ĐỊNH:` in a quyết định) and
    /// ends above `Nơi nhận:`.
    pub fn body_lines(&self) -> Vec<(usize, Line<'_>)> {
        let last_page = self.signature_page();
        let (first_page, first_y) = self.lenh().unwrap_or((0, self.header_bottom()));
        let mut out = Vec::new();
        for (i, page) in self.pages.iter().enumerate().take(last_page + 1).skip(first_page) {
            let start = if i == first_page { first_y } else { mm(20.0) };
            // The body ends at Nơi nhận, beside the signer; in a biên bản at the two signature
            // titles, which stand above Nơi nhận.
            let end_label = match self.van_ban.mau {
                Mau::BienBan(_) => vanban_core::BienBan::THU_KY,
                _ => "Nơi nhận:",
            };
            let mut end = if i == last_page {
                line_eq(page, end_label).map(|l| l.y() - 1.0).unwrap_or(f64::INFINITY)
            } else {
                f64::INFINITY
            };
            if i == 0
                && let Some(rule) = self.lien_he_rule()
            {
                end = end.min(rule.y0);
            }
            // The body's text, not the cells of its tables (checked on their own).
            let tables = grids(page);
            for l in lines(page) {
                if l.y() > start && l.y() < end && !tables.iter().any(|g| g.contains(&l)) {
                    out.push((i, l));
                }
            }
        }
        out
    }

    /// The rule over ô 13 (the agency's address at the foot of page 1), when the document
    /// has one: the lowest rule on page 1.
    pub fn lien_he_rule(&self) -> Option<&Rule> {
        if self.van_ban.co_quan.lien_he.is_empty() {
            return None;
        }
        rules(self.page1()).last().copied()
    }

    /// The rules of page 1's heading: every rule but the one over ô 13 and those of a copy
    /// block on page 1.
    pub fn header_rules(&self) -> Vec<&Rule> {
        let mut r = rules(self.page1());
        if self.lien_he_rule().is_some() {
            r.pop();
        }
        if let Some((0, copy)) = self.ban_sao_rule() {
            r.retain(|x| x.y0 < copy.y0);
        }
        // Nor those of the body's tables.
        if let Some(top) = grids(self.page1()).first().map(|g| g.ys[0]) {
            r.retain(|x| x.y0 < top - 0.5);
        }
        r
    }

    /// The index of the page each appendix begins on (Mẫu 2.1): the first page after the
    /// signature's whose first line is the appendix's heading (`Phụ lục`, `Phụ lục II`).
    pub fn phu_luc_pages(&self) -> Vec<Option<usize>> {
        let n = self.van_ban.phu_luc.len();
        let sp = self.signature_page();
        (0..n)
            .map(|i| {
                let heading = vanban_core::PhuLuc::nhan(i, n);
                self.pages.iter().enumerate().skip(sp + 1).find_map(|(at, p)| {
                    let first = lines(p).into_iter().find(|l| l.y() > mm(20.0))?;
                    (first.text() == heading).then_some(at)
                })
            })
            .collect()
    }

    /// The running text of the parts numbered on their own (the document a decision issues,
    /// the appendices): (page index, line), in reading order. Each part's text starts under the
    /// rule below its line “(Kèm theo …)” and runs to the next part, or to a paper copy's block;
    /// the top margin (page numbers, a separate file's signature text) and the cells of tables
    /// are left out.
    pub fn part_lines(&self) -> Vec<(usize, Line<'_>)> {
        let starts = {
            let mut s = self.part_starts();
            s.sort_unstable();
            s
        };
        let copy = self.ban_sao_rule().map(|(p, r)| (p, r.y0));
        let mut out = Vec::new();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(self.pages.len());
            let first = &self.pages[start];
            let ls = lines(first);
            let Some(at) = ls.iter().position(|l| l.text().starts_with("(Kèm theo") && l.y() > mm(20.0))
            else {
                continue;
            };
            let last = ls[at..].iter().take_while(|l| l.italic()).last().unwrap_or(&ls[at]);
            let top = rule_under(first, last).map_or(last.y(), |r| r.y0);
            for (i, page) in self.pages.iter().enumerate().take(end).skip(start) {
                let from = if i == start { top } else { mm(20.0) };
                let to = match copy {
                    Some((p, y)) if p == i => y,
                    Some((p, _)) if p < i => break,
                    _ => f64::INFINITY,
                };
                let tables = grids(page);
                for l in lines(page) {
                    if l.y() > from && l.y() < to && !tables.iter().any(|g| g.contains(&l)) {
                        out.push((i, l));
                    }
                }
            }
        }
        out
    }

    /// The index of the page the document a decision issues begins on (Mẫu 1.3): the first
    /// page after the signature's that prints the attached document's type name.
    pub fn kem_theo_page(&self) -> Option<usize> {
        let k = self.van_ban.kem_theo.as_ref()?;
        let sp = self.signature_page();
        self.pages.iter().enumerate().skip(sp + 1).find_map(|(i, p)| line_eq(p, k.loai.ten_loai()).map(|_| i))
    }

    /// The pages where a part numbered on its own begins: the attached document's and each
    /// appendix's.
    pub fn part_starts(&self) -> Vec<usize> {
        self.kem_theo_page().into_iter().chain(self.phu_luc_pages().into_iter().flatten()).collect()
    }

    /// The Phần / Chương / Mục / Tiểu mục headings of the body, the attached document and the
    /// appendices, as printed: (`Chương I`, `QUY ĐỊNH CHUNG`).
    pub fn phan_chuong(&self) -> Vec<(String, String)> {
        let v = &self.van_ban;
        v.noi_dung
            .0
            .iter()
            .chain(v.kem_theo.iter().flat_map(|k| &k.noi_dung.0))
            .chain(v.phu_luc.iter().flat_map(|p| &p.noi_dung.0))
            .filter_map(|k| match k {
                vanban_core::Khoi::TieuDe { cap: vanban_core::CapTieuDe::PhanChuong, noi_dung } => {
                    vanban_core::phan_chuong(&noi_dung.plain()).map(|(a, b)| (a, vanban_core::in_hoa(&b)))
                }
                _ => None,
            })
            .collect()
    }

    /// The page and the rule across the text width that opens a paper copy's block (Mẫu
    /// 3.1): the last rule above the line `SAO Y` / `SAO LỤC` / `TRÍCH SAO`.
    pub fn ban_sao_rule(&self) -> Option<(usize, &Rule)> {
        let b = self.van_ban.ban_sao.as_ref()?;
        if !matches!(b.dinh_dang, vanban_core::DinhDangSao::Giay { .. }) {
            return None;
        }
        let sp = self.signature_page();
        self.pages.iter().enumerate().skip(sp).find_map(|(i, p)| {
            let words = lines(p).into_iter().find(|l| l.text() == b.hinh_thuc.chu())?;
            rules(p).into_iter().rfind(|r| r.y0 < words.y()).map(|r| (i, r))
        })
    }

    /// The words of the document's secrecy and urgency stamps (ô 10a, 10b), in that order.
    pub fn stamp_words(&self) -> Vec<&'static str> {
        let mat = self.van_ban.do_mat.map(|d| d.chu());
        let khan = self.van_ban.do_khan.map(|d| d.chu());
        [mat, khan].into_iter().flatten().collect()
    }

    /// Baseline of the last line of page 1's heading components (Kính gửi, trích yếu, V/v,
    /// the stamps of ô 10).
    pub fn header_bottom(&self) -> f64 {
        let page = self.page1();
        let ls = lines(page);
        let mut bottom = ls.iter().find(|l| l.text().starts_with("Số:")).map(|l| l.y()).unwrap_or(0.0);
        if let Some(v) = ls.iter().position(|l| l.text().starts_with("V/v")) {
            // The V/v block: its lines are 12–13 pt, directly under Số.
            bottom = ls[v..].iter().take_while(|l| l.size() <= 13.0).map(|l| l.y()).fold(bottom, f64::max);
        }
        if let Some(rule) = self.header_rules().last() {
            bottom = bottom.max(rule.y0);
        }
        for w in self.stamp_words() {
            if let Some(l) = ls.iter().find(|l| l.text() == w) {
                bottom = bottom.max(l.y());
            }
        }
        if let Some(k) = ls.iter().position(|l| l.text().starts_with("Kính gửi:")) {
            bottom = bottom.max(ls[k].y());
            let dash_x = ls.get(k + 1).map(|l| l.left());
            for l in &ls[k + 1..] {
                // Addressee lines and their wrapped continuations hang to the right of the label.
                if l.left() >= ls[k].left() + 5.0 && dash_x.is_some() {
                    bottom = l.y();
                } else {
                    break;
                }
            }
        }
        bottom
    }
}
