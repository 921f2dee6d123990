//! The command line: `plansite build`, `check`, `new`, `extract` (and `serve`).
//!
//! Exit codes: 0 when all is well, 1 when the content has errors (or the output cannot
//! be written), 2 for usage errors (clap's own code).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostics, Severity};
use crate::pipeline::{self, BuildOptions};

/// Publish government development plans and their targets as a bilingual static site.
#[derive(Debug, Parser)]
#[command(name = "plansite", version, about, long_about = None)]
pub struct Cli {
    /// The site directory (the one holding site.yaml).
    #[arg(short, long, global = true, default_value = ".")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into a directory (public/ by default).
    ///
    /// The previous output is replaced only when the whole build succeeds.
    Build {
        /// Where to write the site.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Publish under this address instead of site.yaml's base_url.
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<BaseUrl>,
        /// Write every file afresh; by default files whose bytes did not change keep
        /// the previous build's copy (and its modification time).
        #[arg(long)]
        clean: bool,
    },
    /// Check the content and every link of the rendered site, writing nothing.
    Check {
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading on every edit.
    #[cfg(feature = "serve")]
    Serve {
        /// The port to listen on (0 picks a free one).
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but 127.0.0.1 makes the preview public.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Draft a plan.yaml from a plan's plain text.
    ///
    /// Every quantified goal found becomes a target, with the line it was read from,
    /// a confidence, and REVIEW marks where the reading is unsure. What the text
    /// cannot tell (English names, registry ids) is left for an editor to fill in.
    Extract {
        /// The plan as published: plain text (UTF-8 or GBK), a Word document
        /// (.docx), a web page (.html) or a PDF with a text layer.
        input: PathBuf,
        /// The plan's id (default: made from the file name).
        #[arg(long)]
        plan_id: Option<String>,
        /// Write the draft plan.yaml here instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write a draft seeds/ record with the text's clause outline here.
        #[arg(long)]
        record: Option<PathBuf>,
        /// Write here the names the site's registries lack (departments, chains, the
        /// region), as entries to add. Names are matched when the site directory
        /// (--root, or the current one) holds a site.yaml.
        #[arg(long)]
        proposals: Option<PathBuf>,
    },
    /// Print the JSON Schema of a kind of file, or write them all into a folder.
    ///
    /// Editors that understand `# yaml-language-server: $schema=…` (VS Code with the
    /// YAML extension, among others) then complete and check fields as one types.
    Schema {
        /// The kind of file.
        #[arg(value_enum, required_unless_present = "write")]
        kind: Option<crate::schema::SchemaKind>,
        /// Write every schema into this folder (such as the site's `schemas/`) instead.
        #[arg(long, conflicts_with = "kind")]
        write: Option<PathBuf>,
    },
    /// A plan's targets as a spreadsheet, and back.
    #[command(subcommand)]
    Sheet(SheetCommand),
    /// Create a starter site in a new directory.
    New {
        /// The directory to create (it must not exist, or be empty).
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// Write a plan's targets as a workbook: the plan's fields, a row per target, and
    /// breakdown parts and outcomes on sheets of their own, headers in both languages.
    Export {
        /// The plan's id (its folder under content/plans/).
        plan: String,
        /// The workbook to write (.xlsx).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a plan's plan.yaml from a workbook (.xlsx, .xls, .ods) or a CSV of targets.
    ///
    /// The same rules as for YAML apply; problems are reported at their cell (目标!D7)
    /// and leave plan.yaml as it was. A CSV holds the targets only: the plan's fields,
    /// breakdowns and outcomes are kept from the current plan.yaml.
    Import {
        /// The workbook or CSV file.
        input: PathBuf,
        /// The plan's id (its folder under content/plans/).
        #[arg(long)]
        plan: String,
    },
}

fn parse_base_url(s: &str) -> Result<BaseUrl, String> {
    BaseUrl::parse(s)
}

/// Runs the command line and returns the exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build {
            output,
            base_url,
            clean,
        } => {
            let output = output.unwrap_or_else(|| cli.root.join("public"));
            let options = BuildOptions {
                base_url,
                progress: true,
                clean,
            };
            build(&cli.root, &output, options)
        }
        Command::Check { deny_warnings } => check(&cli.root, deny_warnings),
        Command::New { dir } => new_site(&dir),
        Command::Schema { kind, write } => schema(kind, write.as_deref()),
        Command::Sheet(command) => sheet(&cli.root, command),
        Command::Extract {
            input,
            plan_id,
            output,
            record,
            proposals,
        } => extract(
            &cli.root,
            &input,
            plan_id,
            ExtractOutputs {
                draft: output.as_deref(),
                record: record.as_deref(),
                proposals: proposals.as_deref(),
            },
        ),
        #[cfg(feature = "serve")]
        Command::Serve { port, bind, open } => {
            crate::serve::serve(&cli.root, crate::serve::ServeOptions { bind, port, open })
        }
    }
}

fn build(root: &std::path::Path, output: &std::path::Path, options: BuildOptions) -> ExitCode {
    match pipeline::build(root, output, &options) {
        Ok(report) => {
            report.warnings.print();
            crate::say!(
                "Built {} pages ({} rendered, the rest carried over; {} files: {} written, {} unchanged) into {} in {} ms.",
                report.stats.pages,
                report.stats.pages_rendered,
                report.written + report.kept,
                report.written,
                report.kept,
                output.display(),
                report.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            diagnostics.print();
            print_summary(&diagnostics);
            crate::say!("The build failed; the previous output (if any) is unchanged.");
            ExitCode::from(1)
        }
    }
}

fn check(root: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let diagnostics = crate::check::check_site(root);
    diagnostics.print();
    print_summary(&diagnostics);
    let failed =
        diagnostics.has_errors() || (deny_warnings && diagnostics.count(Severity::Warning) > 0);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn new_site(dir: &std::path::Path) -> ExitCode {
    let created = crate::scaffold::create(dir)
        .and_then(|()| crate::schema::write_all(&dir.join(crate::scaffold::SCHEMA_DIR)));
    match created {
        Ok(()) => {
            crate::say!(
                "Created a starter site in {}. Build it with:\n  plansite --root {} build",
                dir.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            crate::say!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn schema(kind: Option<crate::schema::SchemaKind>, write: Option<&std::path::Path>) -> ExitCode {
    let written = match (kind, write) {
        (_, Some(dir)) => crate::schema::write_all(dir),
        (Some(kind), None) => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(crate::schema::schema_text(kind).as_bytes())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
        (None, None) => Ok(()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            crate::say!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn sheet(root: &std::path::Path, command: SheetCommand) -> ExitCode {
    let plan_id = match &command {
        SheetCommand::Export { plan, .. } | SheetCommand::Import { plan, .. } => plan,
    };
    if let Err(message) = crate::content::Id::parse(plan_id) {
        crate::say!("error: the plan id {plan_id:?}: {message}");
        return ExitCode::from(2);
    }
    let done = match &command {
        SheetCommand::Export { plan, output } => crate::sheet::export(root, plan, output)
            .map(|n| format!("Wrote {n} targets of {plan} to {}.", output.display())),
        SheetCommand::Import { input, plan } => crate::sheet::import(root, input, plan).map(|i| {
            format!(
                "Wrote {} targets from {} to {}.",
                i.targets,
                input.display(),
                i.path.display()
            )
        }),
    };
    match done {
        Ok(line) => {
            crate::say!("{line}");
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            diagnostics.print();
            print_summary(&diagnostics);
            ExitCode::from(1)
        }
    }
}

/// Where `extract` writes what it drafts (standard output for the draft by default).
struct ExtractOutputs<'a> {
    draft: Option<&'a std::path::Path>,
    record: Option<&'a std::path::Path>,
    proposals: Option<&'a std::path::Path>,
}

fn extract(
    root: &std::path::Path,
    input: &std::path::Path,
    plan_id: Option<String>,
    outputs: ExtractOutputs,
) -> ExitCode {
    let ExtractOutputs {
        draft: output,
        record,
        proposals: proposals_path,
    } = outputs;
    let (plan_id, from_option) = match plan_id {
        Some(id) => (id, true),
        None => (crate::extract::id_from_file_name(input), false),
    };
    if let Err(message) = crate::content::Id::parse(&plan_id) {
        if from_option {
            crate::say!("error: --plan-id {plan_id:?}: {message}");
        } else {
            crate::say!(
                "error: the id made from the file name, {plan_id:?}, is not valid: {message}; \
                 pass --plan-id"
            );
        }
        return ExitCode::from(2);
    }
    let (text, container) = match crate::extract::input::read(input) {
        Ok(read) => read,
        Err(e) => {
            crate::say!(
                "error: {}: {}\n  = help: {}",
                input.display(),
                e.message,
                e.hint
            );
            return ExitCode::from(1);
        }
    };
    let mut draft = crate::extract::extract(&text);
    // In a site, the text's names are matched to its registries.
    let mut proposals = None;
    if root.join("site.yaml").exists() {
        let (registries, diagnostics) = crate::content::load_registries(root);
        if diagnostics.has_errors() {
            diagnostics.print();
            crate::say!(
                "error: the site's registries must be fixed before names can be matched to them"
            );
            return ExitCode::from(1);
        }
        proposals = Some(crate::extract::match_registries(&mut draft, &registries));
    }
    let source_name = input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let yaml = crate::extract::draft_yaml(&draft, &plan_id, &source_name);
    let written = match output {
        Some(path) => std::fs::write(path, &yaml).map_err(|e| (path, e)),
        None => {
            use std::io::Write as _;
            let stdout = std::path::Path::new("standard output");
            std::io::stdout()
                .write_all(yaml.as_bytes())
                .map_err(|e| (stdout, e))
        }
    };
    let written = written.and_then(|()| match record {
        Some(path) => {
            std::fs::write(path, crate::extract::draft_record(&draft)).map_err(|e| (path, e))
        }
        None => Ok(()),
    });
    let unmatched = proposals.as_ref().filter(|p| !p.is_empty());
    let written = written.and_then(|()| match (proposals_path, unmatched) {
        (Some(path), Some(p)) => {
            std::fs::write(path, crate::extract::proposals_yaml(p, &source_name))
                .map_err(|e| (path, e))
        }
        _ => Ok(()),
    });
    if let Err((path, e)) = written {
        crate::say!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(1);
    }
    let review = draft.review_count();
    crate::say!(
        "Found {} quantified {} in {} (read as {}; {review} marked REVIEW).",
        draft.goals.len(),
        if draft.goals.len() == 1 {
            "goal"
        } else {
            "goals"
        },
        input.display(),
        container.name()
    );
    if let Some(p) = unmatched {
        let count = p.units.len() + p.chains.len() + usize::from(p.region.is_some());
        match proposals_path {
            Some(path) => crate::say!(
                "{count} {} in the site's registries: proposed in {}.",
                if count == 1 {
                    "name is not"
                } else {
                    "names are not"
                },
                path.display()
            ),
            None => crate::say!(
                "{count} {} in the site's registries: pass --proposals FILE to have them proposed as entries.",
                if count == 1 {
                    "name is not"
                } else {
                    "names are not"
                }
            ),
        }
    }
    ExitCode::SUCCESS
}

fn print_summary(diagnostics: &Diagnostics) {
    let errors = diagnostics.count(Severity::Error);
    let warnings = diagnostics.count(Severity::Warning);
    if errors + warnings == 0 {
        crate::say!("No problems found.");
    } else {
        crate::say!(
            "{errors} error{}, {warnings} warning{}.",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
    }
}
