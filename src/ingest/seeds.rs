//! The sample corpus, embedded so that an installed binary opens it with no folder.

/// File names of the embedded sample, as in `seeds/`.
pub const SAMPLE_FILES: [&str; 5] = [
    "000_86b0cd60c0c220f5.txt",
    "001_fd255ad04d70c492.txt",
    "002_48ee19e3c13b1132.txt",
    "003_7d26a443cdc6b536.txt",
    "004_c8cf379f72f50de3.txt",
];

const SAMPLE_BYTES: [&[u8]; 5] = [
    include_bytes!("../../seeds/000_86b0cd60c0c220f5.txt"),
    include_bytes!("../../seeds/001_fd255ad04d70c492.txt"),
    include_bytes!("../../seeds/002_48ee19e3c13b1132.txt"),
    include_bytes!("../../seeds/003_7d26a443cdc6b536.txt"),
    include_bytes!("../../seeds/004_c8cf379f72f50de3.txt"),
];

/// (file name, contents) of each embedded sample file.
pub fn sample_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    SAMPLE_FILES.into_iter().zip(SAMPLE_BYTES)
}
