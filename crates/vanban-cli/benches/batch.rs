//! A CI pipeline's run: 1,000 one-page công văn rendered by one `render` process over a
//! directory, in parallel. Reports documents per second (criterion's throughput) and the
//! peak resident memory of the process and its worker processes (sampled from /proc).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;
use common::peak_mib;

/// Documents in the set.
const N: usize = 1000;

/// A one-page công văn numbered `so`.
fn document(so: usize) -> String {
    format!(
        r#"loai = "cong-van"
so = {so}
don_vi_soan_thao = "VP"
dia_danh = "Phong Thổ"
ngay = "2024-{month:02}-{day:02}"
trich_yeu = "báo cáo tình hình thực hiện nhiệm vụ tháng {month} năm 2024, lần {so}"
kinh_gui = ["Các phòng, ban chuyên môn thuộc UBND huyện"]
noi_dung = """
Thực hiện chương trình công tác năm 2024, Ủy ban nhân dân huyện đề nghị các phòng, ban chuyên môn báo cáo tình hình thực hiện nhiệm vụ tháng {month} (văn bản số {so}), gửi về Văn phòng HĐND và UBND huyện trước ngày 25 hằng tháng để tổng hợp.

Đề nghị các đơn vị quan tâm, thực hiện./.
"""

[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TL. Chủ tịch"]
chuc_vu = "Chánh Văn phòng"
ho_ten = "Nguyễn Văn An"

[noi_nhan]
gui = ["Như trên", "Lãnh đạo UBND huyện"]
luu = ["VT", "VP"]
"#,
        month = so % 12 + 1,
        day = so % 28 + 1,
    )
}

fn batch(c: &mut Criterion) {
    let exe = env!("CARGO_BIN_EXE_render");
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("in");
    let output = dir.path().join("out");
    std::fs::create_dir_all(&input).expect("input directory");
    for so in 1..=N {
        std::fs::write(input.join(format!("cv-{so:04}.toml")), document(so)).expect("document written");
    }
    let run = |input: &Path, output: &Path| {
        let mut cmd = Command::new(exe);
        cmd.arg(input)
            .arg("--out-dir")
            .arg(output)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        cmd
    };
    // Every document is one page and renders.
    let status = run(&input, &output).status().expect("render runs");
    assert!(status.success(), "the batch failed");
    let pdfs = std::fs::read_dir(&output).expect("output").count();
    assert_eq!(pdfs, N, "one PDF per document");

    let peak = peak_mib(&mut run(&input, &output));
    eprintln!("batch: peak resident memory of `render` and its workers over {N} documents: {peak:.1} MiB");

    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Elements(N as u64));
    group.bench_function("render 1000 one-page công văn", |b| {
        b.iter(|| {
            let status = run(&input, &output).status().expect("render runs");
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
