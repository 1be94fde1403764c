//! A small builder around the real binary: a temporary directory with files, arguments,
//! a pinned environment (date, time zone, locale, no colour) and the expected exit code.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One run of `plan`.
pub struct Run {
    dir: tempfile::TempDir,
    args: Vec<String>,
    cwd: Option<PathBuf>,
}

/// What a run printed.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary directory"),
            args: Vec::new(),
            cwd: None,
        }
    }

    /// Write a file into the run's directory.
    pub fn file(self, name: &str, content: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create directories");
        }
        std::fs::write(path, content).expect("write a test file");
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn arg_path(mut self, path: &Path) -> Self {
        self.args.push(path.to_string_lossy().into_owned());
        self
    }

    /// Run in another directory than the temporary one (e.g. the repository root).
    pub fn cwd(mut self, dir: &Path) -> Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plan"));
        command
            .args(&self.args)
            .current_dir(self.cwd.as_deref().unwrap_or(self.dir.path()))
            .env("TZ", "America/New_York")
            .env("LANG", "de_DE.UTF-8")
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE");
        command
    }

    /// Run with a standard output whose reader has gone away (`plan … | head -1`).
    pub fn expect_with_closed_stdout(self) -> Output {
        let mut child = self
            .command()
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run the plan binary");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait for the plan binary");
        Output {
            stdout: String::new(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// The run's temporary directory, for files a test makes itself (FIFOs, symlinks).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Run and assert the exit code, failing (and killing the process) if it has not ended
    /// within `limit`: for inputs that used to block forever.
    pub fn expect_within(self, code: i32, limit: std::time::Duration) -> Output {
        use std::io::Read;
        let mut child = self
            .command()
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run the plan binary");
        // Drain both pipes while waiting, or a large output would block the child.
        let drain = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut bytes);
                }
                String::from_utf8_lossy(&bytes).into_owned()
            })
        };
        let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
        let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
        let deadline = std::time::Instant::now() + limit;
        // Poll rather than block: a hanging child must fail the test, not hang it.
        let status = loop {
            if let Some(status) = child.try_wait().expect("poll the plan binary") {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`plan {}` did not end within {limit:?}", self.args.join(" "));
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        let out = Output {
            stdout: stdout.join().expect("read standard output"),
            stderr: stderr.join().expect("read standard error"),
            code: status.code().unwrap_or(-1),
        };
        assert_eq!(
            out.code, code,
            "unexpected exit code for {:?}\nstdout:\n{}\nstderr:\n{}",
            self.args, out.stdout, out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "the binary panicked: {}", out.stderr);
        out
    }

    /// Run and assert the exit code.
    pub fn expect(self, code: i32) -> Output {
        let output = self.command().output().expect("run the plan binary");
        let out = Output {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        };
        assert_eq!(
            out.code, code,
            "unexpected exit code for {:?}\nstdout:\n{}\nstderr:\n{}",
            self.args, out.stdout, out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "the binary panicked: {}", out.stderr);
        out
    }
}

/// `plan check` with a pinned date, in human format.
pub fn check(files: &[(&str, &str)], extra: &[&str], code: i32) -> Output {
    let mut run = Run::new();
    for (name, text) in files {
        run = run.file(name, text);
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    run.args(["check", "--today", "2026-11-22"])
        .args(extra)
        .args(names)
        .expect(code)
}

/// Parse JSON output.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
}

/// Render the plan at `plan` into `out` for 29 November 2026 and return every document it
/// wrote, by its path under `out` (`public/faq-x.de.md`, `internal/index.html`).
pub fn render_documents(plan: &Path, out: &Path) -> std::collections::BTreeMap<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("render")
        .arg(plan)
        .args(["--today", "2026-11-29", "--out"])
        .arg(out)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .env("LANG", "C")
        .output()
        .expect("run the plan binary");
    assert!(
        output.status.success(),
        "{}: {}",
        plan.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut files = std::collections::BTreeMap::new();
    for folder in ["public", "internal"] {
        for entry in std::fs::read_dir(out.join(folder)).expect("render wrote the folder") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|x| x == "md" || x == "html") {
                let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path).expect("a rendered document is text");
                files.insert(format!("{folder}/{name}"), text);
            }
        }
    }
    files
}
