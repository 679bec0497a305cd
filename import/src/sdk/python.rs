//! The Python SDK: `tencentcloud/<product>/v<yyyymmdd>/errorcodes.py` in a
//! wheel (`.whl`, a zip) or in an unpacked tree. Each code is a constant
//! under the comment lines that describe it:
//!
//! ```text
//! # <what the code means>
//! FAILEDOPERATION_SOMETHING = 'FailedOperation.Something'
//! ```

use std::io::Read;
use std::path::Path;

use super::{Definition, ReadError, product_version};

const FILE_NAME: &str = "errorcodes.py";

/// Every definition in the wheel or directory at `path`, in the order of
/// its files' paths.
pub fn read(path: &Path) -> Result<Vec<Definition>, Vec<ReadError>> {
    let files = if path.is_dir() {
        read_tree(path)
    } else {
        read_wheel(path)
    }
    .map_err(|message| {
        vec![ReadError {
            file: path.display().to_string(),
            line: 0,
            message,
        }]
    })?;
    if files.is_empty() {
        return Err(vec![ReadError {
            file: path.display().to_string(),
            line: 0,
            message: format!(
                "no tencentcloud/<product>/v<date>/{FILE_NAME}: is this a tencentcloud-sdk-python wheel?"
            ),
        }]);
    }
    let mut definitions = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        let (product, version) = product_version(&name, FILE_NAME).expect("filtered by name");
        match parse(&name, &product, &version, &text) {
            Ok(found) => definitions.extend(found),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(definitions)
    } else {
        Err(errors)
    }
}

/// The `errorcodes.py` files of a wheel: (path in the archive, text).
fn read_wheel(path: &Path) -> Result<Vec<(String, String)>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|e| format!("not a wheel (zip archive): {e}"))?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| format!("cannot read entry {i}: {e}"))?;
        let name = entry.name().to_owned();
        if product_version(&name, FILE_NAME).is_none() {
            continue;
        }
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        files.push((name, text));
    }
    files.sort();
    Ok(files)
}

/// The `errorcodes.py` files under a directory, by relative path.
fn read_tree(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for path in super::walk(root)? {
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if product_version(&name, FILE_NAME).is_some() {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push((name, text));
        }
    }
    files.sort();
    Ok(files)
}

/// The definitions of one `errorcodes.py`: every line is blank, a comment
/// or a code constant.
pub fn parse(
    file: &str,
    product: &str,
    version: &str,
    text: &str,
) -> Result<Vec<Definition>, Vec<ReadError>> {
    super::described_constants(file, product, version, "#", text.lines().enumerate())
}
