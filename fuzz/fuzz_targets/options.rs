//! Fuzz target `options`: feeds libFuzzer's bytes to [`concord_laws::options`], which panics when a
//! law is broken (the regression test `corpus/regressions` runs the same check).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord_laws::options(data));
