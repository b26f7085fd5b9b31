//! Compiles the bundled dataset into the binary: lists every `.ron` file
//! under `data/` so `src/dataset/bundled.rs` can `include_str!` them all,
//! and tells cargo to rebuild when any of them changes. Also fingerprints
//! the code that loads a dataset and prepares its index, so that the
//! open-time cache (`src/cache/`) never reads an entry written by other code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    collect_ext(dir, "ron", out);
}

fn collect_ext(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ext(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// A hash of every source file under the code that decides what a cache
/// entry holds: changed loading, validation or indexing code means new entries.
fn code_fingerprint(root: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut files = Vec::new();
    for dir in ["src/dataset", "src/search", "src/cache"] {
        println!("cargo:rerun-if-changed={dir}");
        collect_ext(&root.join(dir), "rs", &mut files);
    }
    files.sort();
    // SipHash with fixed keys: the same sources give the same fingerprint.
    let mut h = std::hash::DefaultHasher::new();
    for file in &files {
        file.strip_prefix(root).unwrap_or(file).hash(&mut h);
        std::fs::read(file).unwrap_or_default().hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rustc-env=CASEBOOK_CODE_FINGERPRINT={}", code_fingerprint(&root));
    let data = root.join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&data, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file.strip_prefix(&data).expect("file is under data/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_str!({:?})),", file.display().to_string()).expect("write to string");
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_files.rs");
    std::fs::write(out, code).expect("write bundled file list");
}
