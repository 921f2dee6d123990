//! Any bytes as any YAML file of a site: reading, parsing and locating errors must
//! never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plansite::content::raw::{RawChain, RawPlan, RawRecord, RawRegion, RawUnit};
use plansite::yaml::{SourceFile, YamlPath, locate};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = SourceFile::from_bytes(Path::new("plan.yaml"), data.to_vec()) else {
        return;
    };
    if let Err(d) = file.parse::<RawPlan>() {
        let _ = d.render(false);
    }
    let _ = file.parse::<RawRecord>();
    let _ = file.parse::<Vec<RawChain>>();
    let _ = file.parse::<Vec<RawRegion>>();
    let _ = file.parse::<Vec<RawUnit>>();
    let path = YamlPath::root().key("targets").index(0).key("value").key("tiers");
    let _ = locate(&file.text, &path);
});
