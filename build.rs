//! Embeds the default theme (`themes/default/`) in the binary, so `plansite new` and
//! any site without its own copy of the theme build with it; and fingerprints the
//! sources, so a build cache written by a binary built from other code is not used.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes")
        .join("default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code =
        String::from("/// Files of the default theme: (path inside the theme, contents).\n");
    code.push_str("pub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("default_theme.rs");
    std::fs::write(out, code).unwrap();
    source_fingerprint();
}

/// A fingerprint of the code that renders pages, for the build cache's key: pages
/// cached by a binary built from other sources (same version number, as between two
/// development builds) must not be carried over, or an edit to the renderer would
/// show stale pages.
fn source_fingerprint() {
    use std::hash::{Hash, Hasher};
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = manifest.join("src");
    println!("cargo:rerun-if-changed={}", src.display());
    println!(
        "cargo:rerun-if-changed={}",
        manifest.join("Cargo.lock").display()
    );
    let mut files = Vec::new();
    collect(&src, &src, &mut files);
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for rel in &files {
        rel.hash(&mut hasher);
        std::fs::read(src.join(rel))
            .unwrap_or_default()
            .hash(&mut hasher);
    }
    std::fs::read(manifest.join("Cargo.lock"))
        .unwrap_or_default()
        .hash(&mut hasher);
    println!(
        "cargo:rustc-env=PLANSITE_SOURCE_HASH={:016x}",
        hasher.finish()
    );
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push(rel);
        }
    }
}
