//! `plan render`: publish the staff handbook and the customer FAQs, or check that the
//! published files are current (`--check`), or show the template contexts
//! (`--dump-context`).

use crate::ExitStatus;
use crate::cli::{DocumentArg, Global, RenderArgs};
use crate::diagnostic::{Counts, Severity};
use crate::load;
use crate::model::FileId;
use crate::output::{Report, human};
use crate::render::{self, DocumentKind, Options, templates};
use std::io::Write;

pub fn run(global: &Global, args: &RenderArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let today = super::today(global);
    let overrides = match &args.templates {
        Some(dir) => templates::read_overrides(dir)?,
        None => templates::Overrides::default(),
    };
    let env = templates::environment(&overrides)?;
    let catalogues = render::catalogues(&overrides)?;

    let loaded = load::load_file(&args.plan, FileId(0))?;
    let mut found = super::check::findings(loaded.diagnostics, loaded.plan.as_ref(), today, &[]);
    crate::diagnostic::sort(&mut found);
    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let Some(plan) = loaded.plan.as_ref().filter(|_| errors.is_empty() || args.allow_errors) else {
        let sources = [loaded.source];
        let report = Report {
            sources: &sources,
            diagnostics: &errors,
        };
        for d in &errors {
            writeln!(out, "{}", human::render(&report, d, true))?;
        }
        writeln!(out, "{}", human::summary(Counts::of(&errors), 1))?;
        writeln!(
            out,
            "nothing rendered: fix the errors, or publish anyway with --allow-errors"
        )?;
        return Ok(ExitStatus::Failure);
    };

    let options = Options {
        today,
        only: args.only.map(|o| match o {
            DocumentArg::Handbook => DocumentKind::Handbook,
            DocumentArg::Faq => DocumentKind::Faq,
            DocumentArg::Index => DocumentKind::Index,
        }),
        languages: (!args.lang.is_empty()).then(|| args.lang.clone()),
    };
    let (docs, warnings) = render::documents(plan, &catalogues, &options);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if args.dump_context {
        let dump: serde_json::Map<String, serde_json::Value> =
            docs.iter().map(|d| (d.base.clone(), d.context.clone())).collect();
        serde_json::to_writer_pretty(&mut *out, &dump)?;
        writeln!(out)?;
        return Ok(ExitStatus::Success);
    }
    let files = render::render(&env, &docs)?;
    let out_dir = &args.out;
    if args.check {
        let staleness = render::output::check(out_dir, &files)?;
        if staleness.is_empty() {
            if !global.quiet {
                writeln!(out, "{} files in {} are current", files.len(), out_dir.display())?;
            }
            return Ok(ExitStatus::Success);
        }
        for (what, names) in [
            ("stale", &staleness.stale),
            ("missing", &staleness.missing),
            ("unexpected", &staleness.unexpected),
        ] {
            for name in names {
                writeln!(out, "{what}: {}", out_dir.join(name).display())?;
            }
        }
        writeln!(
            out,
            "the documents in {} are not current: run `plan render` to update them",
            out_dir.display()
        )?;
        return Ok(ExitStatus::Failure);
    }
    render::output::write(out_dir, &files)?;
    if !global.quiet {
        writeln!(out, "wrote {} files to {}", files.len(), out_dir.display())?;
    }
    Ok(ExitStatus::Success)
}

/// `plan templates eject DIR`.
pub fn eject(global: &Global, dir: &std::path::Path, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let written = templates::eject(dir)?;
    if !global.quiet {
        for path in &written {
            writeln!(out, "{}", path.display())?;
        }
        writeln!(
            out,
            "wrote {} files; render with `plan render PLAN --templates {}`",
            written.len(),
            dir.display()
        )?;
    }
    Ok(ExitStatus::Success)
}
