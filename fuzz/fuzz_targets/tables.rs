//! Fuzz target: see `summitry_fuzz::tables`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::tables(data));
