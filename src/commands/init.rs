//! `plan init`: write a commented starter plan that passes `plan check`.

use crate::ExitStatus;
use crate::cli::{Global, InitArgs, PlanFormat};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

const STARTER_YAML: &str = include_str!("starter/plan.yaml");
const STARTER_TOML: &str = include_str!("starter/plan.toml");

pub fn run(global: &Global, args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let from_extension = args
        .path
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let toml = match args.format {
        Some(PlanFormat::Toml) => true,
        Some(PlanFormat::Yaml) => false,
        None => from_extension.as_deref() == Some("toml"),
    };
    let path = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from(if toml { "plan.toml" } else { "plan.yaml" }));
    let today = super::today(global)?.to_string();
    let text = if toml { STARTER_TOML } else { STARTER_YAML }.replace("{today}", &today);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    // `create_new` refuses an existing file without a window for a race.
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            anyhow::bail!(
                "{} already exists; plan init does not overwrite files (choose another PATH)",
                path.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("creating {}", path.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    if !global.quiet {
        writeln!(
            out,
            "wrote {}; check it with `plan check {}`",
            path.display(),
            path.display()
        )?;
    }
    Ok(ExitStatus::Success)
}
