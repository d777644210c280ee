//! Fuzz target: see `summitry_fuzz::manifest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::manifest(data));
