//! `TENCENTCLOUD_ERROR_CODES_EXTRA`: which extra catalog files a build
//! reads, from the variable's value.

/// The environment variable naming extra catalog files.
pub const EXTRA_VAR: &str = "TENCENTCLOUD_ERROR_CODES_EXTRA";

/// The files named by [`EXTRA_VAR`]'s value: absolute paths, separated as
/// the platform separates paths (`:` on Unix, `;` on Windows); empty
/// entries are skipped. A build script runs in the package's directory, not
/// where cargo was started, so a relative path is an error.
pub fn extra_files(value: &std::ffi::OsStr) -> Result<Vec<std::path::PathBuf>, Vec<String>> {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut errors = Vec::new();
    for path in std::env::split_paths(value).filter(|p| !p.as_os_str().is_empty()) {
        if !path.is_absolute() {
            errors.push(format!(
                "{EXTRA_VAR} names the relative path {:?}; a build script cannot know where cargo was started, so give an absolute path (in .cargo/config.toml, `[env] {EXTRA_VAR} = {{ value = \"{}\", relative = true }}` makes one)",
                path.display().to_string(),
                path.display()
            ));
        } else if files.contains(&path) {
            errors.push(format!(
                "{EXTRA_VAR} names {} twice; name each file once",
                path.display()
            ));
        } else {
            files.push(path);
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}
