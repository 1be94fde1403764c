//! `plan schema`: the JSON Schema of the plan file, for editors.

use crate::ExitStatus;
use std::io::Write;

pub fn run(out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    out.write_all(crate::schema::to_json().as_bytes())?;
    Ok(ExitStatus::Success)
}
