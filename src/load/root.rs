//! Where a collection's files live: a directory on disk, or the
//! datasets embedded in the binary.

use std::ops::Deref;
use std::path::PathBuf;

use include_dir::Dir;

use super::collection::Form;
use crate::error::{Error, Result};

/// Where a collection's files live.
#[derive(Clone)]
pub(super) enum Root {
    Disk(PathBuf),
    Embedded(&'static Dir<'static>),
}

/// A file's bytes: borrowed from the binary, or mapped from disk.
pub(super) enum Bytes {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
    Empty,
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Mapped(m) => m,
            Bytes::Empty => &[],
        }
    }
}

impl Root {
    pub(super) fn join(&self, name: &str) -> Option<Root> {
        match self {
            Root::Disk(p) => {
                let p = p.join(name);
                p.is_dir().then_some(Root::Disk(p))
            }
            Root::Embedded(d) => d.get_dir(d.path().join(name)).map(Root::Embedded),
        }
    }

    pub(super) fn has_file(&self, name: &str) -> bool {
        match self {
            Root::Disk(p) => p.join(name).is_file(),
            Root::Embedded(d) => d.get_file(d.path().join(name)).is_some(),
        }
    }

    pub(super) fn read(&self, name: &str) -> Result<Option<Bytes>> {
        match self {
            Root::Disk(p) => {
                let path = p.join(name);
                if !path.is_file() {
                    return Ok(None);
                }
                let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
                let len = file.metadata().map_err(|e| Error::io(&path, e))?.len();
                if len == 0 {
                    return Ok(Some(Bytes::Empty));
                }
                // SAFETY: the map is read-only and lives only while the
                // table is parsed; a file truncated by another process
                // meanwhile is outside what any reader can guard against.
                let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(&path, e))?;
                Ok(Some(Bytes::Mapped(map)))
            }
            Root::Embedded(d) => Ok(d
                .get_file(d.path().join(name))
                .map(|f| Bytes::Static(f.contents()))),
        }
    }

    /// Names of the subdirectories, sorted.
    pub(super) fn dirs(&self) -> Result<Vec<String>> {
        self.names(true)
    }

    /// Names of the files, sorted.
    pub(super) fn files(&self) -> Result<Vec<String>> {
        self.names(false)
    }

    /// Names of the subdirectories (`dirs`) or of the files, sorted.
    fn names(&self, dirs: bool) -> Result<Vec<String>> {
        let paths: Vec<PathBuf> = match self {
            Root::Disk(p) => std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|path| if dirs { path.is_dir() } else { path.is_file() })
                .collect(),
            Root::Embedded(d) if dirs => d.dirs().map(|s| s.path().to_owned()).collect(),
            Root::Embedded(d) => d.files().map(|f| f.path().to_owned()).collect(),
        };
        let mut names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        names.sort();
        Ok(names)
    }

    pub(super) fn form(&self) -> Option<Form> {
        let tables =
            std::iter::once(super::schema::Table::Summits).chain(super::schema::Table::STANDALONE);
        if tables.into_iter().any(|t| self.has_file(&t.file_name())) {
            Some(Form::Tables)
        } else if self.join("records").is_some() {
            Some(Form::Records)
        } else {
            None
        }
    }
}
