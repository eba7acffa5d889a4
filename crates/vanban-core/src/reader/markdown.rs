//! The body: Markdown into typed blocks ([`Khoi`]).
//!
//! What a paper document can carry is kept; inline constructs it cannot (code spans, links,
//! images, HTML) are printed as the literal text that was typed, and block constructs it
//! cannot (code blocks, quotes, rules, HTML blocks) are refused with their place.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::Diagnostic;
use crate::{Bang, CanLe, CapTieuDe, Chu, DongChu, Khoi, NoiDung};

enum Open {
    Para,
    Heading(CapTieuDe),
    /// A cell of the table being read.
    Cell,
}

/// A table being read: its columns' alignments, header, rows, and the row being read.
struct TableBuild {
    can_le: Vec<CanLe>,
    dau: Vec<DongChu>,
    hang: Vec<Vec<DongChu>>,
    row: Vec<DongChu>,
    /// Where the last cell read of the row being read ends in the source.
    cell_end: usize,
}

struct Builder<'s> {
    source: &'s str,
    blocks: Vec<Khoi>,
    /// Styled runs in the closed blocks.
    runs: usize,
    /// Where the event being read starts, and where the open block started.
    at: usize,
    open_at: usize,
    open: Option<(Open, Vec<Chu>)>,
    dam: u32,
    nghieng: u32,
    /// Next number of each open list; `None` for a bullet list.
    lists: Vec<Option<u64>>,
    /// The dash or number that begins the next paragraph of a list item.
    prefix: Option<String>,
    /// The table being read, if any.
    table: Option<TableBuild>,
    problems: Vec<(usize, Diagnostic)>,
}

impl Builder<'_> {
    fn close(&mut self) {
        if let Some((kind, mut runs)) = self.open.take() {
            // A combining mark belongs with the letter before it, even where a change of
            // style (`**a**\u{301}`) put them in different runs: it moves to that run.
            for i in 1..runs.len() {
                let (before, after) = runs.split_at_mut(i);
                if let (Some(Chu::Van { text: prev, .. }), Chu::Van { text, .. }) =
                    (before.last_mut(), &mut after[0])
                {
                    let marks = text.len() - text.trim_start_matches(crate::text::dau_ket_hop).len();
                    if marks > 0 && !prev.is_empty() {
                        prev.push_str(&text[..marks]);
                        text.drain(..marks);
                    }
                }
            }
            runs.retain(|r| !matches!(r, Chu::Van { text, .. } if text.is_empty()));
            // NFC once per run, when it is complete: a combining mark may arrive in the
            // event after its base letter.
            for run in &mut runs {
                if let Chu::Van { text, .. } = run {
                    *text = text.nfc().collect();
                }
            }
            self.runs += runs.len();
            let text: String = runs
                .iter()
                .map(|r| if let Chu::Van { text, .. } = r { text.as_str() } else { "\n" })
                .collect();
            if let Some(c) = crate::text::dau_dung_rieng(&text) {
                let e = crate::ValueError::DauDungRieng(c as u32);
                self.problems.push((self.open_at, Diagnostic::new(e.to_string()).en(e.en())));
            }
            let line = DongChu(runs);
            if let Open::Cell = kind {
                // An empty cell is still a cell: it keeps its column.
                let empty = line.0.is_empty() || crate::text::trong(&line.plain());
                if let Some(t) = self.table.as_mut() {
                    t.row.push(if empty { DongChu::default() } else { line });
                }
                return;
            }
            if line.0.is_empty() || crate::text::trong(&line.plain()) {
                // Nothing would be printed (only zero-width characters, say).
                return;
            }
            self.blocks.push(match kind {
                Open::Para | Open::Cell => Khoi::DoanVan(line),
                Open::Heading(_) if crate::noi_dung::phan_chuong(&line.plain()).is_some() => {
                    Khoi::TieuDe { cap: CapTieuDe::PhanChuong, noi_dung: line }
                }
                Open::Heading(cap) => Khoi::TieuDe { cap, noi_dung: line },
            });
        }
    }

    fn open(&mut self, kind: Open) {
        self.close();
        self.open_at = self.at;
        let mut runs = Vec::new();
        if let Some(p) = self.prefix.take() {
            runs.push(Chu::Van { text: p, dam: false, nghieng: false });
        }
        self.open = Some((kind, runs));
    }

    fn push_text(&mut self, text: &str, at: usize) {
        if let Err(e) = crate::text::kiem_tra_ky_tu(text) {
            // At the character itself when the source has it as typed.
            let at = match crate::text::ky_tu_bi_tu_choi(text) {
                Some((i, c)) if self.source.get(at + i..).is_some_and(|r| r.starts_with(c)) => at + i,
                _ => at,
            };
            self.problems.push((at, Diagnostic::new(e.to_string()).en(e.en())));
            return;
        }
        if self.open.is_none() {
            self.open(Open::Para);
        }
        let text = crate::text::bo_ky_tu_an(&text.replace('\t', " "));
        let (dam, nghieng) = (self.dam > 0, self.nghieng > 0);
        if let Some((_, runs)) = self.open.as_mut() {
            if let Some(Chu::Van { text: last, dam: d, nghieng: n }) = runs.last_mut()
                && *d == dam
                && *n == nghieng
            {
                last.push_str(&text);
                return;
            }
            runs.push(Chu::Van { text, dam, nghieng });
        }
    }

    /// Refuses a construct at `at`: `what` it is and the `hint`, each (Vietnamese, English).
    fn refuse(&mut self, at: usize, what: (&str, &str), hint: (&str, &str)) {
        self.problems.push((
            at,
            Diagnostic::new(format!("{} không dùng được trong văn bản hành chính", what.0))
                .en(format!("{} cannot be used in an administrative document", what.1))
                .with_hint(hint.0)
                .hint_en(hint.1),
        ));
    }
}

