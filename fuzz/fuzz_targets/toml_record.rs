//! Fuzz target: see `summitry_fuzz::toml_record`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::toml_record(data));
