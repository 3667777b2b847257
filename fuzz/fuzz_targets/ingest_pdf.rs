//! Fuzz target `ingest_pdf`: feeds libFuzzer's bytes to [`concord_laws::ingest_pdf`], which panics when a
//! law is broken (the regression test `corpus/regressions` runs the same check).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord_laws::ingest_pdf(data));
