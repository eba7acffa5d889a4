//! The `render` command: document files in, Decree 30 PDFs out.
//!
//! Exit status: 0 when every file succeeded, 1 when any document was invalid or failed to
//! render, 2 for a usage error, 130 when interrupted.

mod args;
mod atomic;
mod batch;
mod cap_so;
mod check;
mod du_lieu;
mod files;
mod gop;
mod khung;
mod load;
mod may_chu;
mod merge;
mod outputs;
mod render;
mod report;
mod schema;
mod so_di;
mod so_di_bang;
mod so_di_kiem_tra;
mod ten_tep;
mod usage;
mod worker;

use std::process::ExitCode;

use crate::args::Command;
use crate::report::{Reporter, say};

/// Typst and its PDF writer allocate and free many short-lived buffers per document (each
/// compressed stream sets up its own tables); mimalloc keeps freed memory at hand for the
/// next document instead of returning it to the system and faulting it in again. It is
/// built without its request for transparent huge pages (feature `no_thp`, workspace
/// `Cargo.toml`): a process that renders one document touched a few 2 MiB pages, each
/// cleared whole on first touch, for 15 MiB more memory and 2 ms more (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Whether this process starts making what its renders share at once ([`main`]): when it
/// renders or checks files or merges data, but not as a worker process. A worker's first
/// document comes when its parent sends it, and the second thread's memory stayed in every
/// worker: 16 workers on the kế hoạch held 260–271 MiB with it against 259–260 with the
/// parent's alone (README, Start-up).
fn prepares(args: &args::Args) -> bool {
    match &args.command {
        None => !args.worker,
        Some(Command::Check { .. }) => true,
        Some(Command::Merge { worker, .. }) => !worker,
        Some(_) => false,
    }
}

