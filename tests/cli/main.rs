//! Integration tests: the real `plan` binary run on files in a temporary directory.

mod support;

mod bad_input;
mod check;
mod coverage;
mod coverage_fixes;
mod diff;
mod documents;
mod explain;
mod fixtures;
mod formats;
mod fuzz;
mod html;
mod init;
mod links;
mod localisation;
mod numbers;
mod one_finding;
mod policy;
mod render;
mod samples;
mod schema;
mod staffing;
