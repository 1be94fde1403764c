//! The plan's sections: which keys each one has, which are required, and how each value
//! is read. One function per section or entity.

use super::bounds;
use super::node::{Node, Value};
use super::problem::{Problem, ProblemKind};
use super::reader::{Fields, Reader};
use crate::model::*;
use crate::schema::keys;

/// Read a whole plan. Returns `None` when the root is not a map or the version is not 1:
/// then nothing else can be read meaningfully.
pub fn read(r: &mut Reader<'_>, root: &Node) -> Option<Plan> {
    let path = PlanPath::root();
    let empty_map = matches!(&root.value, Value::Map(entries) if entries.is_empty());
    if matches!(root.value, Value::Null) || empty_map {
        // Point at the start of the file: an empty document has no better place.
        r.schema(
            crate::source::Span::new(0, 0),
            &path,
            "the plan file is empty".to_owned(),
            "start with `version: 1` and a `plan:` section; the files in `examples/` are small complete plans",
        );
        return None;
    }
    let f = r.fields(
        root,
        &path,
        keys::<Plan>(),
        "version: 1\nplan: { name: …, timezone: Europe/Berlin }",
    )?;
    let version = match f.get("version") {
        None => {
            r.missing(&f, "version", "`version: 1` at the top of the file");
            None
        }
        Some(node) => match node.value {
            Value::Integer(1) => Some(Located::new(1, r.loc(node.span, &f.path("version")))),
            Value::Integer(v) => {
                let loc = r.loc(node.span, &f.path("version"));
                r.problems.push(
                    Problem::new(
                        ProblemKind::UnsupportedVersion,
                        &loc,
                        format!("plan format version {v} is not supported; this release reads version 1"),
                    )
                    .help("write `version: 1`, or use a release of `plan` that reads the newer format"),
                );
                return None;
            }
            _ => {
                r.wrong_type(node, &f.path("version"), "the number 1", "version: 1");
                None
            }
        },
    };
    let root_loc = r.loc(crate::source::Span::point(root.span.start), &path);
    let mut plan = Plan {
        file: r.file_id,
        version,
        root: root_loc.clone(),
        ..Plan::default()
    };
    plan.sections = f
        .entries()
        .iter()
        .map(|(k, _)| (k.name.clone(), r.loc(k.span, &path.key(&k.name))))
        .collect();

    match f.get("plan") {
        Some(node) => plan.meta = meta(r, node, &f.path("plan"), f.key("plan").map(|k| k.span)),
        None => {
            r.missing(&f, "plan", "`plan: { name: …, timezone: Europe/Berlin }`");
            plan.meta.loc = root_loc;
        }
    }
    plan.contacts = entities(r, &f, "contacts", contact);
    plan.teams = entities(r, &f, "teams", team);
    plan.channels = entities(r, &f, "channels", channel);
    plan.profiles = entities(r, &f, "profiles", profile);
    plan.escalation = entities(r, &f, "escalation", escalation);
    plan.complaints = entities(r, &f, "complaints", complaint);
    plan.authority = f
        .get("authority")
        .map(|n| authority(r, n, &f.path("authority")))
        .unwrap_or_default();
    plan.after_sales = f
        .get("after-sales")
        .and_then(|n| after_sales(r, n, &f.path("after-sales")));
    plan.training = entities(r, &f, "training", training);
    plan.self_help = f
        .get("self-help")
        .map(|n| self_help(r, n, &f.path("self-help")))
        .unwrap_or_default();
    plan.feedback = entities(r, &f, "feedback", feedback);
    plan.metrics = entities(r, &f, "metrics", metric);
    plan.staffing = entities(r, &f, "staffing", staffing);
    plan.checks = f
        .get("checks")
        .map(|n| checks(r, n, &f.path("checks")))
        .unwrap_or_default();
    Some(plan)
}

