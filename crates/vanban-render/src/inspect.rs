//! What a laid-out page holds, in measurable terms: text runs with their position, size and
//! face, and the rules drawn on it. Used to check a document against the decree and by
//! anyone who wants to look at the layout without reading PDF.

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::text::FontStyle;
use typst::visualize::{Geometry, Paint};

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// A run of text as laid out: one font, one size, one line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The text.
    pub text: String,
    /// Left edge, in points from the left edge of the page.
    pub x: f64,
    /// Baseline, in points from the top edge of the page.
    pub y: f64,
    /// Advance width, in points.
    pub width: f64,
    /// Font size, in points.
    pub size: f64,
    /// The face's weight (400 regular, 700 bold).
    pub weight: u16,
    /// Whether the face is italic.
    pub italic: bool,
    /// The font family.
    pub family: String,
    /// The fill colour as RGBA, `None` for a gradient or tiling.
    pub color: Option<[u8; 4]>,
}

impl TextRun {
    /// Whether the run is set in a bold face.
    pub fn bold(&self) -> bool {
        self.weight >= 600
    }

    /// The horizontal centre, in points from the left edge of the page.
    pub fn center_x(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// A straight line drawn on the page (the decree's rules are drawn lines, never underlines).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Start, in points from the page's top-left corner.
    pub x0: f64,
    /// Start, vertical.
    pub y0: f64,
    /// End, horizontal.
    pub x1: f64,
    /// End, vertical.
    pub y1: f64,
    /// Stroke thickness, in points.
    pub thickness: f64,
}

impl Rule {
    /// The rule's length, in points.
    pub fn length(&self) -> f64 {
        ((self.x1 - self.x0).powi(2) + (self.y1 - self.y0).powi(2)).sqrt()
    }

    /// The horizontal centre, in points.
    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Whether the rule is horizontal.
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 0.01
    }
}

/// A rectangle drawn with a stroke (a box around a stamp such as the draft marker).
#[derive(Debug, Clone, PartialEq)]
pub struct StrokedBox {
    /// Top-left corner, horizontal, in points.
    pub x: f64,
    /// Top-left corner, vertical, in points.
    pub y: f64,
    /// Width, in points.
    pub width: f64,
    /// Height, in points.
    pub height: f64,
    /// The stroke's colour as RGBA; `None` for an image or a gradient.
    pub color: Option<[u8; 4]>,
    /// The stroke's thickness, in points; 0 for an image.
    pub thickness: f64,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageView {
    /// Page width, in points.
    pub width: f64,
    /// Page height, in points.
    pub height: f64,
    /// Text runs in the order they were laid out.
    pub texts: Vec<TextRun>,
    /// Drawn straight lines.
    pub rules: Vec<Rule>,
    /// Stroked rectangles.
    pub boxes: Vec<StrokedBox>,
    /// Placed images (signature, seal), in the order they were laid out; their rectangles
    /// as [`StrokedBox`]es.
    pub images: Vec<StrokedBox>,
}

impl PageView {
    /// The page's text, runs joined by spaces where they sit on one baseline and by
    /// newlines between baselines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut last: Option<&TextRun> = None;
        for t in &self.texts {
            if let Some(prev) = last {
                if (prev.y - t.y).abs() > 0.5 {
                    out.push('\n');
                } else if t.x - (prev.x + prev.width) > 0.5 {
                    out.push(' ');
                }
            }
            out.push_str(&t.text);
            last = Some(t);
        }
        out
    }

    /// The lines of text on the page: runs grouped by baseline, top to bottom.
    pub fn lines(&self) -> Vec<Vec<&TextRun>> {
        let mut lines: Vec<Vec<&TextRun>> = Vec::new();
        let mut sorted: Vec<&TextRun> = self.texts.iter().collect();
        sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for t in sorted {
            match lines.last_mut() {
                Some(line) if line.first().is_some_and(|f| (f.y - t.y).abs() < 0.5) => line.push(t),
                _ => lines.push(vec![t]),
            }
        }
        for line in &mut lines {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        lines
    }
}

/// Reads a page frame into a [`PageView`].
pub(crate) fn page_view(frame: &Frame) -> PageView {
    let mut view =
        PageView { width: frame.width().to_pt(), height: frame.height().to_pt(), ..PageView::default() };
    walk(frame, Transform::identity(), &mut view);
    view
}

fn walk(frame: &Frame, ts: Transform, out: &mut PageView) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(text) => {
                let origin = Point::zero().transform(here);
                let info = text.font.font().info();
                out.texts.push(TextRun {
                    text: text.text.to_string(),
                    x: origin.x.to_pt(),
                    y: origin.y.to_pt(),
                    width: text.width().to_pt() * here.sx.get(),
                    size: text.size.to_pt() * here.sy.get(),
                    weight: info.variant.weight.to_number(),
                    italic: info.variant.style != FontStyle::Normal,
                    family: info.family.clone(),
                    color: match &text.fill {
                        Paint::Solid(c) => Some(c.to_vec4_u8()),
                        _ => None,
                    },
                });
            }
            FrameItem::Image(_, size, _) => {
                let start = Point::zero().transform(here);
                out.images.push(StrokedBox {
                    x: start.x.to_pt(),
                    y: start.y.to_pt(),
                    width: size.x.to_pt() * here.sx.get(),
                    height: size.y.to_pt() * here.sy.get(),
                    color: None,
                    thickness: 0.0,
                });
            }
            FrameItem::Shape(shape, _) => {
                let Some(stroke) = &shape.stroke else { continue };
                let start = Point::zero().transform(here);
                match &shape.geometry {
                    Geometry::Line(to) => {
                        let end = to.transform(here);
                        out.rules.push(Rule {
                            x0: start.x.to_pt(),
                            y0: start.y.to_pt(),
                            x1: end.x.to_pt(),
                            y1: end.y.to_pt(),
                            thickness: stroke.thickness.to_pt(),
                        });
                    }
                    Geometry::Rect(size) => out.boxes.push(StrokedBox {
                        x: start.x.to_pt(),
                        y: start.y.to_pt(),
                        width: size.x.to_pt(),
                        height: size.y.to_pt(),
                        color: match &stroke.paint {
                            Paint::Solid(c) => Some(c.to_vec4_u8()),
                            _ => None,
                        },
                        thickness: stroke.thickness.to_pt(),
                    }),
                    Geometry::Curve(_) => {}
                }
            }
            _ => {}
        }
    }
}
