//! `metric-unmeasured`: a metric that nothing in the plan measures.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A metric with neither `source:` (the feedback source whose results it counts) nor
    /// `channel:` (the channel whose service it measures).
    ///
    /// A `source` or `channel` that names nothing is reported by `unknown-reference`, not
    /// here.
    ///
    /// ## Why it matters
    ///
    /// A target nobody measures is a wish. When the plan does not say where a number comes
    /// from, each review measures it differently, or not at all, and the metric cannot show
    /// whether the plan works.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// metrics:
    ///   - id: csat
    ///     target: ">= 90%"         # from which survey?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Name what measures it: `source: csat-survey` (an id from `feedback:`) for survey,
    /// review or complaint-analysis results, or `channel: phone` for a channel's service
    /// level. If nothing collects the data yet, add the feedback source first.
    pub static METRIC_UNMEASURED = "F003", "metric-unmeasured", Feedback, Warning,
        "nothing measures a metric";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    for metric in plan
        .metrics
        .iter()
        .filter(|m| m.source.is_none() && m.channel.is_none())
    {
        let help = match plan.feedback.first() {
            Some(feedback) => format!(
                "name what measures it, e.g. `source: {}` (a feedback source) or `channel: <channel id>` \
                 (a channel's service level)",
                feedback.id.value
            ),
            None => "add the feedback source that collects the data under `feedback:` and name it in \
                     `source:`, or name the channel whose service level it is in `channel:`"
                .to_owned(),
        };
        let mut diagnostic = Diagnostic::new(
            &METRIC_UNMEASURED,
            &metric.id.loc,
            format!(
                "metric `{}` is measured by nothing: it has neither a feedback `source` nor a `channel`",
                metric.id.value
            ),
        )
        .help(help)
        .data("metric", metric.id.value.clone());
        if let Some(target) = &metric.target {
            diagnostic = diagnostic.related(&target.loc, "a target nobody can check");
        }
        out.push(diagnostic);
    }
}
