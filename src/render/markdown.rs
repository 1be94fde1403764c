//! Escaping for Markdown documents: every value a `.md` template prints is escaped here,
//! as HTML templates escape for HTML, so a plan text can never add a link, an image, raw
//! HTML, emphasis, a heading or a table cell to a published document.
//!
//! CommonMark lets any ASCII punctuation character be escaped with a backslash, and a
//! backslash-escaped character is always shown as itself. Escaping every punctuation mark
//! would make the Markdown files hard to read, so only the characters that can start or
//! end markup are escaped, wherever they stand, plus the few that start a heading or a list
//! at the beginning of a value (`# `, `- `, `+ `, `===`). Line breaks become spaces so that a
//! value never breaks out of its table row or list item.

/// Characters escaped wherever they stand: emphasis and strike-through (`* _ ~`), code
/// (`` ` ``), links and images (`[ ]`; `!` and `(` only start markup after `]`, which is
/// escaped), raw HTML and autolinks (`<`), table cells (`|`), math on GitHub (`$`), and the
/// backslash itself. An `_` between two letters or digits cannot start or end emphasis
/// (`Sao_Paulo`) and is left alone.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '~', '[', ']', '<', '|', '$'];

/// `text` escaped for Markdown inline content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let block = block_marker(text);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' => {
                if chars.peek().is_some_and(|(_, n)| *n == '\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' => out.push(' '),
            '&' if starts_entity(&text[i..]) => out.push_str("\\&"),
            '_' if intraword(text, i) => out.push('_'),
            c if ALWAYS.contains(&c) || block == Some(i) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether the `_` at byte `i` stands between two letters or digits.
fn intraword(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// The byte offset of the character that would make `text` start a block if it began a
/// line and could pass for a section of the document: `#` to `######` before a space (a
/// heading), `-` or `+` before a space (a list item), or a value made only of `=` or `-`
/// (a heading underline or a rule). Escaping that one character is enough. A leading
/// `>` (a quote) or `1.` (a numbered list) only changes the layout of the reader's own
/// text, and escaping them would put backslashes into dates (`24. Dezember`) and targets
/// (`>= 90%`) that are usually not at the start of a line at all.
fn block_marker(text: &str) -> Option<usize> {
    let ends_marker = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    let first = text.chars().next()?;
    match first {
        '#' => {
            let hashes = text.chars().take_while(|c| *c == '#').count();
            (hashes <= 6 && ends_marker(&text[hashes..])).then_some(0)
        }
        '-' | '+' if ends_marker(&text[1..]) => Some(0),
        '=' | '-' if text.trim_end().chars().all(|c| c == first) => Some(0),
        _ => None,
    }
}

/// Whether text starting with `&` would be read as a character reference (`&amp;`,
/// `&#60;`, `&#x3C;`), which would let a value write characters that escaping removed.
fn starts_entity(text: &str) -> bool {
    let body = &text[1..];
    let end = body.find(';');
    end.is_some_and(|end| {
        let name = &body[..end];
        !name.is_empty()
            && name.len() <= 32
            && (name.chars().all(|c| c.is_ascii_alphanumeric())
                || name
                    .strip_prefix('#')
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric())))
    })
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_plan_text_is_shown_as_text() {
        assert_eq!(escape("[x](javascript:alert(1))"), r"\[x\](javascript:alert(1))");
        assert_eq!(escape("<img src=x onerror=alert(1)>"), r"\<img src=x onerror=alert(1)>");
        assert_eq!(escape("**bold** _it_ `code`"), r"\*\*bold\*\* \_it\_ \`code\`");
        assert_eq!(
            escape("America/Sao_Paulo and __init__"),
            r"America/Sao_Paulo and \_\_init\_\_"
        );
        assert_eq!(escape("a > b"), "a > b");
        assert_eq!(escape("a | b"), r"a \| b");
        assert_eq!(escape("line one\nline two\r\nthree"), "line one line two three");
        assert_eq!(escape("&lt;script&gt;"), r"\&lt;script\&gt;");
        assert_eq!(escape("Fragen & Antworten"), "Fragen & Antworten");
    }

    #[test]
    fn block_markers_at_the_start_are_escaped() {
        assert_eq!(escape("# Heading"), r"\# Heading");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("+ item"), r"\+ item");
        assert_eq!(escape("==="), r"\===");
        assert_eq!(escape("24. Dezember 2026"), "24. Dezember 2026");
        assert_eq!(escape("+371 8000 5550"), "+371 8000 5550");
        assert_eq!(escape("#hashtag"), "#hashtag");
        assert_eq!(escape("-5 %"), "-5 %");
        assert_eq!(escape(" and "), " and ");
        assert_eq!(escape("E-mail 1. Stock"), "E-mail 1. Stock");
        assert_eq!(escape("C# und F#"), "C# und F#");
    }

    #[test]
    fn ordinary_text_in_every_language_is_unchanged() {
        for text in [
            "Service desk",
            "Kundenservice für Haushaltsgeräte",
            "Klientu apkalpošanas centrs",
            "Atendimento ao cliente",
            "ฝ่ายบริการลูกค้า",
            "Mo–Fr 08:00–20:00",
        ] {
            assert_eq!(escape(text), text);
        }
    }
}