/// Whether the body read so far is over a limit of [`crate::limits`]; if so, the problem is
/// reported at `at`.
fn over_limit(b: &mut Builder<'_>, at: usize) -> bool {
    use crate::limits::{BODY_BLOCKS, BODY_RUNS};
    let (what, what_en) = if b.blocks.len() > BODY_BLOCKS {
        (
            format!("hơn {BODY_BLOCKS} đoạn văn, đề mục và mục danh sách"),
            format!("more than {BODY_BLOCKS} paragraphs, headings and list items"),
        )
    } else if b.runs > BODY_RUNS {
        (
            format!("hơn {BODY_RUNS} đoạn chữ đậm, nghiêng và thường xen nhau"),
            format!("more than {BODY_RUNS} alternating runs of bold, italic and plain text"),
        )
    } else {
        return false;
    };
    if b.problems.iter().all(|(_, d)| !d.message.ends_with(LIMIT)) {
        b.problems.push((
            at,
            Diagnostic::new(format!("nội dung có {what}{LIMIT}"))
                .en(format!("the body has {what_en}: over the limit"))
                .with_hint("tách văn bản, hoặc đưa phần dài vào phụ lục thành tệp riêng")
                .hint_en("split the document, or move long parts into an appendix in a file of its own"),
        ));
    }
    true
}

const LIMIT: &str = ": quá giới hạn";

