//! `metric-without-target`: a success metric that says what is measured but not what counts
//! as success.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A metric without `target:`.
    ///
    /// ## Why it matters
    ///
    /// A number without a target cannot fail: nobody can tell whether 78 % satisfied
    /// customers is a success or a reason to change the plan, and the staff handbook
    /// cannot tell agents what they are working towards.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// metrics:
    ///   - id: csat
    ///     source: csat-survey      # satisfied customers: how many should there be?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add the target you commit to: a service level such as `80% in 20s` for a channel,
    /// or a comparison such as `">= 90%"` or `"<= 2%"` for a survey or analysis result.
    pub static METRIC_WITHOUT_TARGET = "F002", "metric-without-target", Feedback, Warning,
        "a metric has no target";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for metric in cx.plan.metrics.iter().filter(|m| !m.target_given) {
        // A channel's metric is usually a service level; a feedback result a share.
        let example = if metric.channel.is_some() && metric.source.is_none() {
            "`target: 80% in 20s`"
        } else {
            "`target: \">= 90%\"`"
        };
        let mut diagnostic = Diagnostic::new(
            &METRIC_WITHOUT_TARGET,
            &metric.id.loc,
            format!("metric `{}` has no target", metric.id.value),
        )
        .help(format!("add the value that counts as success, e.g. {example}"))
        .data("metric", metric.id.value.clone());
        if let Some(source) = &metric.source {
            diagnostic = diagnostic
                .related(&source.loc, "measured from this feedback source")
                .data("source", source.value.clone());
        }
        if let Some(channel) = &metric.channel {
            diagnostic = diagnostic
                .related(&channel.loc, "measured on this channel")
                .data("channel", channel.value.clone());
        }
        out.push(diagnostic);
    }
}
