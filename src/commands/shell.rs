//! `plan completions SHELL` and `plan man`: generated from the command-line definition.

use crate::ExitStatus;
use crate::cli::{Cli, Global, ManArgs};
use anyhow::Context;
use clap::CommandFactory;
use std::io::Write;

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let mut command = Cli::command();
    // Write to a buffer first: the generator cannot report a closed pipe, the writer below can.
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "plan", &mut buffer);
    out.write_all(&buffer)?;
    Ok(ExitStatus::Success)
}

/// `plan man` prints the page for `plan`; `plan man --out DIR` writes it and a page for
/// every command into DIR.
pub fn man(global: &Global, args: &ManArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let Some(dir) = &args.out else {
        out.write_all(&single_page()?)?;
        return Ok(ExitStatus::Success);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    clap_mangen::generate_to(Cli::command(), dir).with_context(|| format!("writing man pages to {}", dir.display()))?;
    if !global.quiet {
        writeln!(out, "wrote the man pages of plan and its commands to {}", dir.display())?;
    }
    Ok(ExitStatus::Success)
}

/// The page for `plan` alone. clap_mangen's own list of subcommands names a page for each
/// (`plan-check(1)`), which a single page printed to standard output does not come with;
/// this one lists the commands by how they are typed and says where their options are.
fn single_page() -> anyhow::Result<Vec<u8>> {
    let command = Cli::command().disable_help_subcommand(true);
    let page = clap_mangen::Man::new(command.clone());
    // Write to a buffer first, as for completions: a closed pipe is reported by the caller.
    let mut buffer = Vec::new();
    page.render_title(&mut buffer)?;
    page.render_name_section(&mut buffer)?;
    page.render_synopsis_section(&mut buffer)?;
    page.render_description_section(&mut buffer)?;
    page.render_options_section(&mut buffer)?;
    writeln!(buffer, ".SH COMMANDS")?;
    for (name, about) in leaf_commands(&command, "plan") {
        writeln!(buffer, ".TP")?;
        writeln!(buffer, "\\fB{}\\fR", roff_text(&name))?;
        writeln!(buffer, "{}", roff_text(&about))?;
    }
    writeln!(buffer, ".SH SEE ALSO")?;
    writeln!(
        buffer,
        "{}",
        roff_text(
            "Each command's arguments and options: plan COMMAND --help. \
             plan man --out DIR writes this page and a page for each command into DIR."
        )
    )?;
    Ok(buffer)
}

/// Every command that runs something, as typed (`plan templates eject`), with its summary.
fn leaf_commands(command: &clap::Command, prefix: &str) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{prefix} {}", sub.get_name());
        if sub.has_subcommands() {
            all.extend(leaf_commands(sub, &name));
        } else {
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            all.push((name, about));
        }
    }
    all
}

/// Text for a roff line: backslashes and hyphens escaped, and a leading `.` or `'` kept
/// from reading as a request.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
