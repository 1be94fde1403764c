//! `plan render`: publish the staff handbook and the customer FAQs, or check that the
//! published files are current (`--check`), or show the template contexts
//! (`--dump-context`).

use crate::ExitStatus;
use crate::analysis;
use crate::cli::{DocumentArg, Global, RenderArgs};
use crate::diagnostic::Counts;
use crate::model::FileId;
use crate::model::values::LanguageTag;
use crate::output::{Report, human};
use crate::render::manifest::Entry;
use crate::render::output::{self, Publication};
use crate::render::{self, DocumentKind, Options, templates};
use std::io::Write;

pub fn run(global: &Global, args: &RenderArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let today = super::today(global)?;
    let overrides = match &args.templates {
        Some(dir) => templates::read_overrides(dir)?,
        None => templates::Overrides::default(),
    };
    let env = templates::environment(&overrides)?;
    let catalogues = render::catalogues(&overrides)?;

    let analysis = analysis::analyse_file(&args.plan, FileId(0), today, &[])?;
    let has_errors = analysis.has_errors();
    let Some(plan) = analysis.plan.as_ref().filter(|_| !has_errors || args.allow_errors) else {
        // Every finding and the summary exactly as `plan check` prints them, so that the
        // two commands never disagree about the same plan.
        let found = analysis.findings;
        let sources = [analysis.source];
        let report = Report {
            sources: &sources,
            diagnostics: &found,
        };
        for d in &found {
            writeln!(out, "{}", human::render(&report, d, true))?;
        }
        if !global.quiet {
            writeln!(out, "{}", human::summary(Counts::of(&found), 1))?;
        }
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
    check_languages(&args.lang, &render::languages(plan))?;
    // The timeline the checks evaluated covers the same days as the documents.
    let (docs, warnings) = match &analysis.timeline {
        Some(timeline) => render::documents_over(plan, timeline, &catalogues, &options),
        None => render::documents(plan, &catalogues, &options),
    };
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
    let entries = docs
        .iter()
        .flat_map(|d| {
            d.files().into_iter().map(|(name, _)| Entry {
                digest: files.get(&name).map(|text| render::manifest::digest(text.as_bytes())),
                name,
                kind: d.kind.as_str().to_owned(),
                lang: d.lang.clone(),
            })
        })
        .collect();
    let replaces = |e: &Entry| DocumentKind::from_name(&e.kind).is_some_and(|kind| options.selects(kind, &e.lang));
    let publication = Publication {
        files: &files,
        entries,
        replaces: &replaces,
    };
    let out_dir = &args.out;
    if args.check {
        let (expected, ignored) = output::expected(out_dir, &publication, options.is_partial());
        let staleness = output::check(out_dir, &expected, &ignored)?;
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
    let written = output::write(out_dir, &args.plan, &publication)?;
    for w in &written.warnings {
        eprintln!("warning: {w}");
    }
    if !global.quiet {
        if written.kept > 0 {
            writeln!(
                out,
                "wrote {} files to {}, kept {} other files of the previous render",
                files.len(),
                out_dir.display(),
                written.kept
            )?;
        } else {
            writeln!(out, "wrote {} files to {}", files.len(), out_dir.display())?;
        }
    }
    Ok(ExitStatus::Success)
}

/// `--lang` may name only languages the plan renders documents in (by tag or primary
/// language): an unknown one would select nothing, and a partial render of nothing is a
/// mistake worth saying so.
fn check_languages(requested: &[String], accepted: &[String]) -> anyhow::Result<()> {
    for lang in requested {
        let known = accepted.iter().any(|a| {
            let tag = LanguageTag(a.clone());
            lang.eq_ignore_ascii_case(a) || lang.eq_ignore_ascii_case(tag.primary())
        });
        anyhow::ensure!(
            known,
            "--lang {lang}: the plan has no documents in `{lang}`; its languages are {} \
             (the plan's and its profiles'); nothing was rendered",
            accepted.join(", ")
        );
    }
    Ok(())
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
