//! `language-gap`: live help is staffed, but not in the profile's language.

use super::{expects_loc, windows_finding};
use crate::coverage::{GapKind, unintended};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Times inside a profile's expected hours when a live channel offered to it is staffed,
    /// but only by teams that speak none of the profile's `languages`.
    ///
    /// ## Why it matters
    ///
    /// A Lithuanian customer who calls and reaches only Latvian and Russian speakers has not
    /// been served. Coverage that ignores language overstates what customers get.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - { id: riga, languages: [lv, ru], hours: { mon-fri: 08:00-20:00 }, agents: 5 }
    ///   - { id: vilnius, languages: [lt], hours: { mon-fri: 09:00-17:00 }, agents: 2 }
    /// profiles:
    ///   - id: lithuania
    ///     languages: [lt]
    ///     expects: { hours: { mon-fri: 08:00-20:00 }, live: true }   # 08:00-09:00 and 17:00-20:00: no Lithuanian
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Staff the hours with an agent who speaks the language (add the language to a team
    /// that has one, or extend that team's shifts), or narrow the profile's expected hours.
    pub static LANGUAGE_GAP = "C003", "language-gap", Coverage, Error,
        "live help is staffed, but not in the profile's language";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        let set = unintended(&times.gaps, GapKind::Language);
        if set.is_empty() {
            continue;
        }
        let languages: Vec<String> = profile.languages.iter().map(|l| format!("`{}`", l.value.0)).collect();
        let what = format!(
            "reaches live help only in other languages than {} on",
            languages.join(", ")
        );
        let mut d = windows_finding(
            &LANGUAGE_GAP,
            expects_loc(profile),
            profile,
            times.owner.tz,
            &set,
            &what,
        )
        .help("staff these hours with a team that speaks the profile's language, or narrow its expected hours");
        if let Some(first) = profile.languages.first() {
            d = d.related(&first.loc, "the profile's languages");
        }
        out.push(d);
    }
}