fn main() -> ExitCode {
    let args = match usage::parse() {
        Ok(args) => args,
        Err(code) => return code,
    };
    // A single document goes to a server, when one of this program runs (README, Start-up:
    // render serve); it starts on the document while this process reads it and plans.
    let server = may_chu::takes(&args).then(may_chu::Client::connect).flatten();
    if server.is_none() && prepares(&args) {
        // What every render of this process shares (Typst's library, the embedded fonts, the
        // templates) is made on a thread of its own while this one reads the documents and
        // plans the outputs (README, Start-up). Without a thread to be had, the first compile
        // makes it.
        let _ = std::thread::Builder::new().spawn(vanban_render::Renderer::prepare);
    }
    let reporter = Reporter::new(&args.common);
    let ok = match &args.command {
        Some(Command::Check { files, strict, data: Some(data), sheet, .. }) => match files.as_slice() {
            [template] => merge::check(template, data, sheet.as_deref(), *strict, &args.common, &reporter),
            _ => {
                return usage(
                    &reporter,
                    &say(
                        args.common.lang,
                        "--data kiểm tra một tệp mẫu: render check MAU.khuon.toml --data DU_LIEU.xlsx",
                        "--data checks one template: render check TEMPLATE.khuon.toml --data DATA.xlsx",
                    ),
                );
            }
        },
        Some(Command::Merge {
            template,
            data,
            sheet,
            out_dir,
            name,
            combine,
            so_tu,
            pdf_a,
            docx,
            worker,
        }) => {
            let tron = merge::Tron {
                khuon: template.clone(),
                du_lieu: data.clone(),
                sheet: sheet.clone(),
                out_dir: out_dir.clone(),
                name: name.clone(),
                combine: combine.clone(),
                so_tu: *so_tu,
                pdf_a: *pdf_a,
                docx: *docx,
            };
            match worker {
                true => merge::serve(&tron, &args.common, &reporter),
                false => merge::run(&tron, &args.common, &reporter),
            }
        }
        Some(Command::Check { files, strict, data: None, so_dang_ky, .. }) => {
            match files::collect(files, None, args.common.lang) {
                Ok(set) => {
                    notes(&reporter, &set);
                    check::run(&set, *strict, so_dang_ky.as_deref(), &args.common, &reporter, server)
                }
                Err(message) => return usage(&reporter, &message),
            }
        }
        Some(Command::New { loai, output, markdown }) => {
            khung::run(loai, output.as_deref(), *markdown, args.common.lang)
        }
        Some(Command::Schema { dung_chung }) => schema::run(*dung_chung),
        Some(Command::Serve { idle }) => may_chu::serve(std::time::Duration::from_secs(*idle), &reporter),
        Some(Command::CapSo { files, so_dang_ky, so_sach, huy: Some(so), ly_do, nam, .. }) => {
            let lenh = cap_so::HuySo {
                so: *so,
                ly_do: ly_do.clone().unwrap_or_default(),
                so_sach: so_sach.clone(),
                nam: *nam,
                so_dang_ky: so_dang_ky.clone(),
            };
            if lenh.so_sach.is_none() {
                return usage(
                    &reporter,
                    &say(
                        args.common.lang,
                        "--huy cần tên sổ: --so-sach TÊN (ví dụ --so-sach UBND)",
                        "--huy needs the book: --so-sach NAME (for example --so-sach UBND)",
                    ),
                );
            }
            cap_so::huy(&lenh, files, &reporter)
        }
        Some(Command::CapSo { files, so_dang_ky, ngay, so_sach, huy: None, .. }) => {
            let lenh = cap_so::LaySo {
                files: files.clone(),
                so_dang_ky: so_dang_ky.clone(),
                ngay: *ngay,
                so_sach: so_sach.clone(),
            };
            cap_so::run(&lenh, &args.common, &reporter)
        }
        Some(Command::SoDi { so_dang_ky, kiem_tra: true, .. }) => {
            so_di_kiem_tra::run(so_dang_ky.as_deref(), args.common.goc.as_deref(), &reporter)
        }
        Some(Command::SoDi {
            output, so_dang_ky, so_sach, nam, tu_ngay, den_ngay, quyen, co_quan, ..
        }) => {
            let lenh = so_di::InSoDi {
                so_dang_ky: so_dang_ky.clone(),
                so_sach: so_sach.clone(),
                nam: *nam,
                tu_ngay: *tu_ngay,
                den_ngay: *den_ngay,
                quyen: *quyen,
                co_quan: co_quan.clone(),
                output: output.clone().unwrap_or_default(),
            };
            if let (Some(tu), Some(den)) = (tu_ngay, den_ngay)
                && tu > den
            {
                return usage(
                    &reporter,
                    &say(
                        args.common.lang,
                        "--tu-ngay phải trước hoặc bằng --den-ngay",
                        "--tu-ngay must be on or before --den-ngay",
                    ),
                );
            }
            match so_di::run(&lenh, &args.common, &reporter) {
                Ok(ok) => ok,
                Err(message) => return usage(&reporter, &message),
            }
        }
        None => {
            if args.files.is_empty() {
                return usage(
                    &reporter,
                    &say(
                        args.common.lang,
                        "chưa có tệp văn bản nào\ngợi ý: render examples/cong-van.toml",
                        "no document file given\nhelp: render examples/cong-van.toml",
                    ),
                );
            }
            let set = match files::collect(&args.files, args.shard, args.common.lang) {
                Ok(set) => set,
                Err(message) => return usage(&reporter, &message),
            };
            if args.output.is_some() && (set.files.len() > 1 || args.files.len() > 1) {
                return usage(
                    &reporter,
                    &say(
                        args.common.lang,
                        "-o chỉ dùng được với một tệp; dùng --out-dir DIR, hoặc bỏ -o để ghi PDF bên cạnh mỗi tệp",
                        "-o takes a single file; use --out-dir DIR, or leave -o out to write each PDF beside its file",
                    ),
                );
            }
            match render::Plan::new(&args) {
                Ok(plan) if args.worker => worker::serve(&set, &plan, &reporter),
                Ok(plan) => {
                    if plan.to_stdout() {
                        reporter.give_up_stdout();
                    }
                    notes(&reporter, &set);
                    render::run(&set, &plan, &reporter, server)
                }
                Err(message) => return usage(&reporter, &message),
            }
        }
    };
    if ok && !reporter.output_failed() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// What walking the directories passed over, said before the run.
fn notes(reporter: &Reporter, set: &files::FileSet) {
    for note in &set.notes {
        reporter.warning(note);
    }
}

/// Reports a usage error; exit status 2.
fn usage(reporter: &Reporter, message: &str) -> ExitCode {
    reporter.usage_error(message);
    ExitCode::from(2)
}