/// Read a list section whose items are entities.
fn entities<T>(
    r: &mut Reader<'_>,
    f: &Fields<'_>,
    key: &str,
    read: fn(&mut Reader<'_>, &Node, &PlanPath) -> Option<T>,
) -> Vec<T> {
    let Some(node) = f.get(key) else { return Vec::new() };
    r.list(node, &f.path(key), "a list of `- id: …` entries")
        .into_iter()
        .filter_map(|(n, p)| read(r, n, &p))
        .collect()
}

/// The required `id` of an entity.
fn required_id(r: &mut Reader<'_>, f: &Fields<'_>, example: &str) -> Option<Id> {
    match f.get("id") {
        Some(n) => r.id(n, &f.path("id")),
        None => {
            r.missing(f, "id", example);
            None
        }
    }
}

macro_rules! opt {
    ($r:expr, $f:expr, $key:literal, $method:ident) => {
        $f.get($key).and_then(|n| $r.$method(n, &$f.path($key)))
    };
}

fn meta(r: &mut Reader<'_>, node: &Node, path: &PlanPath, key_span: Option<crate::source::Span>) -> PlanMeta {
    let loc = r.loc(key_span.unwrap_or(node.span), path);
    let Some(f) = r.fields(node, path, keys::<PlanMeta>(), "{ name: …, timezone: Europe/Berlin }") else {
        return PlanMeta {
            loc,
            ..PlanMeta::default()
        };
    };
    let review = f.get("review").and_then(|n| {
        let p = f.path("review");
        let rf = r.fields(n, &p, keys::<Review>(), "{ last: 2026-06-15, every: 6 months }")?;
        Some(Review {
            loc: r.loc(n.span, &p),
            last: opt!(r, rf, "last", date),
            every: rf
                .get("every")
                .and_then(|n| r.bounded_duration(n, &rf.path("every"), &bounds::REVIEW_EVERY)),
            last_given: rf.get("last").is_some(),
            every_given: rf.get("every").is_some(),
        })
    });
    PlanMeta {
        loc,
        name: opt!(r, f, "name", text),
        company: opt!(r, f, "company", text),
        owner: opt!(r, f, "owner", reference),
        timezone: opt!(r, f, "timezone", timezone),
        holidays: opt!(r, f, "holidays", holidays),
        currency: opt!(r, f, "currency", currency),
        languages: f
            .get("languages")
            .map(|n| r.languages(n, &f.path("languages")))
            .unwrap_or_default(),
        review,
        horizon: f
            .get("horizon")
            .and_then(|n| r.bounded_duration(n, &f.path("horizon"), &bounds::HORIZON)),
    }
}

fn contact(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Contact> {
    let f = r.fields(
        node,
        path,
        keys::<Contact>(),
        "{ id: anna-weber, name: Anna Weber, phone: \"+49 30 5550 1990\" }",
    )?;
    let id = required_id(r, &f, "`id: anna-weber`");
    let contact = Contact {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        role: opt!(r, f, "role", text),
        phone: opt!(r, f, "phone", string),
        email: opt!(r, f, "email", email),
        hours: opt!(r, f, "hours", schedule),
        timezone: opt!(r, f, "timezone", timezone),
        holidays: opt!(r, f, "holidays", holidays),
        languages: f
            .get("languages")
            .map(|n| r.languages(n, &f.path("languages")))
            .unwrap_or_default(),
    };
    Some(contact)
}

fn team(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Team> {
    let f = r.fields(
        node,
        path,
        keys::<Team>(),
        "{ id: first-line, hours: { mon-fri: 08:00-18:00 }, agents: 4 }",
    )?;
    let id = required_id(r, &f, "`id: first-line`");
    let shifts = match (f.get("shifts"), f.get("hours"), f.get("agents")) {
        (Some(n), hours, agents) => {
            for (key, present) in [("hours", hours), ("agents", agents)] {
                if let (Some(k), Some(_)) = (f.key(key), present) {
                    r.schema(
                        k.span,
                        &f.path(key),
                        format!("a team has either `shifts:` or `{key}:`, not both"),
                        "move these hours and agents into a shift under `shifts:`",
                    );
                }
            }
            r.list(n, &f.path("shifts"), "- { hours: { mon-fri: 08:00-14:00 }, agents: 6 }")
                .into_iter()
                .filter_map(|(n, p)| shift(r, n, &p))
                .collect()
        }
        (None, Some(hours), Some(agents)) => {
            let hours = r.schedule(hours, &f.path("hours"));
            let agents = r.bounded_count(agents, &f.path("agents"), &bounds::AGENTS);
            match (hours, agents) {
                (Some(hours), Some(agents)) => vec![Shift {
                    loc: r.loc(node.span, path),
                    name: None,
                    hours,
                    agents,
                }],
                _ => Vec::new(),
            }
        }
        (None, None, None) => {
            r.missing(
                &f,
                "shifts",
                "`shifts:` with hours and agents, or `hours:` and `agents:` for a single shift",
            );
            Vec::new()
        }
        (None, hours, _) => {
            let missing = if hours.is_none() { "hours" } else { "agents" };
            r.missing(
                &f,
                missing,
                if missing == "hours" {
                    "`hours: { mon-fri: 08:00-18:00 }`"
                } else {
                    "`agents: 4`"
                },
            );
            Vec::new()
        }
    };
    Some(Team {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        description: opt!(r, f, "description", text),
        lead: opt!(r, f, "lead", reference),
        languages: f
            .get("languages")
            .map(|n| r.languages(n, &f.path("languages")))
            .unwrap_or_default(),
        skills: f
            .get("skills")
            .map(|n| r.words(n, &f.path("skills")))
            .unwrap_or_default(),
        timezone: opt!(r, f, "timezone", timezone),
        holidays: opt!(r, f, "holidays", holidays),
        shifts,
    })
}

fn shift(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Shift> {
    let f = r.fields(
        node,
        path,
        keys::<Shift>(),
        "{ hours: { mon-fri: 08:00-14:00 }, agents: 6 }",
    )?;
    if !f.has("hours") {
        r.missing(&f, "hours", "`hours: { mon-fri: 08:00-14:00 }`");
    }
    if !f.has("agents") {
        r.missing(&f, "agents", "`agents: 6`");
    }
    let name = opt!(r, f, "name", text);
    let hours = opt!(r, f, "hours", schedule);
    let agents = f
        .get("agents")
        .and_then(|n| r.bounded_count(n, &f.path("agents"), &bounds::AGENTS));
    Some(Shift {
        loc: r.loc(node.span, path),
        name,
        hours: hours?,
        agents: agents?,
    })
}

/// A word from a fixed set, reported as a schema error with the accepted words.
fn one_of<T: Copy>(
    r: &mut Reader<'_>,
    node: &Node,
    path: &PlanPath,
    what: &str,
    words: &[(&'static str, T)],
) -> Option<Located<T>> {
    let text = r.string(node, path)?;
    if let Some((_, v)) = words.iter().find(|(w, _)| *w == text.value.as_str()) {
        return Some(Located::new(*v, text.loc));
    }
    let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
    let hint = crate::suggest::did_you_mean(&text.value, names.iter().copied());
    r.schema(
        node.span,
        path,
        format!("`{}` is not a {what}{hint}", text.value),
        format!("use one of: {}", names.join(", ")),
    );
    None
}

fn channel(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Channel> {
    let f = r.fields(
        node,
        path,
        keys::<Channel>(),
        "{ id: phone, kind: phone, team: first-line, response: 2m }",
    )?;
    let id = required_id(r, &f, "`id: phone`");
    let kind = match f.get("kind") {
        Some(n) => one_of(r, n, &f.path("kind"), "channel kind", &ChannelKind::ALL),
        None => {
            r.missing(
                &f,
                "kind",
                "`kind: phone` (phone, chat, video, in-person, email, web-form, social or letter)",
            );
            None
        }
    };
    Some(Channel {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        description: opt!(r, f, "description", text),
        address: f
            .get("address")
            .and_then(|n| r.channel_address(n, &f.path("address"), kind.as_ref().map(|k| k.value))),
        toll_free: f.get("toll-free").and_then(|n| r.toll_free(n, &f.path("toll-free"))),
        addresses: f
            .get("addresses")
            .map(|n| r.country_addresses(n, &f.path("addresses"), kind.as_ref().map(|k| k.value)))
            .unwrap_or_default(),
        team: opt!(r, f, "team", reference),
        hours: opt!(r, f, "hours", schedule),
        response: f
            .get("response")
            .and_then(|n| r.bounded_duration(n, &f.path("response"), &bounds::RESPONSE)),
        timezone: opt!(r, f, "timezone", timezone),
        holidays: opt!(r, f, "holidays", holidays),
        kind: kind?,
    })
}

fn profile(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Profile> {
    let f = r.fields(
        node,
        path,
        keys::<Profile>(),
        "{ id: home-owners, timezone: Europe/Berlin, languages: [de] }",
    )?;
    let id = required_id(r, &f, "`id: home-owners`");
    let expects = f.get("expects").and_then(|n| {
        let p = f.path("expects");
        let ef = r.fields(
            n,
            &p,
            keys::<Expectation>(),
            "{ hours: { mon-sat: 08:00-20:00 }, live: true, response: 1 day }",
        )?;
        Some(Expectation {
            loc: r.loc(n.span, &p),
            hours: opt!(r, ef, "hours", schedule),
            live: opt!(r, ef, "live", boolean),
            response: ef
                .get("response")
                .and_then(|n| r.bounded_duration(n, &ef.path("response"), &bounds::EXPECTED_RESPONSE)),
        })
    });
    let intended_gaps = f
        .get("intended-gaps")
        .map(|n| {
            r.list(
                n,
                &f.path("intended-gaps"),
                "- { hours: { sat: 16:00-20:00 }, reason: … }",
            )
            .into_iter()
            .filter_map(|(n, p)| {
                let gf = r.fields(
                    n,
                    &p,
                    keys::<IntendedGap>(),
                    "{ hours: { sat: 16:00-20:00 }, reason: … }",
                )?;
                if !gf.has("hours") {
                    r.missing(&gf, "hours", "`hours: { sat: 16:00-20:00 }`");
                }
                if !gf.has("reason") {
                    r.missing(&gf, "reason", "`reason: Saturday evenings are covered by email only`");
                }
                let hours = opt!(r, gf, "hours", schedule);
                let reason = opt!(r, gf, "reason", text);
                Some(IntendedGap {
                    loc: r.loc(n.span, &p),
                    hours: hours?,
                    reason: reason?,
                })
            })
            .collect()
        })
        .unwrap_or_default();
    Some(Profile {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        description: opt!(r, f, "description", text),
        countries: f
            .get("countries")
            .map(|n| r.countries(n, &f.path("countries")))
            .unwrap_or_default(),
        timezone: opt!(r, f, "timezone", timezone),
        holidays: opt!(r, f, "holidays", holidays),
        languages: f
            .get("languages")
            .map(|n| r.languages(n, &f.path("languages")))
            .unwrap_or_default(),
        age: opt!(r, f, "age", age),
        gender: opt!(r, f, "gender", text),
        education: opt!(r, f, "education", text),
        needs: f.get("needs").map(|n| r.words(n, &f.path("needs"))).unwrap_or_default(),
        channels: f.get("channels").map(|n| r.references(n, &f.path("channels"))),
        expects,
        intended_gaps,
    })
}

fn escalation(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<EscalationPath> {
    let f = r.fields(
        node,
        path,
        keys::<EscalationPath>(),
        "{ id: standard, channels: [phone], steps: [{ team: first-line }] }",
    )?;
    let id = required_id(r, &f, "`id: standard`");
    if !f.has("steps") {
        r.missing(
            &f,
            "steps",
            "`steps: [{ team: first-line }, { contact: anna-weber, after: 4h }]`",
        );
    }
    let steps = f
        .get("steps")
        .map(|n| {
            r.list(n, &f.path("steps"), "- { team: first-line }")
                .into_iter()
                .filter_map(|(n, p)| step(r, n, &p))
                .collect()
        })
        .unwrap_or_default();
    Some(EscalationPath {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        description: opt!(r, f, "description", text),
        channels: f
            .get("channels")
            .map(|n| r.references(n, &f.path("channels")))
            .unwrap_or_default(),
        steps,
    })
}

fn step(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<EscalationStep> {
    let f = r.fields(
        node,
        path,
        keys::<EscalationStep>(),
        "{ team: technicians, after: 30m }",
    )?;
    let target = match (f.get("team"), f.get("contact")) {
        (Some(t), None) => r.reference(t, &f.path("team")).map(StepTarget::Team),
        (None, Some(c)) => r.reference(c, &f.path("contact")).map(StepTarget::Contact),
        (Some(_), Some(_)) => {
            let span = f.key("contact").map_or(node.span, |k| k.span);
            r.schema(
                span,
                &f.path("contact"),
                "an escalation step reaches either a `team:` or a `contact:`, not both".to_owned(),
                "split it into two steps",
            );
            None
        }
        (None, None) => {
            r.missing(&f, "team", "`team: first-line` or `contact: anna-weber`");
            None
        }
    };
    let after = f
        .get("after")
        .and_then(|n| r.bounded_duration(n, &f.path("after"), &bounds::ESCALATION_AFTER));
    Some(EscalationStep {
        loc: r.loc(node.span, path),
        target: target?,
        after,
    })
}

fn complaint(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Complaint> {
    let f = r.fields(
        node,
        path,
        keys::<Complaint>(),
        "{ id: late-delivery, escalation: standard, remedies: [...] }",
    )?;
    let id = required_id(r, &f, "`id: late-delivery`");
    let remedies = f
        .get("remedies")
        .map(|n| {
            r.list(
                n,
                &f.path("remedies"),
                "- { kind: coupon, value: 10%, approver: first-line }",
            )
            .into_iter()
            .filter_map(|(n, p)| remedy(r, n, &p))
            .collect()
        })
        .unwrap_or_default();
    Some(Complaint {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        description: opt!(r, f, "description", text),
        escalation: opt!(r, f, "escalation", reference),
        resolve_within: f
            .get("resolve-within")
            .and_then(|n| r.bounded_duration(n, &f.path("resolve-within"), &bounds::RESOLVE_WITHIN)),
        order_value_cap: opt!(r, f, "order-value-cap", bounded_amount),
        remedies,
    })
}

fn remedy(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Remedy> {
    let f = r.fields(
        node,
        path,
        keys::<Remedy>(),
        "{ kind: coupon, value: 10%, approver: first-line }",
    )?;
    let kind = match f.get("kind") {
        Some(n) => one_of(r, n, &f.path("kind"), "remedy kind", &RemedyKind::ALL),
        None => {
            r.missing(
                &f,
                "kind",
                "`kind: coupon` (apology, credit, coupon, free-product, replacement, repair or refund)",
            );
            None
        }
    };
    Some(Remedy {
        loc: r.loc(node.span, path),
        value: opt!(r, f, "value", bounded_amount),
        approver: opt!(r, f, "approver", reference),
        description: opt!(r, f, "description", text),
        kind: kind?,
    })
}

fn authority(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Vec<AuthorityEntry> {
    let Value::Map(entries) = &node.value else {
        r.wrong_type(
            node,
            path,
            "a map of team or contact ids to amounts",
            "{ first-line: 50 EUR, anna-weber: unlimited }",
        );
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|(key, value)| {
            let p = path.key(&key.name);
            let limit = r.bounded_amount(value, &p)?;
            Some(AuthorityEntry {
                who: Located::new(key.name.clone(), r.loc(key.span, &p)),
                limit,
            })
        })
        .collect()
}

fn after_sales(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<AfterSales> {
    let f = r.fields(node, path, keys::<AfterSales>(), "{ warranty: 24 months }")?;
    let installation = f.get("installation").and_then(|n| {
        let p = f.path("installation");
        let inf = r.fields(n, &p, keys::<Installation>(), "{ offered: true, price: 0 EUR }")?;
        let offered = match inf.get("offered") {
            Some(o) => r.boolean(o, &inf.path("offered")),
            None => {
                r.missing(&inf, "offered", "`offered: true`");
                None
            }
        };
        Some(Installation {
            loc: r.loc(n.span, &p),
            offered: offered?,
            price: opt!(r, inf, "price", bounded_amount),
            condition: opt!(r, inf, "condition", text),
        })
    });
    let returns = f.get("returns").and_then(|n| {
        let p = f.path("returns");
        let rf = r.fields(n, &p, keys::<Returns>(), "{ within: 30 days }")?;
        Some(Returns {
            loc: r.loc(n.span, &p),
            within: rf
                .get("within")
                .and_then(|n| r.bounded_duration(n, &rf.path("within"), &bounds::RETURNS)),
            condition: opt!(r, rf, "condition", text),
        })
    });
    Some(AfterSales {
        loc: r.loc(node.span, path),
        warranty: f
            .get("warranty")
            .and_then(|n| r.bounded_duration(n, &f.path("warranty"), &bounds::WARRANTY)),
        installation,
        technical_support: f
            .get("technical-support")
            .map(|n| r.references(n, &f.path("technical-support")))
            .unwrap_or_default(),
        returns,
    })
}

fn training(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Training> {
    let f = r.fields(
        node,
        path,
        keys::<Training>(),
        "{ id: complaint-handling, topics: [de-escalation], for: [first-line], every: 12 months }",
    )?;
    let id = required_id(r, &f, "`id: complaint-handling`");
    Some(Training {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        topics: f
            .get("topics")
            .map(|n| r.words(n, &f.path("topics")))
            .unwrap_or_default(),
        teams: f
            .get("for")
            .map(|n| r.references(n, &f.path("for")))
            .unwrap_or_default(),
        every: f
            .get("every")
            .and_then(|n| r.bounded_duration(n, &f.path("every"), &bounds::TRAINING_EVERY)),
        last: opt!(r, f, "last", date),
    })
}

fn self_help(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> SelfHelp {
    let Some(f) = r.fields(node, path, keys::<SelfHelp>(), "{ faq: [...], guides: [...] }") else {
        return SelfHelp::default();
    };
    let faq = f
        .get("faq")
        .map(|n| {
            r.list(n, &f.path("faq"), "- { question: …, answer: … }")
                .into_iter()
                .filter_map(|(n, p)| {
                    let qf = r.fields(n, &p, keys::<FaqEntry>(), "{ question: …, answer: … }")?;
                    for key in ["question", "answer"] {
                        if !qf.has(key) {
                            r.missing(&qf, key, "`question: …` and `answer: …`");
                        }
                    }
                    let question = opt!(r, qf, "question", text);
                    let answer = opt!(r, qf, "answer", text);
                    Some(FaqEntry {
                        loc: r.loc(n.span, &p),
                        question: question?,
                        answer: answer?,
                        channels: qf.get("channels").map(|n| r.references(n, &qf.path("channels"))),
                        profiles: qf.get("profiles").map(|n| r.references(n, &qf.path("profiles"))),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let guides = f
        .get("guides")
        .map(|n| {
            r.list(n, &f.path("guides"), "- { id: reset, title: …, steps: [...] }")
                .into_iter()
                .filter_map(|(n, p)| {
                    let gf = r.fields(n, &p, keys::<Guide>(), "{ id: reset, title: …, steps: [...] }")?;
                    let id = required_id(r, &gf, "`id: reset-error-light`");
                    if !gf.has("title") {
                        r.missing(&gf, "title", "`title: …`");
                    }
                    let title = opt!(r, gf, "title", text);
                    let steps = gf
                        .get("steps")
                        .map(|s| {
                            r.list(s, &gf.path("steps"), "[…, …]")
                                .into_iter()
                                .filter_map(|(n, p)| r.text(n, &p))
                                .collect()
                        })
                        .unwrap_or_default();
                    Some(Guide {
                        id: id?,
                        loc: r.loc(n.span, &p),
                        title: title?,
                        steps,
                        url: opt!(r, gf, "url", web_url),
                        channels: gf.get("channels").map(|n| r.references(n, &gf.path("channels"))),
                        profiles: gf.get("profiles").map(|n| r.references(n, &gf.path("profiles"))),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    SelfHelp {
        loc: Some(r.loc(node.span, path)),
        faq,
        guides,
    }
}

fn feedback(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Feedback> {
    let f = r.fields(
        node,
        path,
        keys::<Feedback>(),
        "{ id: csat-survey, kind: survey, via: email }",
    )?;
    let id = required_id(r, &f, "`id: csat-survey`");
    let kind = match f.get("kind") {
        Some(n) => one_of(r, n, &f.path("kind"), "feedback kind", &FeedbackKind::ALL),
        None => {
            r.missing(
                &f,
                "kind",
                "`kind: survey` (survey, review, interview, social-listening or complaint-analysis)",
            );
            None
        }
    };
    Some(Feedback {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        via: opt!(r, f, "via", reference),
        when: opt!(r, f, "when", text),
        kind: kind?,
    })
}

fn metric(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Metric> {
    let f = r.fields(
        node,
        path,
        keys::<Metric>(),
        "{ id: csat, target: \">= 90%\", source: csat-survey }",
    )?;
    let id = required_id(r, &f, "`id: csat`");
    Some(Metric {
        id: id?,
        loc: r.loc(node.span, path),
        name: opt!(r, f, "name", text),
        target: opt!(r, f, "target", bounded_target),
        target_given: f.get("target").is_some(),
        source: opt!(r, f, "source", reference),
        channel: opt!(r, f, "channel", reference),
    })
}

fn staffing(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<StaffingForecast> {
    let f = r.fields(
        node,
        path,
        keys::<StaffingForecast>(),
        "{ channel: phone, handle-time: 6m, target: 80% in 20s, volume: [...] }",
    )?;
    let channel = match f.get("channel") {
        Some(n) => r.reference(n, &f.path("channel")),
        None => {
            r.missing(&f, "channel", "`channel: phone`");
            None
        }
    };
    let volume = f
        .get("volume")
        .map(|n| {
            r.list(
                n,
                &f.path("volume"),
                "- { hours: { mon-fri: 08:00-12:00 }, per-hour: 120 }",
            )
            .into_iter()
            .filter_map(|(n, p)| {
                let vf = r.fields(
                    n,
                    &p,
                    keys::<VolumeEntry>(),
                    "{ hours: { mon-fri: 08:00-12:00 }, per-hour: 120 }",
                )?;
                for key in ["hours", "per-hour"] {
                    if !vf.has(key) {
                        r.missing(&vf, key, "`hours: { mon-fri: 08:00-12:00 }` and `per-hour: 120`");
                    }
                }
                let hours = opt!(r, vf, "hours", schedule);
                let per_hour = vf
                    .get("per-hour")
                    .and_then(|n| r.bounded_number(n, &vf.path("per-hour"), &bounds::PER_HOUR));
                Some(VolumeEntry {
                    loc: r.loc(n.span, &p),
                    hours: hours?,
                    per_hour: per_hour?,
                })
            })
            .collect()
        })
        .unwrap_or_default();
    Some(StaffingForecast {
        loc: r.loc(node.span, path),
        handle_time: f
            .get("handle-time")
            .and_then(|n| r.bounded_duration(n, &f.path("handle-time"), &bounds::HANDLE_TIME)),
        target: opt!(r, f, "target", bounded_target),
        shrinkage: f
            .get("shrinkage")
            .and_then(|n| percent(r, n, &f.path("shrinkage"), 0.0, 99.0)),
        max_occupancy: f
            .get("max-occupancy")
            .and_then(|n| percent(r, n, &f.path("max-occupancy"), 1.0, 100.0)),
        concurrency: f
            .get("concurrency")
            .and_then(|n| r.bounded_count(n, &f.path("concurrency"), &bounds::CONCURRENCY)),
        volume,
        channel: channel?,
    })
}

/// A percentage (`30%`) in a range, as a number of percent.
fn percent(r: &mut Reader<'_>, node: &Node, path: &PlanPath, min: f64, max: f64) -> Option<Located<f64>> {
    let amount = r.amount(node, path)?;
    match amount.value {
        values::Amount::Percent(p) if (min..=max).contains(&p) => Some(Located::new(p, amount.loc)),
        _ => {
            r.report(
                ProblemKind::InvalidAmount,
                node.span,
                path,
                format!(
                    "`{}` should be a percentage from {min}% to {max}%",
                    node.scalar_text().unwrap_or_default()
                ),
                "write a percentage such as `30%`".to_owned(),
            );
            None
        }
    }
}

fn checks(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> ChecksConfig {
    let Some(f) = r.fields(node, path, keys::<ChecksConfig>(), "{ allow: [unused-definition] }") else {
        return ChecksConfig::default();
    };
    let ignore = match f.get("ignore") {
        Some(n) => r
            .list(
                n,
                &f.path("ignore"),
                "[{ rule: holiday-mismatch, path: profiles[austria], reason: …, until: 2027-03-31 }]",
            )
            .into_iter()
            .filter_map(|(n, p)| suppression(r, n, &p))
            .collect(),
        None => Vec::new(),
    };
    ChecksConfig {
        allow: f.get("allow").map(|n| r.words(n, &f.path("allow"))).unwrap_or_default(),
        warn: f.get("warn").map(|n| r.words(n, &f.path("warn"))).unwrap_or_default(),
        deny: f.get("deny").map(|n| r.words(n, &f.path("deny"))).unwrap_or_default(),
        ignore,
    }
}

fn suppression(r: &mut Reader<'_>, node: &Node, path: &PlanPath) -> Option<Suppression> {
    let example =
        "{ rule: holiday-mismatch, path: profiles[austria], reason: Agreed with the works council, until: 2027-03-31 }";
    let f = r.fields(node, path, keys::<Suppression>(), example)?;
    let loc = r.loc(node.span, path);
    let rule = match f.get("rule") {
        Some(n) => r.string(n, &f.path("rule")),
        None => {
            r.missing(&f, "rule", "`rule: holiday-mismatch`");
            None
        }
    };
    let reason = match f.get("reason") {
        Some(n) => r.text(n, &f.path("reason")),
        None => {
            r.missing(
                &f,
                "reason",
                "`reason: …`: why the finding is accepted, for the next reader",
            );
            None
        }
    };
    let selector = f.get("path").and_then(|n| {
        let text = r.string(n, &f.path("path"))?;
        match parse_path_selector(&text.value) {
            Ok(segments) => Some(Located::new(segments, text.loc)),
            Err(message) => {
                r.schema(
                    n.span,
                    &f.path("path"),
                    message,
                    "write a path such as `channels[email].response` or `profiles[0]`",
                );
                None
            }
        }
    });
    let until = f.get("until").and_then(|n| r.date(n, &f.path("until")));
    Some(Suppression {
        loc,
        rule: rule?,
        path: selector,
        reason: reason?,
        until,
    })
}