/// Parses a Markdown body. Errors carry byte offsets into `source`.
pub(super) fn noi_dung(source: &str) -> Result<NoiDung, Vec<(usize, Diagnostic)>> {
    let mut b = Builder {
        source,
        blocks: Vec::new(),
        runs: 0,
        at: 0,
        open_at: 0,
        open: None,
        dam: 0,
        nghieng: 0,
        lists: Vec::new(),
        prefix: None,
        table: None,
        problems: Vec::new(),
    };
    // Inside a construct printed literally or refused: how deep, to skip its inner events.
    let mut skip = 0usize;
    // The source of each outermost block, to find text that became no block at all.
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;
    let mut limited = false;
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        if over_limit(&mut b, range.start) {
            limited = true;
            break;
        }
        match &event {
            Event::Start(_) => {
                if depth == 0 {
                    blocks.push(range.clone());
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => blocks.push(range.clone()),
            _ => {}
        }
        b.at = range.start;
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            continue;
        }
        if bang(&mut b, &event, &range) {
            continue;
        }
        let literal = b.source.get(range.clone()).unwrap_or("").to_owned();
        match event {
            Event::Start(Tag::Paragraph) => b.open(Open::Para),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => b.close(),
            Event::Start(Tag::Heading { level, .. }) => b.open(Open::Heading(match level {
                HeadingLevel::H1 => CapTieuDe::Muc,
                HeadingLevel::H2 => CapTieuDe::Khoan,
                HeadingLevel::H3 => CapTieuDe::TieuKhoan,
                _ => CapTieuDe::Diem,
            })),
            Event::Start(Tag::List(start)) => {
                b.close();
                b.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                b.close();
                b.lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.close();
                b.prefix = Some(match b.lists.last_mut() {
                    Some(Some(n)) => {
                        let p = format!("{n}. ");
                        *n += 1;
                        p
                    }
                    _ => "- ".to_owned(),
                });
            }
            Event::End(TagEnd::Item) => {
                b.close();
                b.prefix = None;
            }
            Event::Start(Tag::Strong) => b.dam += 1,
            Event::End(TagEnd::Strong) => b.dam = b.dam.saturating_sub(1),
            Event::Start(Tag::Emphasis) => b.nghieng += 1,
            Event::End(TagEnd::Emphasis) => b.nghieng = b.nghieng.saturating_sub(1),
            Event::Text(t) => b.push_text(&t, range.start),
            Event::SoftBreak => b.push_text(" ", range.start),
            Event::HardBreak => {
                if let Some((_, runs)) = b.open.as_mut() {
                    runs.push(Chu::XuongDong);
                }
            }
            // Inline constructs paper cannot carry: printed as typed.
            Event::Code(_) | Event::InlineHtml(_) => b.push_text(&literal, range.start),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                b.push_text(&literal, range.start);
                skip = 1;
            }
            _ => skip = khong_dung(&mut b, &event, range.start),
        }
    }
    b.close();
    if !limited {
        khong_thanh_khoi(&mut b, &blocks);
    }
    over_limit(&mut b, source.len());
    if b.problems.is_empty() { Ok(NoiDung(b.blocks)) } else { Err(b.problems) }
}

/// The events of a GFM table: the header row, then the body rows, every row as wide as the
/// header (pulldown-cmark pads short rows and drops extra cells: those are refused). Returns
/// whether `event` was one of them.
fn bang(b: &mut Builder<'_>, event: &Event<'_>, range: &std::ops::Range<usize>) -> bool {
    match event {
        Event::Start(Tag::Table(aligns)) => {
            b.close();
            let can_le = aligns
                .iter()
                .map(|a| match a {
                    pulldown_cmark::Alignment::Center => CanLe::Giua,
                    pulldown_cmark::Alignment::Right => CanLe::Phai,
                    _ => CanLe::Trai,
                })
                .collect();
            b.table = Some(TableBuild {
                can_le,
                dau: Vec::new(),
                hang: Vec::new(),
                row: Vec::new(),
                cell_end: range.start,
            });
        }
        Event::Start(Tag::TableCell) => b.open(Open::Cell),
        Event::End(TagEnd::TableCell) => {
            b.close();
            if let Some(t) = b.table.as_mut() {
                t.cell_end = range.end;
            }
        }
        Event::End(TagEnd::TableHead) => {
            if let Some(t) = b.table.as_mut() {
                t.dau = std::mem::take(&mut t.row);
            }
        }
        Event::End(TagEnd::TableRow) => {
            if let Some(t) = b.table.as_mut() {
                let row = std::mem::take(&mut t.row);
                let (cot, cell_end) = (t.can_le.len(), t.cell_end);
                t.hang.push(row);
                o_thua(b, cot, cell_end, range.clone());
            }
        }
        Event::End(TagEnd::Table) => {
            if let Some(t) = b.table.take() {
                b.runs += t.dau.len() + t.hang.iter().map(Vec::len).sum::<usize>();
                b.blocks.push(Khoi::Bang(Bang { dau: t.dau, hang: t.hang, can_le: t.can_le }));
            }
        }
        Event::Start(Tag::TableHead | Tag::TableRow) => {}
        _ => return false,
    }
    true
}

