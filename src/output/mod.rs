//! Output formats for findings. Each reads the same [`Diagnostic`]s and [`SourceFile`]s;
//! none of them decides anything about the findings themselves.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostic::Diagnostic;
use crate::source::{LineCol, SourceFile};

/// The findings of one run, with the files they point into.
pub struct Report<'a> {
    pub sources: &'a [SourceFile],
    pub diagnostics: &'a [Diagnostic],
}

impl Report<'_> {
    pub fn source(&self, d: &Diagnostic) -> &SourceFile {
        &self.sources[d.file.0]
    }

    /// Start and end (line, column) of a finding's primary span.
    pub fn range(&self, d: &Diagnostic) -> (LineCol, LineCol) {
        let source = self.source(d);
        (source.line_col(d.span.start), source.line_col(d.span.end))
    }
}
