//! The measurable rules of nd30.md §1–§3 and §6, checked on a laid-out document.
//!
//! [`check`] returns every violation it finds, worded after the rule, so one failing
//! document reports everything that is wrong with it.

use vanban_core::Mau;
use vanban_tests::*;

/// Tolerance for "centred" and "level with", in points.
const TOL: f64 = 1.0;

/// A4 in points.
const A4: (f64, f64) = (595.28, 841.89);

struct Report(Vec<String>);

impl Report {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }
}

fn within(v: f64, lo: f64, hi: f64) -> bool {
    v >= lo - 1e-6 && v <= hi + 1e-6
}

/// Checks every measurable rule; returns the violations.
pub fn check(m: &Measured) -> Vec<String> {
    let mut r = Report(Vec::new());
    page_setup(m, &mut r);
    header(m, &mut r);
    title_or_v_v(m, &mut r);
    kinh_gui(m, &mut r);
    quyet_dinh(m, &mut r);
    cong_dien(m, &mut r);
    mo_dau(m, &mut r);
    body(m, &mut r);
    signature(m, &mut r);
    page_numbers(m, &mut r);
    draft_marker(m, &mut r);
    thanh_phan_phu(m, &mut r);
    xac_nhan(m, &mut r);
    ban_sao(m, &mut r);
    phu_luc(m, &mut r);
    bang(m, &mut r);
    kem_theo(m, &mut r);
    tep_rieng(m, &mut r);
    phan_chuong(m, &mut r);
    r.0
}

/// Asserts that the document breaks no rule.
#[track_caller]
pub fn assert_conforms(m: &Measured) {
    let v = check(m);
    assert!(v.is_empty(), "{} violation(s) of ND 30:\n- {}", v.len(), v.join("\n- "));
}

/// The text area as measured: the left edge of body lines that carry no first-line indent
/// and the right edge of the widest (justified) body line.
fn area(m: &Measured) -> Area {
    let body = m.body_lines();
    let left = body.iter().map(|(_, l)| l.left()).fold(f64::INFINITY, f64::min);
    let right = body.iter().map(|(_, l)| l.ink_right()).fold(f64::NEG_INFINITY, f64::max);
    if left.is_finite() && right.is_finite() {
        Area { left, right }
    } else {
        Area { left: mm(30.0), right: A4.0 - mm(15.0) }
    }
}

// §1: A4, margins, font.
fn page_setup(m: &Measured, r: &mut Report) {
    let a = area(m);
    for (i, p) in m.pages.iter().enumerate() {
        // A4, portrait; an appendix may be landscape (Mẫu 2.1).
        let portrait = (p.width - A4.0).abs() < 0.5 && (p.height - A4.1).abs() < 0.5;
        let landscape = (p.width - A4.1).abs() < 0.5 && (p.height - A4.0).abs() < 0.5;
        r.check(portrait || (landscape && !m.van_ban.phu_luc.is_empty()), || {
            format!("page {}: not A4 ({:.1} × {:.1} mm)", i + 1, to_mm(p.width), to_mm(p.height))
        });
        for t in &p.texts {
            r.check(t.family == "Liberation Serif", || {
                format!("page {}: “{}” is set in {}", i + 1, t.text, t.family)
            });
            // The stamps of ô 10a and 10b are red (§3); everything else is black.
            let stamp = i == 0 && m.stamp_words().contains(&t.text.as_str()) && t.color == Some(RED);
            r.check(t.color == Some([0, 0, 0, 255]) || stamp, || {
                format!("page {}: “{}” is not black ({:?})", i + 1, t.text, t.color)
            });
        }
        let ls = lines(p);
        let content: Vec<&Line<'_>> = ls.iter().filter(|l| !is_top_band(m, i, l)).collect();
        let left = content.iter().map(|l| l.left()).fold(f64::INFINITY, f64::min);
        let right = content.iter().map(|l| l.ink_right()).fold(f64::NEG_INFINITY, f64::max);
        let top = content.iter().map(|l| l.y() - 0.891 * l.size()).fold(f64::INFINITY, f64::min);
        let bottom = content.iter().map(|l| l.y() + 0.216 * l.size()).fold(f64::NEG_INFINITY, f64::max);
        // A page of one-line paragraphs under a centred heading has no line at the margin: its
        // paragraphs then stand their first-line indent (1 or 1.27 cm) from the body's margin.
        let indented_from_margin = a.left <= mm(35.0)
            && content.iter().any(|l| [10.0, 12.7].iter().any(|&i| (l.left() - mm(i) - a.left).abs() < 0.5));
        r.check(left >= mm(30.0) - 0.5 && (left <= mm(35.0) || indented_from_margin), || {
            format!("page {}: left margin {:.1} mm, not 30–35 mm", i + 1, to_mm(left))
        });
        r.check(right <= p.width - mm(15.0) + 0.5, || {
            format!(
                "page {}: text reaches {:.1} mm from the right edge, less than 15 mm",
                i + 1,
                to_mm(p.width - right)
            )
        });
        r.check(a.right >= A4.0 - mm(20.0) - 0.5, || {
            format!("right margin of the body {:.1} mm, more than 20 mm", to_mm(A4.0 - a.right))
        });
        r.check(top >= mm(20.0) - 0.5, || {
            format!("page {}: text starts {:.1} mm from the top, less than 20 mm", i + 1, to_mm(top))
        });
        r.check(bottom <= p.height - mm(20.0) + 0.5, || {
            format!(
                "page {}: text ends {:.1} mm from the bottom, less than 20 mm",
                i + 1,
                to_mm(p.height - bottom)
            )
        });
    }
}

/// Lines in the top margin band: the page number, and on page 1 the draft marker.
fn is_top_band(_m: &Measured, _page: usize, l: &Line<'_>) -> bool {
    l.y() < mm(20.0)
}

/// Phụ lục I II.2, II.5: a rule of 1/3–1/2 of the text line's length under a block of centred
/// lines (`widths`, top to bottom): 1/3–1/2 of the line directly above it, and of the longest
/// line too wherever one length can be both. Returns what is wrong, worded after `what`.
fn rule_fraction(what: &str, rule: f64, widths: &[f64]) -> Option<String> {
    let (Some(&last), Some(longest)) = (widths.last(), widths.iter().copied().reduce(f64::max)) else {
        return Some(format!("no line above the rule under {what}"));
    };
    let of_last = rule / last;
    if !within(of_last, 1.0 / 3.0, 0.5) {
        return Some(format!(
            "rule under {what} is {rule:.1} pt, {of_last:.2} of the line directly above it ({last:.1} pt), not 1/3–1/2"
        ));
    }
    let both = longest / 3.0 <= last / 2.0;
    let of_longest = rule / longest;
    (both && !within(of_longest, 1.0 / 3.0, 0.5)).then(|| {
        format!("rule under {what} is {rule:.1} pt, {of_longest:.2} of its longest line ({longest:.1} pt), not 1/3–1/2")
    })
}

