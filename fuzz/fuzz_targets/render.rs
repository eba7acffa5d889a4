//! Bytes to PDF, as `render` takes them: a PDF, or a clear refusal; never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_tests::harness::render(data);
});
