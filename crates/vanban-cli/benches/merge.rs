//! A mail merge as an office runs it: one giấy mời per row of a 1,000-row Excel list, by
//! `render merge` (one PDF per row, and all rows in one PDF with `--combine`), against the
//! batch throughput of the same 1,000 documents written as plain files. Reports documents per
//! second and the peak resident memory of each run (sampled from /proc).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;
use common::peak_mib;

/// Rows in the list.
const N: usize = 1000;

/// The one-page giấy mời; `{{ … }}` are the columns.
const TEMPLATE: &str = r#"loai = "giay-moi"
so = "{{ so }}"
dia_danh = "Phong Thổ"
ngay = "2026-01-05"
kinh_moi = ["{{ danh_xung }} {{ ho_ten }}, {{ chuc_vu }}"]
toi_du = "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026 của Ủy ban nhân dân xã Phong Thổ"
chu_tri = "Đồng chí Trần Bảo Trung, Chủ tịch UBND xã"
thoi_gian = "08 giờ 00, {{ ngay_hop | ngay }}"
dia_diem = "Hội trường tầng 3, Trụ sở Ủy ban nhân dân xã Phong Thổ"
noi_dung = """
Đề nghị {{ danh_xung | lower }} {{ ho_ten }} bố trí thời gian tham dự đầy đủ. Văn phòng HĐND và UBND xã sẽ liên hệ qua số điện thoại {{ dien_thoai }} để xác nhận./.
"""

[co_quan]
ten = ["Ủy ban nhân dân", "xã Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TL. Chủ tịch"]
chuc_vu = "Chánh Văn phòng"
ho_ten = "Lê Thị Mai"

[noi_nhan]
gui = ["Như trên", "Lãnh đạo UBND xã"]
luu = ["VT", "VP"]
"#;

/// Row `i`: (so, danh_xung, ho_ten, chuc_vu, dien_thoai); the meeting is on 2026-01-15.
fn row(i: usize) -> (usize, &'static str, String, String, String) {
    let (danh_xung, ho) = if i.is_multiple_of(2) { ("Ông", "Nguyễn Văn") } else { ("Bà", "Lò Thị") };
    let ten = ["An", "Bình", "Hoa", "Sáu", "Mai", "Dính", "Thắm", "Chiến"][i % 8];
    (
        100 + i,
        danh_xung,
        format!("{ho} {ten} {i}"),
        format!("Trưởng thôn số {}", i % 40 + 1),
        format!("09{:08}", i * 7919),
    )
}

/// The list as an Excel workbook, with the meeting day as a date cell.
fn workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = ExcelDateTime::from_ymd(2026, 1, 15).expect("date");
    for (c, name) in ["so", "danh_xung", "ho_ten", "chuc_vu", "ngay_hop", "dien_thoai"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name).expect("header");
    }
    for i in 0..N {
        let (so, danh_xung, ho_ten, chuc_vu, dien_thoai) = row(i);
        let r = i as u32 + 1;
        sheet.write_number(r, 0, so as f64).expect("cell");
        sheet.write_string(r, 1, danh_xung).expect("cell");
        sheet.write_string(r, 2, ho_ten).expect("cell");
        sheet.write_string(r, 3, chuc_vu).expect("cell");
        sheet.write_datetime_with_format(r, 4, &day, &date).expect("cell");
        sheet.write_string(r, 5, dien_thoai).expect("cell");
    }
    book.save(path).expect("workbook saved");
}

/// The same documents as plain files, for the batch it is compared with.
fn plain_files(dir: &Path) {
    std::fs::create_dir_all(dir).expect("directory");
    for i in 0..N {
        let (so, danh_xung, ho_ten, chuc_vu, dien_thoai) = row(i);
        let text = TEMPLATE
            .replace("\"{{ so }}\"", &so.to_string())
            .replace("{{ danh_xung | lower }}", &danh_xung.to_lowercase())
            .replace("{{ danh_xung }}", danh_xung)
            .replace("{{ ho_ten }}", &ho_ten)
            .replace("{{ chuc_vu }}", &chuc_vu)
            .replace("{{ ngay_hop | ngay }}", "ngày 15 tháng 01 năm 2026")
            .replace("{{ dien_thoai }}", &dien_thoai);
        std::fs::write(dir.join(format!("gm-{i:04}.toml")), text).expect("file written");
    }
}

fn quiet(mut cmd: Command) -> Command {
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

fn merge(c: &mut Criterion) {
    let exe = env!("CARGO_BIN_EXE_render");
    let dir = tempfile::tempdir().expect("temporary directory");
    let (template, data, plain) =
        (dir.path().join("gm.khuon.toml"), dir.path().join("ds.xlsx"), dir.path().join("plain"));
    std::fs::write(&template, TEMPLATE).expect("template written");
    workbook(&data);
    plain_files(&plain);
    let (out, combined, out_plain) =
        (dir.path().join("out"), dir.path().join("tat-ca.pdf"), dir.path().join("out-plain"));
    let per_row = || {
        let mut cmd = Command::new(exe);
        cmd.arg("merge").arg(&template).arg("--data").arg(&data).arg("--out-dir").arg(&out);
        quiet(cmd)
    };
    let combine = || {
        let mut cmd = Command::new(exe);
        cmd.arg("merge").arg(&template).arg("--data").arg(&data).arg("--combine").arg(&combined);
        quiet(cmd)
    };
    let batch = || {
        let mut cmd = Command::new(exe);
        cmd.arg(&plain).arg("--out-dir").arg(&out_plain);
        quiet(cmd)
    };
    for (name, make) in [
        ("merge, one PDF per row", &per_row as &dyn Fn() -> Command),
        ("merge --combine", &combine),
        ("batch of plain files", &batch),
    ] {
        assert!(make().status().expect("render runs").success(), "{name} failed");
        eprintln!("merge: peak resident memory, {name}, {N} documents: {:.1} MiB", peak_mib(&mut make()));
    }
    assert_eq!(std::fs::read_dir(&out).expect("output").count(), N, "one PDF per row");

    let mut group = c.benchmark_group("merge");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Elements(N as u64));
    group.bench_function("batch of 1000 plain giấy mời files", |b| {
        b.iter(|| assert!(batch().status().expect("runs").success()))
    });
    group.bench_function("merge 1000 rows of .xlsx, one PDF per row", |b| {
        b.iter(|| assert!(per_row().status().expect("runs").success()))
    });
    group.bench_function("merge 1000 rows of .xlsx --combine", |b| {
        b.iter(|| assert!(combine().status().expect("runs").success()))
    });
    group.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
