//! A Markdown document file (front matter and body): parsed, or refused with located
//! problems; never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_tests::harness::parse(data, vanban_core::DangTep::Markdown);
});
