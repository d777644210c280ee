//! Fuzz target: see `summitry_fuzz::json_record`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::json_record(data));