/// Refuses a construct paper cannot carry (a code block, a block quote, HTML, a rule, any
/// other); returns how deep its inner events are to be skipped (0 or 1).
fn khong_dung(b: &mut Builder<'_>, event: &Event<'_>, start: usize) -> usize {
    match event {
        Event::Start(Tag::CodeBlock(kind)) => {
            let hint = match kind {
                pulldown_cmark::CodeBlockKind::Indented => (
                    "dòng bắt đầu bằng 4 dấu cách trở lên bị hiểu là khối mã: bỏ các dấu cách ở đầu dòng",
                    "a line that starts with 4 spaces or more is read as a code block: remove the spaces at the start of the line",
                ),
                pulldown_cmark::CodeBlockKind::Fenced(_) => {
                    ("bỏ các dòng ``` bao quanh đoạn này", "remove the ``` lines around this passage")
                }
            };
            b.refuse(start, ("khối mã (code block)", "a code block"), hint);
        }
        Event::Start(Tag::BlockQuote(_)) => {
            b.refuse(
                start,
                ("trích dẫn khối (dòng bắt đầu bằng “>”)", "a block quote (a line starting with “>”)"),
                ("bỏ dấu “>” ở đầu dòng", "remove the “>” at the start of the line"),
            );
        }
        Event::Start(Tag::HtmlBlock) => {
            b.refuse(
                start,
                ("mã HTML", "HTML"),
                ("bỏ các thẻ HTML, chỉ giữ lại chữ", "remove the HTML tags and keep only the text"),
            );
        }
        Event::Rule => {
            b.refuse(
                start,
                ("đường kẻ ngang (---, ***)", "a horizontal rule (---, ***)"),
                (
                    "bỏ dòng này; nếu là gạch đầu dòng thì viết “- ” trước chữ",
                    "remove this line; for a bullet item, write “- ” before the text",
                ),
            );
            return 0;
        }
        Event::Start(_) => {
            b.refuse(
                start,
                ("cấu trúc Markdown này", "this Markdown construct"),
                (
                    "chỉ dùng đoạn văn, đề mục #, gạch đầu dòng -, danh sách 1., **đậm**, *nghiêng*",
                    "use only paragraphs, # headings, - bullet items, 1. numbered items, **bold** and *italic*",
                ),
            );
        }
        _ => return 0,
    }
    1
}

