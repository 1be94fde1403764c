//! Every shipped sample plan and example loads and passes `plan check` with no errors.

use crate::support::{Run, json, root};

fn plan_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn there_are_four_samples_one_of_them_toml() {
    let files = plan_files("plans");
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files.iter().any(|f| f.extension().is_some_and(|e| e == "toml")));
}

#[test]
fn every_sample_plan_passes_without_errors() {
    for file in plan_files("plans").into_iter().chain(plan_files("examples")) {
        let out = Run::new()
            .cwd(&root())
            .args(["check", "--today", "2026-11-22", "--format", "json"])
            .arg_path(&file)
            .expect(0);
        let doc = json(&out);
        assert_eq!(doc["plans"][0]["errors"], 0, "{}: {}", file.display(), out.stdout);
    }
}
