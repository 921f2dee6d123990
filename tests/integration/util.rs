//! A fixture site in a temporary directory, and helpers to run plansite on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A site on disk, starting from the `plansite new` starter.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// The starter site, as `plansite new` writes it.
    pub fn starter() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        plansite::scaffold::create(dir.path()).unwrap();
        TestSite { dir }
    }

    /// A copy of the bundled site (five plans).
    pub fn bundled() -> TestSite {
        TestSite {
            dir: bundled_copy(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &TestSite {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
        self
    }

    /// Adds `n` targets (`extra-0`, …) to the starter's plan.
    pub fn grow_starter_plan(&self, n: usize) -> &TestSite {
        let plan = "content/plans/example-2025/plan.yaml";
        let text = self.read(plan);
        self.write(plan, text + &extra_targets(n))
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Replaces the first occurrence of `from` in a file; panics if it is absent, so a
    /// test never silently edits nothing.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &TestSite {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// `plansite --root <site> <args>`.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("plansite").unwrap();
        c.arg("--root").arg(self.root()).args(args);
        c
    }

    /// Builds into `public/` and returns the output as site path → text.
    pub fn build_ok(&self) -> BTreeMap<String, String> {
        self.cmd(&["build"]).assert().success();
        read_tree(&self.path("public"))
    }
}

/// Every file under `dir`, by `/`-separated relative path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(e.path()).unwrap();
            (rel, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// The values of `attr="…"` in `html`.
pub fn attrs(html: &str, attr: &str) -> Vec<String> {
    plansite::check::attribute_values(html, attr)
}

/// A copy of the bundled site (its own files, not the generator's).
pub fn bundled_copy() -> tempfile::TempDir {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        if !matches!(top.as_str(), "site.yaml" | "content" | "seeds") {
            continue;
        }
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

/// A language's built search index, read back from its part files.
pub struct SearchIndex {
    pub meta: serde_json::Value,
    /// Display rows `[kind, title, href, context]`, in document order.
    pub docs: Vec<serde_json::Value>,
    /// Every key with its postings (`doc * 2 + in_title`, as steps), over all shards.
    pub grams: serde_json::Map<String, serde_json::Value>,
}

impl SearchIndex {
    pub fn of(out: &BTreeMap<String, String>, lang: &str) -> SearchIndex {
        let dir = format!("{lang}/search-index/");
        let meta = &out[&format!("{dir}meta.js")];
        let meta = meta.split_once(" = ").unwrap().1.trim_end();
        let meta: serde_json::Value =
            serde_json::from_str(meta.strip_suffix(';').unwrap()).unwrap();
        let part = |name: &str| -> serde_json::Value {
            let text = &out[&format!("{dir}{name}.js")];
            let (_, rest) = text.split_once("\", ").unwrap();
            serde_json::from_str(rest.trim_end().strip_suffix(");").unwrap()).unwrap()
        };
        let chunks = meta["docs"]
            .as_u64()
            .unwrap()
            .div_ceil(meta["chunk"].as_u64().unwrap());
        let docs = (0..chunks)
            .flat_map(|i| part(&format!("d{i}")).as_array().unwrap().clone())
            .collect();
        let mut grams = serde_json::Map::new();
        for i in 0..meta["shards"].as_u64().unwrap() {
            grams.extend(part(&format!("g{i}")).as_object().unwrap().clone());
        }
        SearchIndex { meta, docs, grams }
    }

    /// The documents `gram` finds.
    pub fn found(&self, gram: &str) -> Vec<usize> {
        let mut at = 0;
        self.grams[gram]
            .as_array()
            .unwrap_or_else(|| panic!("{gram} is indexed"))
            .iter()
            .map(|step| {
                at += step.as_u64().unwrap();
                (at / 2) as usize
            })
            .collect()
    }
}

/// `n` targets for the starter's plan, as its YAML.
pub fn extra_targets(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "  - id: extra-{i}\n    name: {{zh: 新增企业{i}, en: Extra firms {i}}}\n    \
                 topic: innovation\n    metric: count\n    unit: firms\n    year: 2025\n    \
                 value: {{reach: {v}}}\n    source: {{clause: 二}}\n",
                v = i + 1
            )
        })
        .collect()
}
