//! Embeds the built-in document templates (`templates/`) into the binary; the catalogues in
//! `templates/i18n/` are included separately, as data rather than templates.

fn main() {
    minijinja_embed::embed_templates!("templates", &[".md", ".html", ".css"][..]);
}