// §3 ô 1–4.
fn header(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let a = area(m);
    let Some(qh) = line_eq(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") else {
        r.0.push("no Quốc hiệu on page 1".into());
        return;
    };
    r.check(qh.bold() && within(qh.size(), 12.0, 13.0), || {
        format!("Quốc hiệu: {} pt, bold {}", qh.size(), qh.bold())
    });
    r.check(qh.center() > a.center(), || "Quốc hiệu is not in the right-hand column".into());
    let Some(tn) = line_eq(p, "Độc lập - Tự do - Hạnh phúc") else {
        r.0.push("no Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”".into());
        return;
    };
    r.check(tn.bold() && within(tn.size(), 13.0, 14.0), || {
        format!("Tiêu ngữ: {} pt, bold {}", tn.size(), tn.bold())
    });
    r.check((tn.center() - qh.center()).abs() < TOL, || "Tiêu ngữ is not centred under the Quốc hiệu".into());
    r.check(tn.y() > qh.y() && tn.y() - qh.y() < 1.5 * tn.size(), || {
        "Tiêu ngữ is not on the line under the Quốc hiệu".into()
    });
    match rule_under(p, &tn) {
        Some(rule) => {
            let w = tn.ink_right() - tn.left();
            r.check((rule.length() - w).abs() < 1.0, || {
                format!("rule under the Tiêu ngữ is {:.1} pt, the Tiêu ngữ {:.1} pt", rule.length(), w)
            });
            r.check((rule.center_x() - tn.center()).abs() < TOL, || {
                "rule under the Tiêu ngữ is not centred".into()
            });
            r.check(rule.y0 - tn.y() > 0.216 * tn.size(), || {
                "rule under the Tiêu ngữ touches the descenders (an underline)".into()
            });
        }
        None => r.0.push("no rule under the Tiêu ngữ".into()),
    }

    // Ô 2: chủ quản (regular) above the issuing body (bold), both caps, in the left column.
    // A long name may wrap inside its column, so the printed lines are compared joined.
    let cq = &m.van_ban.co_quan;
    let ls = lines(p);
    let Some(so_y) = ls.iter().find(|l| l.text().starts_with("Số:")).map(|l| l.y()) else {
        r.0.push("no “Số:” line".into());
        return;
    };
    let left: Vec<&Line<'_>> =
        ls.iter().filter(|l| l.center() < a.center() && l.y() < so_y && l.y() > mm(20.0)).collect();
    let join = |v: &[&Line<'_>]| v.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    let chu_quan: Vec<&Line<'_>> = left.iter().copied().filter(|l| !l.bold()).collect();
    let names: Vec<&Line<'_>> = left.iter().copied().filter(|l| l.bold()).collect();
    r.check(join(&chu_quan) == cq.chu_quan_in().join(" "), || {
        format!("chủ quản reads “{}”, expected “{}”", join(&chu_quan), cq.chu_quan_in().join(" "))
    });
    r.check(join(&names) == cq.ten_in().join(" "), || {
        format!("issuing body reads “{}”, expected “{}”", join(&names), cq.ten_in().join(" "))
    });
    for l in &chu_quan {
        r.check(l.regular() && within(l.size(), 12.0, 13.0), || {
            format!("chủ quản “{}”: {} pt, regular {}", l.text(), l.size(), l.regular())
        });
        r.check(l.text() == vanban_core::in_hoa(&l.text()), || {
            format!("chủ quản “{}” is not in capitals", l.text())
        });
    }
    for l in &names {
        r.check(l.bold() && within(l.size(), 12.0, 13.0), || {
            format!("issuing body “{}”: {} pt, bold {}", l.text(), l.size(), l.bold())
        });
        r.check(l.text() == vanban_core::in_hoa(&l.text()), || {
            format!("issuing body “{}” is not in capitals", l.text())
        });
    }
    if let (Some(last_cq), Some(first_name)) = (chu_quan.last(), names.first()) {
        r.check(last_cq.y() < first_name.y(), || "chủ quản is not above the issuing body".into());
    }
    let Some(last_name) = names.last().copied() else {
        r.0.push("no issuing body".into());
        return;
    };
    let widths: Vec<f64> = names.iter().map(|l| l.ink_right() - l.left()).collect();
    match rule_under(p, last_name) {
        Some(rule) => {
            if let Some(wrong) = rule_fraction("the issuing body", rule.length(), &widths) {
                r.0.push(wrong);
            }
            r.check((rule.center_x() - last_name.center()).abs() < TOL, || {
                "rule under the issuing body is not centred".into()
            });
            r.check(rule.y0 - last_name.y() > 0.216 * last_name.size(), || {
                "rule under the issuing body touches the text".into()
            });
        }
        None => r.0.push("no rule under the issuing body".into()),
    }

    // Ô 3: Số, ký hiệu.
    let Some(so) = line_starting(p, "Số:") else {
        r.0.push("no “Số:” line".into());
        return;
    };
    r.check(so.size() == 13.0 && so.regular(), || {
        format!("Số line: {} pt, regular {}", so.size(), so.regular())
    });
    r.check((so.center() - last_name.center()).abs() < 3.0, || {
        "Số is not centred under the issuing body".into()
    });
    let text = so.text();
    let after = text.trim_start_matches("Số:").trim();
    let expected_code = m.van_ban.so_hieu.ky_hieu.as_str();
    match m.van_ban.so_hieu.so {
        Some(n) => {
            let want = format!("{n}/{expected_code}");
            r.check(after == want, || format!("Số line reads “{text}”, expected “Số: {want}”"));
            r.check(n.get() >= 10 || after.starts_with('0'), || {
                "number below 10 without a leading zero".into()
            });
        }
        None => r.check(after == format!("/{expected_code}"), || {
            format!("Số line reads “{text}”, expected a blank number before “/{expected_code}”")
        }),
    }
    r.check(!expected_code.contains(' '), || "ký hiệu contains a space".into());

    // Ô 4: place and date, on the row of Số; a biên bản has none (Mẫu 1.9).
    let (Some(dia_danh), Some(want)) = (&m.van_ban.dia_danh, m.van_ban.dia_danh_thoi_gian()) else {
        let header = lines(p).into_iter().filter(|l| l.y() <= so.y() + TOL).map(|l| l.text());
        let dated: Vec<String> = header.filter(|t| t.contains(" tháng ") || t.contains("ngày ")).collect();
        r.check(dated.is_empty(), || format!("a biên bản's header has a date line: {dated:?}"));
        return;
    };
    let Some(date) = line_starting(p, &format!("{dia_danh},")) else {
        r.0.push("no place-and-date line".into());
        return;
    };
    r.check(date.italic(), || "place-and-date line is not italic".into());
    r.check((date.y() - so.y()).abs() < TOL, || "place-and-date line is not on the row of Số".into());
    r.check((date.center() - qh.center()).abs() < TOL, || {
        "place-and-date line is not centred under the Quốc hiệu".into()
    });
    let steps = [(12.0, 13.0, 13.0), (13.0, 14.0, 14.0)];
    r.check(steps.contains(&(qh.size(), tn.size(), date.size())), || {
        format!(
            "Quốc hiệu / Tiêu ngữ / date sizes {} / {} / {} do not move together",
            qh.size(),
            tn.size(),
            date.size()
        )
    });
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    r.check(squash(&date.text()) == squash(&want), || {
        format!("date reads “{}”, expected “{}”", date.text(), want)
    });
    r.check(!date.text().contains("tháng 0") || matches!(m.van_ban.ngay.thang(), Some(1 | 2)), || {
        "month 3–12 printed with a leading zero".into()
    });
}

// §3 ô 5a / 5b.
fn title_or_v_v(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let a = area(m);
    let so = line_starting(p, "Số:");
    match &m.van_ban.mau {
        Mau::CongVan(cv) => {
            let Some(vv) = line_starting(p, "V/v ") else {
                r.0.push("công văn without a “V/v” line".into());
                return;
            };
            r.check(within(vv.size(), 12.0, 13.0) && vv.regular(), || {
                format!("V/v: {} pt, regular {}", vv.size(), vv.regular())
            });
            if let Some(so) = &so {
                let gap = (vv.y() - 0.891 * vv.size()) - (so.y() + 0.216 * so.size());
                r.check((gap - 6.0).abs() < 1.0, || format!("V/v is {gap:.1} pt under Số, not 6 pt"));
                r.check((vv.center() - so.center()).abs() < 3.0, || "V/v is not centred under Số".into());
            }
            // No rule under V/v: page 1 has exactly the rules of the Tiêu ngữ and the issuing body.
            let n = m.header_rules().len();
            r.check(n == 2, || format!("công văn page 1 has {n} rules in its heading, expected 2"));
            let start: String = cv.trich_yeu.cong_van().chars().take(12).collect();
            r.check(vv.text().starts_with(&start), || "V/v line does not carry the trích yếu".into());
            r.check(line_eq(p, "CÔNG VĂN").is_none(), || "a công văn prints no type name".into());
        }
        Mau::CoTenLoai(_)
        | Mau::QuyetDinh(_)
        | Mau::CongDien(_)
        | Mau::GiayMoi(_)
        | Mau::GiayGioiThieu(_)
        | Mau::BienBan(_)
        | Mau::GiayNghiPhep(_) => {
            let loai = m.van_ban.loai();
            let Some(tl) = line_eq(p, loai.ten_loai()) else {
                r.0.push(format!("type name “{}” not printed", loai.ten_loai()));
                return;
            };
            r.check(tl.bold() && within(tl.size(), 13.0, 14.0), || {
                format!("type name: {} pt, bold {}", tl.size(), tl.bold())
            });
            r.check((tl.center() - a.center()).abs() < TOL, || {
                format!("type name is not centred ({:.1} vs {:.1})", tl.center(), a.center())
            });
            let ls = lines(p);
            let idx = ls.iter().position(|l| l.y() == tl.y()).unwrap_or(0);
            let mut last = tl.clone();
            let mut widths = vec![tl.ink_right() - tl.left()];
            // The summary is what stands between the type name and the first rule below it.
            let rule_y = rules(p).iter().map(|r| r.y0).find(|&y| y > tl.y()).unwrap_or(f64::INFINITY);
            if m.van_ban.trich_yeu().is_some() {
                let ty: Vec<&Line<'_>> = ls[idx + 1..]
                    .iter()
                    .take_while(|l| l.y() < rule_y && l.bold() && within(l.size(), 13.0, 14.0))
                    .collect();
                r.check(!ty.is_empty(), || "trích yếu not printed in bold under the type name".into());
                for l in &ty {
                    r.check((l.center() - a.center()).abs() < 2.0, || {
                        format!("trích yếu line “{}” is not centred", l.text())
                    });
                }
                if let Some(l) = ty.last() {
                    last = (*l).clone();
                    widths = ty.iter().map(|l| l.ink_right() - l.left()).collect();
                }
            }
            match rule_under(p, &last) {
                Some(rule) => {
                    if let Some(wrong) = rule_fraction("the trích yếu", rule.length(), &widths) {
                        r.0.push(wrong);
                    }
                    r.check((rule.center_x() - a.center()).abs() < TOL, || {
                        "rule under the trích yếu is not centred".into()
                    });
                }
                None => r.0.push("no rule under the trích yếu".into()),
            }
            let n = m.header_rules().len();
            r.check(n == 3, || format!("page 1 has {n} rules in its heading, expected 3"));
            r.check(line_starting(p, "V/v").is_none(), || "a typed document has no V/v line".into());
        }
        _ => {}
    }
}

// §3 (căn cứ), §4 A (Điều), §7 Mẫu 1.1 / 1.2: the authority under the summary's rule, the
// legal bases, the line that opens the articles, and the articles themselves.
fn quyet_dinh(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let Mau::QuyetDinh(q) = &m.van_ban.mau else {
        for l in ["QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"] {
            r.check(line_eq(p, l).is_none(), || format!("“{l}” printed on a {}", m.van_ban.loai()));
        }
        return;
    };
    let a = area(m);
    let ls = lines(p);
    let Some(rule_y) = m.header_rules().last().map(|r| r.y0) else { return };
    let Some((lenh_page, lenh_y)) = m.lenh() else {
        r.0.push(format!("no “{}” line", q.lenh()));
        return;
    };
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");

    // The authority: bold capitals, centred, the first lines under the rule.
    let stamps = m.stamp_words();
    let authority: Vec<&Line<'_>> = ls
        .iter()
        .filter(|l| l.y() > rule_y && !stamps.contains(&l.text().as_str()))
        .take_while(|l| !l.italic())
        .collect();
    let printed = normal(&authority.iter().map(|l| l.text()).collect::<Vec<_>>().join(" "));
    let wanted = normal(&q.tham_quyen.join(" ").to_uppercase());
    r.check(printed == wanted, || format!("authority printed as “{printed}”, not “{wanted}”"));
    for l in &authority {
        r.check(l.bold() && within(l.size(), 13.0, 14.0), || {
            format!("authority line “{}”: {} pt, bold {}", l.text(), l.size(), l.bold())
        });
        r.check((l.center() - a.center()).abs() < 2.0, || {
            format!("authority line “{}” is not centred", l.text())
        });
    }
    let Some(last_authority) = authority.last() else {
        r.0.push("no authority line under the summary".into());
        return;
    };

    // The bases: italic paragraphs like the body's, from the authority to the opening line.
    let mut bases: Vec<(usize, Line<'_>)> = Vec::new();
    for (i, page) in m.pages.iter().enumerate().take(lenh_page + 1) {
        for l in lines(page) {
            let after = i > 0 || l.y() > last_authority.y();
            let before = i < lenh_page || l.y() < lenh_y;
            if after && before && l.y() > mm(20.0) {
                bases.push((i, l));
            }
        }
    }
    let mut paras: Vec<Vec<&Line<'_>>> = Vec::new();
    for (_, l) in &bases {
        r.check(l.italic() && within(l.size(), 13.0, 14.0), || {
            format!("căn cứ line “{}”: {} pt, italic {}", l.text(), l.size(), l.italic())
        });
        let indent = l.left() - a.left;
        if (indent - mm(10.0)).abs() < 0.5 || (indent - mm(12.7)).abs() < 0.5 {
            paras.push(vec![l]);
        } else {
            r.check((l.left() - a.left).abs() < 0.5, || {
                format!("căn cứ line “{}” neither indented 1 cm nor at the margin", l.text())
            });
            match paras.last_mut() {
                Some(p) => p.push(l),
                None => r.0.push(format!("the căn cứ start without a first-line indent: “{}”", l.text())),
            }
        }
    }
    let expected = q.can_cu.dong.len() + usize::from(q.can_cu.theo_de_nghi.is_some());
    r.check(paras.len() == expected, || format!("{} căn cứ paragraphs, expected {expected}", paras.len()));
    for (n, para) in paras.iter().enumerate() {
        let text = normal(&para.iter().map(|l| l.text()).collect::<Vec<_>>().join(" "));
        let last = n + 1 == paras.len();
        r.check(
            text.ends_with(if last { '.' } else { ';' }) && !text.ends_with(";.") && !text.ends_with(".."),
            || format!("căn cứ “{text}” ends wrongly (“;” between, “.” after the last)"),
        );
        if last && q.can_cu.theo_de_nghi.is_some() {
            r.check(text.starts_with("Theo đề nghị của "), || {
                format!("the last căn cứ line is “{text}”")
            });
        }
        for (j, l) in para.iter().enumerate() {
            if j + 1 < para.len() {
                r.check((l.ink_right() - a.right).abs() < 1.0, || {
                    format!("căn cứ line “{}” is not justified", l.text())
                });
            }
        }
    }
    paragraph_spacing(m, r, "căn cứ", &bases, a);

    // QUYẾT ĐỊNH: / QUYẾT NGHỊ: bold capitals, centred.
    if let Some(l) = line_eq(&m.pages[lenh_page], q.lenh()) {
        r.check(l.bold() && within(l.size(), 13.0, 14.0), || {
            format!("“{}”: {} pt, bold {}", q.lenh(), l.size(), l.bold())
        });
        r.check((l.center() - a.center()).abs() < TOL, || format!("“{}” is not centred", q.lenh()));
    }

    // The articles: “Điều N.” in bold opening a paragraph, numbered 1, 2, 3 …
    let mut numbers = Vec::new();
    for (_, l) in m.body_lines() {
        let bold: String = l.runs.iter().take_while(|r| r.bold()).map(|r| r.text.as_str()).collect();
        let Some(rest) = l.text().strip_prefix("Điều ").map(str::to_owned) else { continue };
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || !rest[digits.len()..].starts_with('.') {
            continue;
        }
        let prefix = format!("Điều {digits}.");
        r.check(bold.trim_start().starts_with(&prefix), || {
            format!("“{prefix}” is not bold (bold part “{bold}”)")
        });
        r.check(
            (l.left() - a.left - mm(10.0)).abs() < 0.5 || (l.left() - a.left - mm(12.7)).abs() < 0.5,
            || format!("“{prefix}” is not indented 1 cm"),
        );
        numbers.push(digits.parse::<u32>().unwrap_or(0));
    }
    r.check(!numbers.is_empty() && numbers.iter().enumerate().all(|(i, &n)| n as usize == i + 1), || {
        format!("articles numbered {numbers:?}")
    });
}

/// Bright red, the ink of the stamps of ô 10a and 10b.
const RED: [u8; 4] = [255, 0, 0, 255];

// §3 ô 10a, 10b, 11, 12, 13: the stamps, the circulation note, the drafter's initials and the
// agency's contacts.
fn thanh_phan_phu(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let a = area(m);
    let ls = lines(p);
    let inside = |b: &vanban_render::StrokedBox, l: &Line<'_>| {
        b.x <= l.left() && b.x + b.width >= l.ink_right() && b.y < l.y() && b.y + b.height > l.y()
    };

    // Ô 10a and 10b: red bold capitals, centred in a red box of the prescribed size, at the
    // left margin under the heading; the secrecy stamp above the urgency stamp.
    let so_y = line_starting(p, "Số:").map(|l| l.y()).unwrap_or(0.0);
    let stamps = [
        m.van_ban.do_mat.map(|d| (d.chu(), d.kich_thuoc_mm(), true)),
        m.van_ban.do_khan.map(|d| (d.chu(), d.kich_thuoc_mm(), false)),
    ];
    let mut last_y = so_y;
    for (chu, (w, h), double) in stamps.into_iter().flatten() {
        let Some(l) = ls.iter().find(|l| l.text() == chu) else {
            r.0.push(format!("stamp “{chu}” not printed on page 1"));
            continue;
        };
        r.check(l.bold() && within(l.size(), 13.0, 14.0), || {
            format!("stamp “{chu}”: {} pt, bold {}", l.size(), l.bold())
        });
        r.check(l.runs.iter().all(|t| t.color == Some(RED)), || format!("stamp “{chu}” is not bright red"));
        r.check(l.y() > last_y, || format!("stamp “{chu}” is not below the number and the stamp before it"));
        last_y = l.y();
        let around: Vec<&vanban_render::StrokedBox> = p.boxes.iter().filter(|b| inside(b, l)).collect();
        let outer =
            around.iter().find(|b| (to_mm(b.width) - w).abs() < 0.3 && (to_mm(b.height) - h).abs() < 0.3);
        let Some(outer) = outer else {
            r.0.push(format!("stamp “{chu}” has no {w} × {h} mm box (boxes: {around:?})"));
            continue;
        };
        r.check(outer.color == Some(RED), || format!("box of “{chu}” is not bright red"));
        r.check((outer.x - a.left).abs() < 1.0, || format!("stamp “{chu}” is not at the left margin"));
        r.check((l.center() - (outer.x + outer.width / 2.0)).abs() < 1.0, || {
            format!("“{chu}” is not centred in its box")
        });
        let inner = around.iter().any(|b| {
            (b.x - outer.x - mm(1.0)).abs() < 0.3
                && (b.width - (outer.width - mm(2.0))).abs() < 0.3
                && (b.height - (outer.height - mm(2.0))).abs() < 0.3
                && b.color == Some(RED)
        });
        r.check(inner == double, || {
            format!(
                "stamp “{chu}”: a second border 1 mm inside is {}",
                if double { "missing" } else { "drawn" }
            )
        });
    }

    // Ô 11: bold capitals in a box in the top band, right of the page's centre, above the
    // Quốc hiệu (beside an electronic copy's signature text too).
    if let Some(note) = &m.van_ban.pham_vi_luu_hanh {
        let want = vanban_core::in_hoa(note);
        match ls.iter().find(|l| l.text() == want) {
            Some(l) => {
                r.check(l.y() < mm(20.0), || format!("“{want}” is not in the top band"));
                r.check(l.bold() && within(l.size(), 13.0, 14.0), || {
                    format!("“{want}”: {} pt, bold {}", l.size(), l.bold())
                });
                r.check(l.center() > A4.0 / 2.0, || format!("“{want}” is not right of the centre"));
                if let Some(qh) = line_eq(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
                    r.check(l.center() > qh.left() && l.center() < qh.ink_right(), || {
                        format!("“{want}” is not above the Quốc hiệu")
                    });
                }
                r.check(p.boxes.iter().any(|b| inside(b, l)), || format!("“{want}” has no box"));
            }
            None => r.0.push(format!("circulation note “{want}” not printed")),
        }
    }

    // Ô 12: 11 pt, at the bottom right of the Nơi nhận block.
    if let Some(o12) = m.van_ban.noi_nhan.o_12() {
        let sp = &m.pages[m.signature_page()];
        let sls = lines(sp);
        let luu = sls.iter().find(|l| l.text().starts_with("- Lưu:"));
        match (sls.iter().find(|l| l.text() == o12), luu) {
            (Some(l), Some(luu)) => {
                r.check(within(l.size(), 11.0, 11.0) && l.regular(), || {
                    format!("ô 12 “{o12}”: {} pt", l.size())
                });
                r.check(l.y() > luu.y(), || format!("ô 12 “{o12}” is not under the Lưu line"));
                let column_right = a.left + 0.4 * (a.right - a.left);
                r.check((l.ink_right() - column_right).abs() < 1.0, || {
                    format!("ô 12 “{o12}” ends at {:.1}, not at the right of the Nơi nhận column ({column_right:.1})", l.ink_right())
                });
            }
            _ => r.0.push(format!("ô 12 “{o12}” not printed under the Lưu line")),
        }
    }

    // Ô 13: page 1 only, at the foot, 11–12 pt regular, centred, under a rule across the
    // text width.
    let lien_he = m.van_ban.co_quan.lien_he.dong();
    if !lien_he.is_empty() {
        let Some(rule) = m.lien_he_rule() else {
            r.0.push("no rule over the agency's address".into());
            return;
        };
        r.check(
            (rule.length() - (a.right - a.left)).abs() < 1.0 && (rule.x0.min(rule.x1) - a.left).abs() < 1.0,
            || format!("the rule over ô 13 is {:.1} mm long, not the text width", to_mm(rule.length())),
        );
        let under: Vec<&Line<'_>> = ls.iter().filter(|l| l.y() > rule.y0).collect();
        let printed = under.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        r.check(printed.split_whitespace().eq(lien_he.join(" ").split_whitespace()), || {
            format!("ô 13 reads “{printed}”, not “{}”", lien_he.join(" "))
        });
        for l in &under {
            r.check(within(l.size(), 11.0, 12.0) && l.regular(), || {
                format!("ô 13 line “{}”: {} pt", l.text(), l.size())
            });
            r.check((l.center() - a.center()).abs() < 2.0, || {
                format!("ô 13 line “{}” is not centred", l.text())
            });
            r.check(l.y() + 0.216 * l.size() <= A4.1 - mm(20.0) + 0.5, || {
                "ô 13 runs into the bottom margin".into()
            });
        }
        r.check(under.first().is_some_and(|l| l.y() - 0.891 * l.size() > rule.y0), || {
            "ô 13 is not under its rule".into()
        });
        for (i, page) in m.pages.iter().enumerate().skip(1) {
            r.check(!lines(page).iter().any(|l| l.text() == lien_he[0]), || {
                format!("ô 13 printed on page {} too", i + 1)
            });
        }
    }
}

// §7 Mẫu 1.6: the line “<SENDER> điện:” centred under the summary's rule, the sender in bold
// capitals, then the bodies telegraphed as dashed paragraphs, “;” after each, “.” after the
// last; the body follows them.
fn cong_dien(m: &Measured, r: &mut Report) {
    let Mau::CongDien(c) = &m.van_ban.mau else { return };
    let a = area(m);
    let Some(text) = m.lenh_text() else { return };
    let Some((page, y)) = m.lenh() else {
        r.0.push(format!("no “{text}” line"));
        return;
    };
    let ls = lines(&m.pages[page]);
    let Some(l) = ls.iter().find(|l| l.y() == y) else { return };
    r.check((l.center() - a.center()).abs() < TOL, || format!("“{text}” is not centred"));
    r.check(within(l.size(), 13.0, 14.0), || format!("“{text}”: {} pt", l.size()));
    let bold: String = l.runs.iter().take_while(|t| t.bold()).map(|t| t.text.as_str()).collect();
    r.check(bold.trim() == vanban_core::in_hoa(&c.tham_quyen), || {
        format!("the sender in bold reads “{bold}”")
    });
    r.check(l.runs.last().is_some_and(|t| !t.bold() && t.text.trim_end().ends_with("điện:")), || {
        format!("“{text}” does not end with “điện:” in regular type")
    });
    r.check(m.header_rules().last().is_some_and(|rule| rule.y0 < y) || page > 0, || {
        "“điện:” is above the summary's rule".into()
    });
    // The recipients: the first paragraphs of the body, each starting with a dash.
    let body = m.body_lines();
    let mut printed: Vec<String> = Vec::new();
    for (_, l) in &body {
        let t = l.text();
        let continues = (l.left() - a.left).abs() < 0.5;
        match printed.last_mut() {
            _ if t.starts_with("- ") => printed.push(t),
            // A recipient that wraps goes on at the margin, as body paragraphs do.
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => break,
        }
    }
    let expected = c.cac_dong_dien();
    r.check(printed == expected, || {
        format!("recipients of the công điện read {printed:?}, expected {expected:?}")
    });
}

// §7 Mẫu 1.7 and 1.8: the body opens with the invitation (“<agency> trân trọng kính mời: …”,
// then Tới dự, Chủ trì, Thời gian, Địa điểm) or the introduction (“… trân trọng giới thiệu:”,
// Ông (bà), Chức vụ, Được cử đến, Về việc), each a paragraph of its own, in that order; a giấy
// giới thiệu ends it with its validity line, the date written by the decree's rule.
fn mo_dau(m: &Measured, r: &mut Report) {
    let co_quan = m.van_ban.co_quan.ten.join(" ");
    let (expected, last): (Vec<String>, Option<String>) = match &m.van_ban.mau {
        Mau::GiayMoi(g) => (g.cac_doan(&co_quan), None),
        Mau::GiayGioiThieu(g) => (g.cac_doan(&co_quan), Some(g.dong_hieu_luc())),
        Mau::GiayNghiPhep(g) => (g.cac_doan(&co_quan), None),
        Mau::BienBan(b) => (b.cac_doan(), Some(b.dong_ket_thuc())),
        _ => return,
    };
    let a = area(m);
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // Paragraphs as printed: a line indented 1 cm starts one; a line at the margin goes on.
    let mut paras: Vec<String> = Vec::new();
    for (_, l) in m.body_lines() {
        let indented = (l.left() - a.left - mm(10.0)).abs() < 0.5;
        match paras.last_mut() {
            Some(last) if !indented => {
                last.push(' ');
                last.push_str(&l.text());
            }
            _ => paras.push(l.text()),
        }
    }
    let expected: Vec<String> = expected.iter().map(|p| normal(p)).collect();
    let printed: Vec<String> = paras.iter().take(expected.len()).map(|p| normal(p)).collect();
    r.check(printed == expected, || format!("the opening reads {printed:?}, expected {expected:?}"));
    r.check(paras.len() > expected.len(), || "no body after the opening paragraphs".into());
    if let Some(last) = last {
        let printed = paras.last().map(|p| normal(p)).unwrap_or_default();
        r.check(printed == normal(&last), || {
            format!("the closing line reads “{printed}”, expected “{last}”")
        });
        let month = printed.split(" tháng ").nth(1).unwrap_or("");
        r.check(!month.starts_with('0') || month.starts_with("01") || month.starts_with("02"), || {
            format!("the validity line pads the month: “{printed}”")
        });
    }
}

// §3 ô 9a.
fn kinh_gui(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let label = line_starting(p, "Kính gửi:");
    let Some(k) = m.van_ban.kinh_gui() else {
        r.check(label.is_none(), || "Kính gửi printed on a document that has none".into());
        return;
    };
    let Some(label) = label else {
        r.0.push("no Kính gửi".into());
        return;
    };
    r.check(within(label.size(), 13.0, 14.0) && label.regular(), || format!("Kính gửi: {} pt", label.size()));
    let ls = lines(p);
    if k.0.len() == 1 {
        r.check(label.text().ends_with('.'), || {
            format!("single addressee line “{}” does not end with “.”", label.text())
        });
        return;
    }
    r.check(label.text() == "Kính gửi:", || {
        "with several addressees, “Kính gửi:” stands on its own line".into()
    });
    let i = ls.iter().position(|l| l.y() == label.y()).unwrap_or(0);
    let dashes: Vec<&Line<'_>> =
        ls[i + 1..].iter().filter(|l| l.text().starts_with("- ")).take(k.0.len()).collect();
    r.check(dashes.len() == k.0.len(), || {
        format!("{} addressee lines, expected {}", dashes.len(), k.0.len())
    });
    let colon_x = label.runs[0].x
        + label.runs[0].width * ("Kính gửi".chars().count() as f64 / "Kính gửi:".chars().count() as f64);
    for (n, l) in dashes.iter().enumerate() {
        let last = n + 1 == k.0.len();
        let t = l.text();
        r.check(t.ends_with(if last { '.' } else { ';' }), || format!("addressee line “{t}” ends wrongly"));
        r.check((l.left() - dashes[0].left()).abs() < 0.5, || "addressee dashes do not line up".into());
        r.check((l.left() - colon_x).abs() < 6.0, || {
            format!("addressee dash at {:.1}, the colon at {colon_x:.1}", l.left())
        });
    }
}

// §1, §3 ô 6: the body.
fn body(m: &Measured, r: &mut Report) {
    let a = area(m);
    // Phần / Chương / Mục headings are centred, not paragraphs (checked on their own).
    let headings: Vec<String> = m.phan_chuong().into_iter().flat_map(|(a, b)| [a, b]).collect();
    let body: Vec<(usize, Line<'_>)> = m
        .body_lines()
        .into_iter()
        .filter(|(_, l)| !(l.bold() && headings.iter().any(|h| h.contains(&l.text()))))
        .collect();
    r.check(!body.is_empty(), || "no body lines found".into());
    // Group lines into paragraphs by the gap between baselines.
    let mut paras: Vec<Vec<&Line<'_>>> = Vec::new();
    let mut prev: Option<(usize, f64, f64)> = None;
    for (page, l) in &body {
        let new_para = match prev {
            Some((pp, py, ps)) => {
                *page != pp && l.left() > a.left + 1.0 || *page == pp && l.y() - py > 1.2 * ps + 3.0
            }
            None => true,
        };
        if new_para {
            paras.push(Vec::new());
        }
        if let Some(last) = paras.last_mut() {
            last.push(l);
        }
        prev = Some((*page, l.y(), l.size()));
    }
    for (n, para) in paras.iter().enumerate() {
        let first = para[0];
        r.check(within(first.size(), 13.0, 14.0), || {
            format!("body paragraph {}: {} pt", n + 1, first.size())
        });
        let indent = first.left() - a.left;
        r.check((indent - mm(10.0)).abs() < 0.5 || (indent - mm(12.7)).abs() < 0.5, || {
            format!(
                "body paragraph {} “{}…”: first-line indent {:.2} mm, not 1 or 1.27 cm",
                n + 1,
                first.text().chars().take(30).collect::<String>(),
                to_mm(indent)
            )
        });
        for (j, l) in para.iter().enumerate() {
            if j > 0 {
                r.check((l.left() - a.left).abs() < 0.5, || {
                    format!("body paragraph {}: line {} does not start at the margin", n + 1, j + 1)
                });
                let step = l.y() - para[j - 1].y();
                if step > 0.0 {
                    let ratio = step / l.size();
                    r.check(within(ratio, 1.15, 1.5 * 1.15), || {
                        format!(
                            "body paragraph {}: line spacing {ratio:.2} em, not single to 1.5 lines",
                            n + 1
                        )
                    });
                }
            }
            if j + 1 < para.len() {
                r.check((l.ink_right() - a.right).abs() < 1.0, || {
                    format!(
                        "body paragraph {}: line {} “{}” is not justified (ends {:.1} pt short)",
                        n + 1,
                        j + 1,
                        l.text(),
                        a.right - l.ink_right()
                    )
                });
            }
        }
    }
    paragraph_spacing(m, r, "body", &body, a);
    // The running text of the document a decision issues and of the appendices.
    let parts: Vec<(usize, Line<'_>)> = m
        .part_lines()
        .into_iter()
        .filter(|(_, l)| !(l.bold() && headings.iter().any(|h| h.contains(&l.text()))))
        .collect();
    paragraph_spacing(m, r, "attached document or appendix", &parts, a);
}

/// How far the baselines of two consecutive paragraphs may stand from the line pitch + 6 pt.
const PARAGRAPH_TOL: f64 = 0.3;

/// The line pitch of the document's running text, in em: measured on its body, its legal bases
/// and its parts numbered on their own.
fn line_pitch(m: &Measured, a: Area) -> Option<f64> {
    let mut run = m.body_lines();
    run.extend(m.part_lines());
    if let Some(bases) = can_cu_lines(m) {
        run.extend(bases);
    }
    run.sort_by(|(pa, a), (pb, b)| pa.cmp(pb).then(a.y().total_cmp(&b.y())));
    line_pitch_em(&steps(&m.pages, &run, a.left))
}

/// The italic lines of a nghị quyết's or quyết định's legal bases, between its heading and
/// `QUYẾT NGHỊ:` / `QUYẾT ĐỊNH:`.
fn can_cu_lines(m: &Measured) -> Option<Vec<(usize, Line<'_>)>> {
    let Mau::QuyetDinh(_) = &m.van_ban.mau else { return None };
    let (lenh_page, lenh_y) = m.lenh()?;
    let rule_y = m.header_rules().last().map_or(0.0, |r| r.y0);
    let mut out = Vec::new();
    for (i, page) in m.pages.iter().enumerate().take(lenh_page + 1) {
        for l in lines(page) {
            let after = (i > 0 || l.y() > rule_y) && l.y() > mm(20.0);
            let before = i < lenh_page || l.y() < lenh_y;
            if after && before && l.italic() {
                out.push((i, l));
            }
        }
    }
    Some(out)
}

/// §1: “at least 6 pt between paragraphs”, as a word processor applies it (the decree's samples
/// set 6 pt Spacing Before on single-spaced text): 6 pt added to the line pitch, so that the
/// baselines of two consecutive paragraphs of a run of text stand one measured line pitch + 6 pt
/// apart, where nothing else stands between them.
fn paragraph_spacing(m: &Measured, r: &mut Report, what: &str, run: &[(usize, Line<'_>)], a: Area) {
    let pitch = line_pitch(m, a);
    for s in steps(&m.pages, run, a.left).into_iter().filter(|s| s.new_paragraph) {
        let d = s.distance();
        let size = s.to.size();
        match pitch {
            Some(p) => {
                let want = p * size + 6.0;
                r.check((d - want).abs() <= PARAGRAPH_TOL, || {
                    format!(
                        "page {}: {what}: baselines of paragraphs “{}” and “{}” {d:.2} pt apart, not the line pitch + 6 pt ({want:.2} pt)",
                        s.page + 1,
                        s.from.text(),
                        s.to.text()
                    )
                });
            }
            // No paragraph runs over two lines: at least single spacing + 6 pt.
            None => r.check(d >= 1.15 * size + 6.0 - PARAGRAPH_TOL, || {
                format!(
                    "page {}: {what}: baselines of paragraphs “{}” and “{}” only {d:.2} pt apart",
                    s.page + 1,
                    s.from.text(),
                    s.to.text()
                )
            }),
        }
    }
}

// §3 ô 7, 9b.
fn signature(m: &Measured, r: &mut Report) {
    let sp = m.signature_page();
    let p = &m.pages[sp];
    let a = area(m);
    let ls = lines(p);
    let Some(nn) = line_eq(p, "Nơi nhận:") else {
        r.0.push("no “Nơi nhận:” beside the signature".into());
        return;
    };
    r.check(nn.size() == 12.0 && nn.bold() && nn.italic(), || {
        format!("Nơi nhận: {} pt bold {} italic {}", nn.size(), nn.bold(), nn.italic())
    });
    r.check((nn.left() - a.left).abs() < 0.5, || "Nơi nhận: is not flush with the left margin".into());
    // The list: 11 pt lines in the left column under the label, but ô 12 and, on page 1,
    // ô 13 under its rule (checked on their own).
    let mut footer_y = if sp == 0 { m.lien_he_rule().map_or(f64::INFINITY, |r| r.y0) } else { f64::INFINITY };
    // A copy block under the document has a Nơi nhận of its own (checked on its own).
    if let Some((page, rule)) = m.ban_sao_rule()
        && page == sp
    {
        footer_y = footer_y.min(rule.y0);
    }
    let list: Vec<&Line<'_>> = ls
        .iter()
        .filter(|l| l.y() > nn.y() && l.y() < footer_y && l.center() < a.center() && l.size() == 11.0)
        .filter(|l| Some(l.text()) != m.van_ban.noi_nhan.o_12())
        .collect();
    // A recipient that wraps continues on the next line, under its text rather than its dash.
    let mut printed: Vec<String> = Vec::new();
    for l in &list {
        let t = l.text();
        match printed.last_mut() {
            Some(prev) if !t.starts_with("- ") => {
                r.check(l.left() > nn.left() + 1.0, || {
                    format!("wrapped recipient line “{t}” is not indented under its text")
                });
                prev.push(' ');
                prev.push_str(&t);
            }
            _ => printed.push(t),
        }
    }
    let expected = m.van_ban.noi_nhan.dong();
    r.check(printed == expected, || format!("Nơi nhận list reads {printed:?}, expected {expected:?}"));
    for l in &list {
        r.check(l.regular(), || format!("Nơi nhận line “{}” is not regular", l.text()));
    }
    let titles = m.van_ban.nguoi_ky.dong_chuc_danh();
    let title_lines: Vec<&Line<'_>> =
        titles.iter().filter_map(|t| ls.iter().find(|l| &l.text() == t && l.center() > a.center())).collect();
    r.check(title_lines.len() == titles.len(), || {
        format!("title lines {titles:?} not all printed in the right column")
    });
    let Some(first) = title_lines.first() else { return };
    if let Mau::BienBan(b) = &m.van_ban.mau {
        bien_ban_signatures(m, r, b, first, &nn);
    } else {
        r.check((first.y() - nn.y()).abs() < TOL, || {
            format!("Nơi nhận: ({:.1}) is not level with the first title line ({:.1})", nn.y(), first.y())
        });
    }
    for l in &title_lines {
        r.check(l.bold() && within(l.size(), 13.0, 14.0), || {
            format!("title line “{}”: {} pt bold {}", l.text(), l.size(), l.bold())
        });
        r.check((l.center() - first.center()).abs() < TOL, || {
            format!("title line “{}” is not centred with the others", l.text())
        });
    }
    let Some(name) = line_eq(p, &m.van_ban.nguoi_ky.ho_ten) else { return };
    r.check(name.bold() && within(name.size(), 13.0, 14.0), || {
        format!("signer's name: {} pt bold {}", name.size(), name.bold())
    });
    r.check((name.center() - first.center()).abs() < TOL, || {
        "signer's name is not centred under the title".into()
    });
    let last_title = title_lines[title_lines.len() - 1];
    let room = name.y() - 0.891 * name.size() - (last_title.y() + 0.216 * last_title.size());
    r.check(room >= mm(20.0), || format!("only {:.1} mm left for the signature", to_mm(room)));
    // The signature block never stands alone on a page.
    let body_here = m.body_lines().iter().filter(|(pg, _)| *pg == sp).count();
    r.check(body_here >= 2, || {
        format!("the signature block's page {} carries {body_here} body line(s)", sp + 1)
    });
}

/// Mẫu 1.9: THƯ KÝ in the left column level with the chair's title in the right, each name
/// bold and centred under its title with room to sign, and Nơi nhận under both.
fn bien_ban_signatures(
    m: &Measured,
    r: &mut Report,
    b: &vanban_core::BienBan,
    chair: &Line<'_>,
    nn: &Line<'_>,
) {
    let p = &m.pages[m.signature_page()];
    let a = area(m);
    let Some(tk) = line_eq(p, vanban_core::BienBan::THU_KY) else {
        r.0.push("no “THƯ KÝ” signature column".into());
        return;
    };
    r.check(tk.bold() && within(tk.size(), 13.0, 14.0), || {
        format!("THƯ KÝ: {} pt bold {}", tk.size(), tk.bold())
    });
    r.check(tk.center() < a.center() && chair.center() > a.center(), || {
        "THƯ KÝ is not in the left column and CHỦ TỌA in the right".into()
    });
    r.check((tk.y() - chair.y()).abs() < TOL, || {
        format!("THƯ KÝ ({:.1}) is not level with the chair's title ({:.1})", tk.y(), chair.y())
    });
    let Some(name) = lines(p).into_iter().find(|l| l.text() == b.ho_ten_thu_ky && l.center() < a.center())
    else {
        r.0.push(format!("the secretary's name “{}” is not under THƯ KÝ", b.ho_ten_thu_ky));
        return;
    };
    r.check(name.bold() && within(name.size(), 13.0, 14.0), || {
        format!("secretary's name: {} pt bold {}", name.size(), name.bold())
    });
    r.check((name.center() - tk.center()).abs() < TOL, || {
        "secretary's name is not centred under THƯ KÝ".into()
    });
    let room = name.y() - 0.891 * name.size() - (tk.y() + 0.216 * tk.size());
    r.check(room >= mm(20.0), || format!("only {:.1} mm left for the secretary's signature", to_mm(room)));
    let chair_name = line_eq(p, &m.van_ban.nguoi_ky.ho_ten);
    r.check(chair_name.is_some_and(|c| (c.y() - name.y()).abs() < TOL), || {
        "the two names are not level".into()
    });
    r.check(nn.y() > name.y(), || "Nơi nhận is not under the signatures".into());
}

/// Mẫu 1.10: the confirmation block, in the left column under the signature block: its heading
/// bold, 13–14 pt, centred in the column, with room to sign below it on the page.
fn xac_nhan(m: &Measured, r: &mut Report) {
    let Mau::GiayNghiPhep(g) = &m.van_ban.mau else { return };
    let sp = m.signature_page();
    let a = area(m);
    let Some(x) = &g.xac_nhan else {
        let stray = m.pages.iter().any(|p| lines(p).iter().any(|l| l.text().starts_with("Xác nhận")));
        r.check(!stray, || "a confirmation block that was not asked for".into());
        return;
    };
    // The heading may wrap inside its column: find its first line and join what follows.
    let want = x.dong();
    let found = m.pages.iter().enumerate().skip(sp).find_map(|(i, p)| {
        let ls = lines(p);
        let at = ls.iter().position(|l| l.text().starts_with("Xác nhận của"))?;
        Some((
            i,
            ls[at..].iter().take_while(|l| l.bold() && l.center() < a.center()).cloned().collect::<Vec<_>>(),
        ))
    });
    let Some((page, block)) = found.filter(|(_, b)| !b.is_empty()) else {
        r.0.push(format!("no confirmation block “{want}”"));
        return;
    };
    let text = block.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    r.check(text == want, || format!("the confirmation reads “{text}”, expected “{want}”"));
    let column_centre = a.left + (a.right - a.left) * 0.4 / 2.0;
    for l in &block {
        r.check(within(l.size(), 13.0, 14.0), || {
            format!("confirmation line “{}”: {} pt", l.text(), l.size())
        });
        r.check((l.center() - column_centre).abs() < 2.0, || {
            format!("confirmation line “{}” is not centred in the left column", l.text())
        });
    }
    if page == sp {
        let p = &m.pages[sp];
        let name = line_eq(p, &m.van_ban.nguoi_ky.ho_ten).map_or(0.0, |l| l.y());
        let last_nn = lines(p).iter().filter(|l| l.size() == 11.0).map(|l| l.y()).fold(0.0, f64::max);
        r.check(block[0].y() > name.max(last_nn), || {
            "the confirmation block is not under the signature block".into()
        });
    }
    let bottom = block.last().map_or(0.0, |l| l.y());
    r.check(A4.1 - mm(20.0) - bottom >= mm(20.0), || "no room to sign under the confirmation".into());
}

/// §9, Mẫu 3.1 and 3.2: a paper copy's block under a rule across the text width after the
/// copied text: the copying agency (bold caps) and the copy's Số at the left, the form of copy
/// (bold caps, 13–14 pt) and the place and date (italic) at the right, the signer and Nơi nhận
/// beside each other; an electronic copy's signature text at the top right of page 1, 10 pt,
/// regular, black, with the signing time in ISO 8601 Vietnam time.
fn ban_sao(m: &Measured, r: &mut Report) {
    let Some(b) = &m.van_ban.ban_sao else { return };
    let a = area(m);
    match &b.dinh_dang {
        vanban_core::DinhDangSao::DienTu { .. } => {
            let want = b.dong_ky_so().unwrap_or_default();
            let p = m.page1();
            let ls = lines(p);
            let Some(qh) = line_eq(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") else { return };
            let box_lines: Vec<&Line<'_>> =
                ls.iter().filter(|l| l.size() == 10.0 && l.y() < qh.y()).collect();
            let printed: Vec<String> = box_lines.iter().map(|l| l.text()).collect();
            // One part a line, or (beside ô 11) the parts run on, joined by “; ” as the decree
            // writes them.
            let run_on = printed.join(" ").split_whitespace().eq(want.join("; ").split_whitespace());
            r.check(printed == want || run_on, || {
                format!("the copy's signature text reads {printed:?}, expected {want:?}")
            });
            // Its box at the top right, in the top margin, clear of ô 11.
            let frame = p.boxes.iter().find(|b| {
                box_lines.iter().all(|l| {
                    b.x <= l.left() && l.ink_right() <= b.x + b.width && b.y < l.y() && l.y() < b.y + b.height
                })
            });
            match frame {
                Some(f) => {
                    r.check((f.x + f.width - a.right).abs() < 1.0 && f.y + f.height < mm(20.0), || {
                        "the copy's signature text is not in a box at the top right, in the top margin".into()
                    });
                    if let Some(note) = &m.van_ban.pham_vi_luu_hanh {
                        let note = vanban_core::in_hoa(note);
                        if let Some(l) = ls.iter().find(|l| l.text() == note) {
                            r.check(l.ink_right() < f.x && l.y() > f.y && l.y() < f.y + f.height, || {
                                format!("“{note}” is not beside the copy's signature text, left of it")
                            });
                        }
                    }
                }
                None => r.0.push("the copy's signature text is not in a box".into()),
            }
            for l in &box_lines {
                r.check(l.regular() && l.center() > a.center(), || {
                    format!("signature text “{}” is not regular, at the top right", l.text())
                });
                r.check(l.ink_right() <= A4.0 - mm(15.0) + 0.5, || {
                    format!("“{}” runs into the margin", l.text())
                });
            }
            if let Some(last) = want.last() {
                let iso = last.len() == 25 && last.ends_with("+07:00") && last.as_bytes()[10] == b'T';
                r.check(iso, || format!("signing time “{last}” is not ISO 8601 in Vietnam time"));
            }
        }
        vanban_core::DinhDangSao::Giay { so, dia_danh, ngay, nguoi_ky, noi_nhan, .. } => {
            let Some((page, rule)) = m.ban_sao_rule() else {
                r.0.push(format!("no copy block with “{}” under a rule", b.hinh_thuc.chu()));
                return;
            };
            let p = &m.pages[page];
            r.check(
                (rule.x0.min(rule.x1) - a.left).abs() < 1.0 && (rule.x0.max(rule.x1) - a.right).abs() < 1.0,
                || format!("the copy's rule runs {:.1}–{:.1}, not across the text width", rule.x0, rule.x1),
            );
            let ls = lines(p);
            let main_name = line_eq(&m.pages[m.signature_page()], &m.van_ban.nguoi_ky.ho_ten);
            if page == m.signature_page() {
                let lowest = ls.iter().filter(|l| l.y() < rule.y0).map(|l| l.y()).fold(0.0, f64::max);
                r.check(main_name.is_some_and(|n| n.y() <= lowest + 0.1), || {
                    "the copy block is not after the end of the copied document".into()
                });
            }
            let below: Vec<&Line<'_>> = ls.iter().filter(|l| l.y() > rule.y0).collect();
            let find = |t: &str| below.iter().find(|l| l.text() == t).copied();
            let Some(hinh) = find(b.hinh_thuc.chu()) else { return };
            r.check(hinh.bold() && within(hinh.size(), 13.0, 14.0) && hinh.center() > a.center(), || {
                format!("“{}”: {} pt bold {}, not in the right column", hinh.text(), hinh.size(), hinh.bold())
            });
            let ten: Vec<&&Line<'_>> = below
                .iter()
                .filter(|l| l.bold() && l.center() < a.center() && l.y() < hinh.y() + 40.0)
                .collect();
            let joined = ten.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
            let want_ten = vanban_core::in_hoa(&b.co_quan.join(" "));
            r.check(joined.split_whitespace().eq(want_ten.split_whitespace()), || {
                format!("copying agency reads “{joined}”, expected “{want_ten}”")
            });
            r.check(ten.first().is_some_and(|l| (l.y() - hinh.y()).abs() < TOL), || {
                "the copying agency is not level with the form of copy".into()
            });
            let code = b.ky_hieu().unwrap_or_default();
            let want_so = match so {
                Some(n) => format!("Số: {n}/{code}"),
                None => format!("Số: /{code}"),
            };
            let so_line = below.iter().find(|l| l.text().starts_with("Số:"));
            r.check(
                so_line.is_some_and(|l| {
                    l.text().split_whitespace().eq(want_so.split_whitespace()) && l.center() < a.center()
                }),
                || format!("the copy's Số line reads {:?}, expected “{want_so}”", so_line.map(|l| l.text())),
            );
            let want_date = format!("{dia_danh}, {ngay}");
            let date = below.iter().find(|l| l.text().starts_with(&format!("{dia_danh},")));
            r.check(
                date.is_some_and(|d| {
                    d.italic() && d.text().split_whitespace().eq(want_date.split_whitespace())
                }),
                || format!("the copy's date reads {:?}, expected “{want_date}”", date.map(|l| l.text())),
            );
            if let (Some(d), Some(s)) = (date, so_line) {
                r.check((d.y() - s.y()).abs() < TOL, || "the copy's date is not on the row of its Số".into());
            }
            for t in nguoi_ky.dong_chuc_danh() {
                r.check(find(&t).is_some_and(|l| l.bold() && l.center() > a.center()), || {
                    format!("the copy's title line “{t}” is not printed bold in the right column")
                });
            }
            r.check(find(&nguoi_ky.ho_ten).is_some_and(|l| l.bold()), || {
                "the copy's signer is not printed".into()
            });
            let nn = find("Nơi nhận:");
            r.check(nn.is_some_and(|l| (l.left() - a.left).abs() < 0.5 && l.bold() && l.italic()), || {
                "the copy's Nơi nhận: is not at the left margin".into()
            });
            if let Some(nn) = nn {
                // A recipient that wraps goes on under its text.
                let mut list: Vec<String> = Vec::new();
                for l in
                    below.iter().filter(|l| l.y() > nn.y() && l.size() == 11.0 && l.center() < a.center())
                {
                    match list.last_mut() {
                        Some(prev) if !l.text().starts_with("- ") => {
                            prev.push(' ');
                            prev.push_str(&l.text());
                        }
                        _ => list.push(l.text()),
                    }
                }
                r.check(list == noi_nhan.dong(), || {
                    format!("the copy's Nơi nhận reads {list:?}, expected {:?}", noi_nhan.dong())
                });
            }
        }
    }
}

/// Mẫu 2.1: each appendix from a page of its own, after the document, in order; its heading
/// (`Phụ lục`, or `Phụ lục I`, `II`, … when there are two or more) and title in bold, the title
/// in capitals, then the italic line naming the document, all centred, with a rule of 1/3–1/2
/// under it; landscape pages where asked.
fn phu_luc(m: &Measured, r: &mut Report) {
    let n = m.van_ban.phu_luc.len();
    let starts = m.phu_luc_pages();
    let mut previous = m.signature_page();
    for (i, (p, start)) in m.van_ban.phu_luc.iter().zip(&starts).enumerate() {
        let heading = vanban_core::PhuLuc::nhan(i, n);
        let Some(at) = *start else {
            r.0.push(format!("“{heading}” does not begin a page of its own after the document"));
            continue;
        };
        r.check(at > previous, || format!("“{heading}” is out of order"));
        previous = at;
        let page = &m.pages[at];
        r.check((page.width > page.height) == p.ngang, || {
            format!(
                "“{heading}” is {}, expected {}",
                if page.width > page.height { "landscape" } else { "portrait" },
                if p.ngang { "landscape" } else { "portrait" }
            )
        });
        let centre = (mm(30.0) + page.width - mm(15.0)) / 2.0;
        let ls: Vec<Line<'_>> = lines(page).into_iter().filter(|l| l.y() > mm(20.0)).collect();
        let Some(first) = ls.first() else { continue };
        r.check(
            first.bold() && within(first.size(), 13.0, 14.0) && (first.center() - centre).abs() < TOL,
            || {
                format!(
                    "“{heading}”: {} pt bold {}, centred {}",
                    first.size(),
                    first.bold(),
                    (first.center() - centre).abs() < TOL
                )
            },
        );
        let title: Vec<&Line<'_>> = ls[1..].iter().take_while(|l| l.bold()).collect();
        let text = title.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        let want = vanban_core::in_hoa(&p.ten);
        r.check(text == want, || format!("the title of “{heading}” reads “{text}”, expected “{want}”"));
        let kem: Vec<&Line<'_>> = ls[1 + title.len()..].iter().take_while(|l| l.italic()).collect();
        let text = kem.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        let want = m.van_ban.dong_kem_theo();
        r.check(text.split_whitespace().eq(want.split_whitespace()), || {
            format!("under “{heading}”: “{text}”, expected “{want}”")
        });
        for l in title.iter().chain(&kem) {
            r.check((l.center() - centre).abs() < TOL, || format!("“{}” is not centred", l.text()));
        }
        if let Some(last) = kem.last() {
            match rule_under(page, last) {
                Some(rule) => {
                    let widths: Vec<f64> = kem.iter().map(|l| l.ink_right() - l.left()).collect();
                    if let Some(wrong) = rule_fraction(&format!("“{heading}”"), rule.length(), &widths) {
                        r.0.push(wrong);
                    }
                }
                None => r.0.push(format!("no rule under the line naming the document in “{heading}”")),
            }
        }
    }
}

/// Tables of the body and the appendices, as Vietnamese reports set them: ruled across the
/// text width, 12–13 pt, the header row bold and centred in its cells (on every page the table
/// runs onto), each cell where its column's alignment puts it; every cell's text printed in
/// its own row and column.
fn bang(m: &Measured, r: &mut Report) {
    let tables: Vec<&vanban_core::Bang> = m
        .van_ban
        .noi_dung
        .0
        .iter()
        .chain(m.van_ban.phu_luc.iter().flat_map(|p| &p.noi_dung.0))
        .filter_map(|k| if let vanban_core::Khoi::Bang(b) = k { Some(b) } else { None })
        .collect();
    let a = area(m);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut printed: Vec<Vec<String>> = Vec::new();
    let mut found = 0;
    for (i, p) in m.pages.iter().enumerate() {
        let (left, right) =
            if p.width > p.height { (mm(30.0), p.width - mm(15.0)) } else { (a.left, a.right) };
        for g in grids(p) {
            found += 1;
            let (x0, x1) = (g.xs[0], g.xs[g.xs.len() - 1]);
            r.check((x0 - left).abs() < 1.0 && (x1 - right).abs() < 1.0, || {
                format!(
                    "page {}: a table spans {x0:.1}–{x1:.1}, not the text width {left:.1}–{right:.1}",
                    i + 1
                )
            });
            for l in &g.lines(p) {
                r.check(within(l.size(), 12.0, 13.0), || {
                    format!("page {}: table text “{}” is {} pt", i + 1, l.text(), l.size())
                });
                let Some((c, row)) = g.cell_of(l) else { continue };
                let (cx0, cx1) = (g.xs[c], g.xs[c + 1]);
                if row == 0 {
                    r.check(l.bold() && (l.center() - (cx0 + cx1) / 2.0).abs() < 1.5, || {
                        format!("page {}: header “{}” is not bold and centred in its cell", i + 1, l.text())
                    });
                }
            }
            let cells = g.cells(p);
            printed.extend(cells.into_iter().map(|row| row.iter().map(|c| squash(c)).collect()));
        }
    }
    r.check(found >= tables.len(), || {
        format!("{} table(s) in the text, {found} ruled on the pages", tables.len())
    });
    // Every row of every table, header first, printed cell by cell (a header repeated on a
    // later page is printed again).
    for b in &tables {
        let head: Vec<String> = b.dau.iter().map(|c| squash(&c.plain())).collect();
        r.check(printed.contains(&head), || format!("table header {head:?} not printed in its cells"));
        for row in &b.hang {
            let want: Vec<String> = row.iter().map(|c| squash(&c.plain())).collect();
            r.check(printed.contains(&want), || format!("table row {want:?} not printed in its cells"));
        }
    }
    // Alignment: a cell of one line sits at its column's left edge, centre or right edge.
    for p in &m.pages {
        for g in grids(p) {
            let Some(b) = tables.iter().find(|b| b.can_le.len() + 1 == g.xs.len()) else { continue };
            for l in g.lines(p) {
                let Some((c, row)) = g.cell_of(&l) else { continue };
                if row == 0 {
                    continue;
                }
                let (cx0, cx1) = (g.xs[c], g.xs[c + 1]);
                let ok = match b.can_le[c] {
                    vanban_core::CanLe::Trai => (l.left() - cx0 - 4.0).abs() < 1.5,
                    vanban_core::CanLe::Giua => (l.center() - (cx0 + cx1) / 2.0).abs() < 1.5,
                    vanban_core::CanLe::Phai => (cx1 - 4.0 - l.ink_right()).abs() < 1.5,
                };
                r.check(ok, || {
                    format!("table cell “{}” is not aligned {:?} in its column", l.text(), b.can_le[c])
                });
            }
        }
    }
}

/// Mẫu 1.3: the document a decision issues, from a page of its own after the decision: the
/// agency and the Quốc hiệu as in the heading but no Số and no date, the type name and summary
/// in bold, centred, and the italic line naming the decision over a rule of 1/3–1/2.
fn kem_theo(m: &Measured, r: &mut Report) {
    let Some(k) = &m.van_ban.kem_theo else { return };
    let Some(at) = m.kem_theo_page() else {
        r.0.push(format!(
            "the attached {} is not on a page of its own after the decision",
            k.loai.ten_loai()
        ));
        return;
    };
    let p = &m.pages[at];
    let a = area(m);
    let ls = lines(p);
    let qh = line_eq(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    r.check(qh.is_some() && line_eq(p, "Độc lập - Tự do - Hạnh phúc").is_some(), || {
        "the attached document has no Quốc hiệu and Tiêu ngữ".into()
    });
    let ten = vanban_core::in_hoa(&m.van_ban.co_quan.ten.join(" "));
    let left: Vec<String> = ls
        .iter()
        .filter(|l| l.bold() && l.center() < a.center() && qh.as_ref().is_some_and(|q| l.y() < q.y() + 30.0))
        .map(|l| l.text())
        .collect();
    r.check(left.join(" ").split_whitespace().eq(ten.split_whitespace()), || {
        format!("the attached document's agency reads {left:?}, expected “{ten}”")
    });
    // (A file of its own shows the decision's number in the top margin: not a Số line.)
    r.check(!ls.iter().any(|l| l.text().starts_with("Số:") && l.y() > mm(20.0)), || {
        "the attached document has a Số line".into()
    });
    let Some(tl) = line_eq(p, k.loai.ten_loai()) else { return };
    r.check(tl.bold() && (tl.center() - a.center()).abs() < TOL, || {
        "the attached document's type name is not bold and centred".into()
    });
    let idx = ls.iter().position(|l| l.y() == tl.y()).unwrap_or(0);
    let title: Vec<&Line<'_>> = ls[idx + 1..].iter().take_while(|l| l.bold()).collect();
    let text = title.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    r.check(text == k.trich_yeu.0, || {
        format!("the attached document's summary reads “{text}”, expected “{}”", k.trich_yeu.0)
    });
    let kem: Vec<&Line<'_>> = ls[idx + 1 + title.len()..].iter().take_while(|l| l.italic()).collect();
    let text = kem.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    let want = m.van_ban.dong_kem_theo();
    r.check(text.split_whitespace().eq(want.split_whitespace()), || {
        format!("the attached document reads “{text}”, expected “{want}”")
    });
    r.check(
        want.starts_with("(Kèm theo Quyết định số") || want.starts_with("(Kèm theo Nghị quyết số"),
        || format!("“{want}” does not name the decision"),
    );
    for l in title.iter().chain(&kem) {
        r.check((l.center() - a.center()).abs() < TOL, || format!("“{}” is not centred", l.text()));
    }
    match kem.last().and_then(|l| rule_under(p, l)) {
        Some(rule) => {
            let widths: Vec<f64> = kem.iter().map(|l| l.ink_right() - l.left()).collect();
            if let Some(wrong) = rule_fraction("the attached document's heading", rule.length(), &widths) {
                r.0.push(wrong);
            }
        }
        None => r.0.push("no rule under the attached document's heading".into()),
    }
}

/// Mẫu 1.3 (electronic), 2.2 and Phần II (nd30.md §10): each part issued as a file of its own
/// is a file of its own, from its first page to the next part's; the document's file holds
/// every other page. The first page of each shows at its top right, in a box of about
/// 77 × 9 mm, the document's number and the agency's signing time (date; hh:mm:ss in ISO 8601,
/// Vietnam time), 10 pt, regular, black, and no signature image.
fn tep_rieng(m: &Measured, r: &mut Report) {
    let v = &m.van_ban;
    let files = m.layout.files();
    let names: Vec<&str> = files.iter().skip(1).filter_map(|t| t.ten()).collect();
    let want_names = v.tep_rieng();
    r.check(files.first().is_some_and(|t| t.ten().is_none()) && names == want_names, || {
        format!("the document is issued as files {names:?} besides its own, expected {want_names:?}")
    });
    // Each page in exactly one file, in order within each.
    let mut all: Vec<usize> = files.iter().flat_map(|t| t.trang().iter().copied()).collect();
    r.check(files.iter().all(|t| t.trang().windows(2).all(|w| w[0] < w[1])), || {
        "a file's pages are out of order".into()
    });
    all.sort_unstable();
    r.check(all == (0..m.pages.len()).collect::<Vec<_>>(), || {
        format!("the files do not share the {} pages out between them: {all:?}", m.pages.len())
    });
    // The part each separate file begins with: the attached document first, then appendices.
    let phu_luc = m.phu_luc_pages();
    let starts: Vec<Option<usize>> = v
        .kem_theo
        .iter()
        .filter(|k| k.tep_rieng)
        .map(|_| m.kem_theo_page())
        .chain(v.phu_luc.iter().zip(&phu_luc).filter(|(p, _)| p.tep_rieng).map(|(_, &s)| s))
        .collect();
    let want = v.dong_tep_rieng();
    for (tep, start) in files.iter().skip(1).zip(&starts) {
        let name = tep.ten().unwrap_or_default();
        r.check(tep.trang().first() == start.as_ref(), || {
            format!(
                "file {name} begins on page {:?}, not where its part does ({start:?})",
                tep.trang().first()
            )
        });
        // A part's file runs to the next part's start, or to the end.
        let end = m.part_starts().into_iter().filter(|&s| start.is_some_and(|st| s > st)).min();
        let want_pages: Vec<usize> =
            start.map(|s| (s..end.unwrap_or(m.pages.len())).collect()).unwrap_or_default();
        r.check(tep.trang() == want_pages, || {
            format!("file {name} holds pages {:?}, expected {want_pages:?}", tep.trang())
        });
        let Some(&first) = tep.trang().first() else { continue };
        let p = &m.pages[first];
        let Some(dong) = &want else {
            r.0.push(format!("file {name}: the document has no number or signing time to show"));
            continue;
        };
        let text: Vec<Line<'_>> =
            lines(p).into_iter().filter(|l| l.size() == 10.0 && l.y() < mm(20.0)).collect();
        let printed: Vec<String> = text.iter().map(|l| l.text()).collect();
        r.check(printed == [dong.clone()], || {
            format!("file {name}: the signature text reads {printed:?}, expected “{dong}”")
        });
        let frame = p.boxes.iter().find(|b| {
            text.iter().all(|l| {
                b.x <= l.left() && l.ink_right() <= b.x + b.width && b.y < l.y() && l.y() < b.y + b.height
            })
        });
        match frame {
            Some(b) => {
                r.check((to_mm(b.width) - 77.0).abs() < 1.0 && within(to_mm(b.height), 8.5, 12.0), || {
                    format!(
                        "file {name}: the signature box is {:.1} × {:.1} mm, not about 77 × 9",
                        to_mm(b.width),
                        to_mm(b.height)
                    )
                });
                r.check(
                    (b.x + b.width - (p.width - mm(15.0))).abs() < 1.0 && b.y + b.height < mm(20.0),
                    || format!("file {name}: the signature box is not at the top right of the page"),
                );
            }
            None => r.0.push(format!("file {name}: the signature text is not in a box")),
        }
        for l in &text {
            r.check(l.regular() && l.runs.iter().all(|t| t.color == Some([0, 0, 0, 255])), || {
                format!("file {name}: “{}” is not regular and black", l.text())
            });
        }
        r.check(p.images.is_empty(), || format!("file {name}: its first page shows an image"));
        if let Some(time) = dong.rsplit("; ").next() {
            let iso = time.len() == 14 && time.ends_with("+07:00") && time.as_bytes()[2] == b':';
            r.check(iso, || format!("file {name}: signing time “{time}” is not hh:mm:ss in Vietnam time"));
        }
    }
    // The document's own first page has no such box.
    let p = m.page1();
    r.check(!lines(p).iter().any(|l| l.size() == 10.0 && l.text().starts_with("Số: ")), || {
        "the document's first page shows a separate file's signature text".into()
    });
}

/// Phụ lục I II.6, scheme A: `Phần`, `Chương`, `Mục`, `Tiểu mục` and their number on a line of
/// their own, centred, bold, as written; the title on the next line, centred, bold, capitals.
fn phan_chuong(m: &Measured, r: &mut Report) {
    let all = m.phan_chuong();
    let labels: Vec<&str> = all.iter().map(|(a, _)| a.as_str()).collect();
    for (nhan, ten) in all.iter().cloned() {
        let found = m.pages.iter().find_map(|p| {
            let ls = lines(p);
            let i = ls.iter().position(|l| l.text() == nhan)?;
            Some((p, ls, i))
        });
        let Some((p, ls, i)) = found else {
            r.0.push(format!("“{nhan}” is not printed on a line of its own"));
            continue;
        };
        let centre = (mm(30.0) + p.width - mm(15.0)) / 2.0;
        let l = &ls[i];
        r.check(l.bold() && within(l.size(), 13.0, 14.0) && (l.center() - centre).abs() < TOL, || {
            format!("“{nhan}”: {} pt, bold {}, not centred", l.size(), l.bold())
        });
        let title: Vec<&Line<'_>> = ls[i + 1..]
            .iter()
            .take_while(|t| {
                t.bold() && (t.center() - centre).abs() < TOL && !labels.contains(&t.text().as_str())
            })
            .collect();
        let text = title.iter().map(|t| t.text()).collect::<Vec<_>>().join(" ");
        r.check(text == ten, || format!("under “{nhan}”: “{text}”, expected “{ten}” centred in bold"));
    }
}

// §1: page numbers.
fn page_numbers(m: &Measured, r: &mut Report) {
    let a = area(m);
    // Each appendix is numbered on its own, from 1 on its first page (Mẫu 2.1).
    let starts: Vec<usize> = m.part_starts();
    for (i, p) in m.pages.iter().enumerate() {
        let nums: Vec<Line<'_>> = lines(p)
            .into_iter()
            .filter(|l| l.y() < mm(20.0) && l.text().chars().all(|c| c.is_ascii_digit()))
            .collect();
        let start = starts.iter().copied().filter(|&s| s <= i).max().unwrap_or(0);
        if i == start {
            r.check(nums.is_empty(), || {
                format!("page {} shows a page number on the first page of its part", i + 1)
            });
            continue;
        }
        // The text area's centre: the measured one, or a landscape page's.
        let centre = if p.width > p.height { (mm(30.0) + p.width - mm(15.0)) / 2.0 } else { a.center() };
        match nums.as_slice() {
            [n] => {
                r.check(n.text() == (i - start + 1).to_string(), || {
                    format!("page {} is numbered {}, expected {}", i + 1, n.text(), i - start + 1)
                });
                r.check((n.center() - centre).abs() < TOL, || {
                    format!("page number on page {} is not centred", i + 1)
                });
                r.check(within(n.size(), 13.0, 14.0) && n.regular(), || {
                    format!("page number: {} pt", n.size())
                });
            }
            _ => r.0.push(format!("page {} has no page number in the top margin", i + 1)),
        }
    }
}

// House style: the draft marker in the top band, boxed.
fn draft_marker(m: &Measured, r: &mut Report) {
    let p = m.page1();
    let marker = lines(p).into_iter().find(|l| l.text().starts_with("DỰ THẢO"));
    match (&m.van_ban.du_thao, marker) {
        (Some(d), Some(l)) => {
            r.check(l.text() == d.chu(), || format!("draft marker reads “{}”", l.text()));
            r.check(l.y() < mm(20.0), || "draft marker is not in the top band".into());
            r.check(l.bold(), || "draft marker is not bold".into());
            r.check(
                p.boxes.iter().any(|b| {
                    b.x <= l.left() && b.x + b.width >= l.ink_right() && b.y < l.y() && b.y + b.height > l.y()
                }),
                || "draft marker has no box".into(),
            );
        }
        (None, Some(_)) => r.0.push("draft marker on a document that is not a draft".into()),
        (Some(_), None) => r.0.push("draft without a draft marker".into()),
        (None, None) => {}
    }
}
