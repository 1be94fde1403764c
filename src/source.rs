//! A loaded plan file: its display path, its text and a line index that turns byte offsets
//! into 1-based line and column numbers (columns count Unicode scalar values). Every output
//! format reads locations through this one type.

use std::path::{Path, PathBuf};

/// A byte range inside a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// A zero-width span at an offset.
    pub fn point(at: usize) -> Self {
        Self { start: at, end: at }
    }
}

/// One-based line and column of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// A file the tool read, kept whole so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
}

/// Whole lines cut from a file, for showing a snippet.
#[derive(Debug, Clone, Copy)]
pub struct Excerpt<'a> {
    pub text: &'a str,
    /// The 1-based line number of the first line.
    pub first_line: usize,
    /// Byte offset of `text` in the file.
    pub offset: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as shown to users, with `/` separators on every platform.
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Clamp an offset into the text and onto a character boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Line and column (both 1-based, columns in Unicode scalar values) of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        LineCol { line: line + 1, column }
    }

    /// The whole lines that hold every given span: their text, the 1-based number of the
    /// first one and the byte offset where they start. Snippets are cut from this so that
    /// showing a finding costs what its lines cost, not what the whole file costs.
    pub fn excerpt(&self, spans: impl IntoIterator<Item = Span>) -> Excerpt<'_> {
        let (mut lo, mut hi) = (usize::MAX, 0);
        for span in spans {
            lo = lo.min(self.clamp(span.start));
            hi = hi.max(self.clamp(span.end.max(span.start)));
        }
        if lo == usize::MAX {
            (lo, hi) = (0, 0);
        }
        let first = self.line_starts.partition_point(|&s| s <= lo) - 1;
        let start = self.line_starts[first];
        let end = self.text[hi..].find('\n').map_or(self.text.len(), |i| hi + i);
        Excerpt {
            text: &self.text[start..end],
            first_line: first + 1,
            offset: start,
        }
    }

    /// Byte offset of a 1-based line and column, clamped into the text.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let within = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        start + within
    }

    /// The text of a span, clamped to the file.
    pub fn slice(&self, span: Span) -> &str {
        let start = self.clamp(span.start);
        let end = self.clamp(span.end).max(start);
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("p.yaml", "a: 1\nnäme: x\n".to_string());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 1 });
        // `x` is after "näme: ", where ä is two bytes but one column.
        let x = f.text().find('x').unwrap();
        assert_eq!(f.line_col(x), LineCol { line: 2, column: 7 });
        assert_eq!(f.offset_of(2, 7), x);
        assert_eq!(f.line_col(999).line, 3);
    }
}