/// Refuses a table row with more cells than the header (`cot` columns): GFM, and
/// pulldown-cmark with it, drop the extra cells, and their text would never be printed. The
/// row is `row` in the source, its last cell read ending at `cell_end`; a `|` escaped as
/// `\|` is text, while one inside a code span still separates cells, as GFM says.
fn o_thua(b: &mut Builder<'_>, cot: usize, cell_end: usize, row: std::ops::Range<usize>) {
    let Some(rest) = b.source.get(cell_end.min(row.end)..row.end) else { return };
    // The cells after the last one read: between unescaped pipes.
    let mut cells: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                cells.push((start, &rest[start..i]));
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push((start, &rest[start..]));
    // Before the first pipe: the end of the last cell read; after the last one: the line's
    // end (a closing pipe), or a cell without one.
    let mut extra: Vec<(usize, &str)> = cells.into_iter().skip(1).collect();
    if extra.last().is_some_and(|(_, t)| t.trim().is_empty()) {
        extra.pop();
    }
    let Some(&(at, first)) = extra.iter().find(|(_, t)| !t.trim().is_empty()) else { return };
    let n = cot + extra.len();
    let at = cell_end + at + (first.len() - first.trim_start().len());
    let dropped: Vec<&str> = extra.iter().map(|(_, t)| t.trim()).filter(|t| !t.is_empty()).collect();
    let dropped = crate::text::ngan(&dropped.join(" | "));
    let code = b.source.get(row.clone()).is_some_and(|r| r.contains('`'));
    let (hint, hint_en) = if code {
        (
            "dấu | trong `…` vẫn chia ô: muốn in dấu | thì viết \\|; nếu là cột mới, thêm cột vào hàng tiêu đề và dòng |---|",
            "a | inside `…` still separates cells: to print a | write \\|; for a new column, add it to the header row and the |---| line",
        )
    } else {
        (
            "thêm cột vào hàng tiêu đề và dòng |---| bên dưới, hoặc gộp nội dung vào một ô; muốn in dấu | trong ô thì viết \\|",
            "add the column to the header row and the |---| line under it, or merge the text into one cell; to print a | in a cell write \\|",
        )
    };
    b.problems.push((
        at,
        Diagnostic::new(format!(
            "hàng này của bảng có {n} ô, nhiều hơn {cot} ô của hàng tiêu đề: ô thừa (“{dropped}”) sẽ không được in"
        ))
        .en(format!(
            "this table row has {n} cells where the header has {cot}: the extra cells (“{dropped}”) would not be printed"
        ))
        .with_hint(hint)
        .hint_en(hint_en),
    ));
}

