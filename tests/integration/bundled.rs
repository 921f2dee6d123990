//! The bundled showcase site at the repository root.

use std::path::Path;

use plansite::pipeline::{BuildOptions, build_in_memory};

fn bundled_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundled_site_builds_without_warnings_and_all_links_resolve() {
    let (files, warnings) = build_in_memory(bundled_root(), &BuildOptions::default()).unwrap();
    assert!(
        warnings.is_empty(),
        "{:?}",
        warnings.iter().map(|d| d.render(false)).collect::<Vec<_>>()
    );
    let broken = plansite::check::check_links(&files, "/");
    assert!(
        broken.is_empty(),
        "{:?}",
        broken.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
    );
    assert!(files.contains_key("zh/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html"));
    assert!(files.contains_key("en/plans/ganjiang-2021-2023/optoelectronics-revenue/index.html"));
}