/// Refuses text of the body that became no block: Markdown reads a line such as
/// `[1]: van-ban.pdf` as a link reference definition, which prints nothing. `blocks` are the
/// source ranges of the outermost blocks read.
fn khong_thanh_khoi(b: &mut Builder<'_>, blocks: &[std::ops::Range<usize>]) {
    let mut sorted: Vec<&std::ops::Range<usize>> = blocks.iter().collect();
    sorted.sort_by_key(|r| r.start);
    let mut covered = 0;
    let mut gaps = Vec::new();
    for r in sorted.iter().copied().chain(std::iter::once(&(b.source.len()..b.source.len()))) {
        if r.start > covered {
            gaps.push(covered..r.start);
        }
        covered = covered.max(r.end);
    }
    for gap in gaps {
        let Some(text) = b.source.get(gap.clone()) else { continue };
        let Some(first) = text.find(|c: char| !c.is_whitespace()) else { continue };
        let line = text[first..].lines().next().unwrap_or("").trim();
        let shown = crate::text::ngan(line);
        let (vi, en, hint, hint_en) = if line.starts_with('[') && line.contains("]:") {
            (
                format!(
                    "dòng “{shown}” là định nghĩa liên kết của Markdown ([nhãn]: địa chỉ) nên không được in"
                ),
                format!(
                    "the line “{shown}” is a Markdown link reference definition ([label]: address), which is not printed"
                ),
                "để in nguyên văn, viết \\[ thay cho [ ở đầu dòng",
                "to print it as typed, write \\[ instead of [ at the start of the line",
            )
        } else {
            (
                format!("dòng “{shown}” không được đọc thành đoạn văn nào nên không được in"),
                format!("the line “{shown}” is not read as any paragraph, so it would not be printed"),
                "viết lại dòng này thành một đoạn văn thường",
                "rewrite this line as an ordinary paragraph",
            )
        };
        b.problems.push((gap.start + first, Diagnostic::new(vi).en(en).with_hint(hint).hint_en(hint_en)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(src: &str) -> Vec<String> {
        noi_dung(src).unwrap().0.iter().map(Khoi::plain).collect()
    }

    #[test]
    fn gfm_tables_become_tables() {
        let n = noi_dung(
            "Bảng:\n\n| TT | Nội dung | Số tiền |\n|:--:|---|---:|\n| 1 | **Chi** thường xuyên | 1.200 |\n| 2 | | 30 |\n| 3 |\n\nSau bảng./.\n",
        )
        .unwrap();
        assert_eq!(n.0.len(), 3);
        let Khoi::Bang(b) = &n.0[1] else { panic!("{:?}", n.0[1]) };
        assert_eq!(b.can_le, [CanLe::Giua, CanLe::Trai, CanLe::Phai]);
        let texts = |row: &[DongChu]| row.iter().map(DongChu::plain).collect::<Vec<_>>();
        assert_eq!(texts(&b.dau), ["TT", "Nội dung", "Số tiền"]);
        assert_eq!(texts(&b.hang[0]), ["1", "Chi thường xuyên", "1.200"]);
        assert!(matches!(&b.hang[0][1].0[0], Chu::Van { dam: true, .. }));
        // An empty cell keeps its place; a short row is padded to the header's width.
        assert_eq!(texts(&b.hang[1]), ["2", "", "30"]);
        assert_eq!(texts(&b.hang[2]), ["3", "", ""]);
        assert_eq!(
            n.0[1].plain(),
            "TT | Nội dung | Số tiền\n1 | Chi thường xuyên | 1.200\n2 |  | 30\n3 |  | "
        );
        // A `|` that opens no table stays text.
        assert_eq!(plain("a | b"), ["a | b"]);
    }

    #[test]
    fn a_row_with_more_cells_than_the_header_is_refused_at_the_first_extra_cell() {
        // Issue 19: the amount in the fourth cell was dropped from print.
        let src = "| TT | Hạng mục | Thành tiền |\n|:--:|---|--:|\n| 1 | Gia cố | m | 780.000.000 |\n";
        let e = noi_dung(src).unwrap_err();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].0, src.find("780").unwrap());
        assert_eq!(
            e[0].1.message,
            "hàng này của bảng có 4 ô, nhiều hơn 3 ô của hàng tiêu đề: ô thừa (“780.000.000”) sẽ không được in"
        );
        assert!(e[0].1.message_en.as_deref().unwrap().contains("4 cells where the header has 3"));
        // Without the closing pipe, and with several extra cells.
        let e = noi_dung("a | b\n---|---\n1 | 2 | 3 | 4\n").unwrap_err();
        assert!(e[0].1.message.contains("có 4 ô, nhiều hơn 2 ô"), "{}", e[0].1.message);
        // A `|` in a code span still separates cells (GFM): the hint says to escape it.
        let e = noi_dung("| a | b |\n|---|---|\n| `x|y` | z |\n").unwrap_err();
        assert!(e[0].1.hint.as_deref().unwrap().contains("\\|"), "{:?}", e[0].1.hint);
    }

    #[test]
    fn rows_with_as_many_cells_or_fewer_or_escaped_pipes_are_read_whole() {
        for src in [
            "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |\n",
            "| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n",
            "| a | b |\n|---|---|\n| 1 | 2 | |\n",
            "a | b\n---|---\n1 | 2\n",
        ] {
            let n = noi_dung(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
            let Khoi::Bang(b) = &n.0[0] else { panic!() };
            assert!(b.hang.iter().all(|r| r.len() == 2), "{src:?}");
        }
        let n = noi_dung("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n").unwrap();
        let Khoi::Bang(b) = &n.0[0] else { panic!() };
        assert_eq!(b.hang[0][0].plain(), "1 | 2");
    }

    #[test]
    fn a_line_read_as_a_link_definition_is_refused_not_dropped() {
        let src = "Đoạn một.\n\n[1]: van-ban-so-5.pdf\n\nĐoạn hai./.\n";
        let e = noi_dung(src).unwrap_err();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].0, src.find("[1]").unwrap());
        assert!(e[0].1.message.contains("định nghĩa liên kết"), "{}", e[0].1.message);
        // Written as the hint says, it prints.
        assert_eq!(plain("\\[1]: van-ban-so-5.pdf"), ["[1]: van-ban-so-5.pdf"]);
        // Text that only looks like one stays a paragraph.
        assert_eq!(plain("[1]: Điều 5 Luật Ban hành văn bản"), ["[1]: Điều 5 Luật Ban hành văn bản"]);
    }

    #[test]
    fn paragraphs_headings_and_lists() {
        let n = noi_dung("Mở đầu.\n\n# I. MỤC ĐÍCH\n\n## 1. Mục đích\n\n- một;\n- hai.\n\n3. ba\n4. bốn\n")
            .unwrap();
        assert_eq!(n.0.len(), 7);
        assert!(matches!(n.0[1], Khoi::TieuDe { cap: CapTieuDe::Muc, .. }));
        assert!(matches!(n.0[2], Khoi::TieuDe { cap: CapTieuDe::Khoan, .. }));
        assert_eq!(plain("- một;\n- hai.\n"), ["- một;", "- hai."]);
        assert_eq!(plain("3. ba\n4. bốn\n"), ["3. ba", "4. bốn"]);
        assert_eq!(plain("- a\n\n  tiếp\n- b"), ["- a", "tiếp", "- b"]);
        assert_eq!(plain("- a\n  - b\n"), ["- a", "- b"]);
    }

    #[test]
    fn emphasis_becomes_styled_runs() {
        let n = noi_dung("**1.1. Tập thể:** Các phòng; *\\* Hình thức:*").unwrap();
        let Khoi::DoanVan(d) = &n.0[0] else { panic!() };
        assert_eq!(d.0[0], Chu::Van { text: "1.1. Tập thể:".into(), dam: true, nghieng: false });
        assert_eq!(d.0[1], Chu::Van { text: " Các phòng; ".into(), dam: false, nghieng: false });
        assert_eq!(d.0[2], Chu::Van { text: "* Hình thức:".into(), dam: false, nghieng: true });
    }

    #[test]
    fn special_characters_stay_text() {
        let src = r"a # b $ c [d] \ e @f <g> {h} `i` [j](k) <http://x.vn> ~ _ |";
        assert_eq!(plain(src), [r"a # b $ c [d] \ e @f <g> {h} `i` [j](k) <http://x.vn> ~ _ |"]);
    }

    #[test]
    fn soft_breaks_are_spaces_and_text_is_nfc() {
        assert_eq!(plain("dòng một\ndòng hai"), ["dòng một dòng hai"]);
        assert_eq!(plain("U\u{0309}y ban"), ["Ủy ban"]);
    }

    #[test]
    fn a_mark_split_from_its_letter_by_a_style_joins_the_letter() {
        let d = noi_dung("**Nguyê**\u{303}n và *a*\u{301}").unwrap();
        let Khoi::DoanVan(line) = &d.0[0] else { panic!() };
        assert_eq!(line.plain(), "Nguyễn và á");
        assert!(matches!(&line.0[0], Chu::Van { text, dam: true, .. } if text == "Nguyễ"));
    }

    #[test]
    fn blocks_paper_cannot_carry_are_refused_with_their_place() {
        let e = noi_dung("Đoạn.\n\n    mã\n").unwrap_err();
        assert_eq!(e[0].0, "Đoạn.\n\n    ".len());
        assert!(e[0].1.message.contains("khối mã"));
        for src in ["```\nx\n```", "> trích", "---", "<div>x</div>"] {
            assert!(noi_dung(src).is_err(), "{src}");
        }
    }
}
