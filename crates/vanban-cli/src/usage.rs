//! The command line read, and its mistakes told in the user's language: clap's own texts
//! are English, so each kind of mistake is said again in Vietnamese unless `--lang en`.

use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use vanban_core::NgonNgu;

use crate::args::{Args, Format};

/// The arguments of this run, or the exit code after telling the user what is wrong with
/// them (2), or after printing help or the version (0).
pub fn parse() -> Result<Args, ExitCode> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed =
        Args::command().try_get_matches_from(&argv).and_then(|mut m| Args::from_arg_matches_mut(&mut m));
    parsed.map_err(|e| {
        if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        let (lang, format) = early_options(&argv);
        let (message, hint) = match lang {
            NgonNgu::Vi => vietnamese(&e),
            NgonNgu::En => english(&e),
        };
        let mut err = std::io::stderr().lock();
        let _ = match format {
            Format::Json => {
                let line = serde_json::json!({"type": "usage-error", "message": message, "hint": hint});
                writeln!(std::io::stdout(), "{line}")
            }
            Format::Text => {
                let (label, help) = match lang {
                    NgonNgu::Vi => ("lỗi", "gợi ý"),
                    NgonNgu::En => ("error", "help"),
                };
                writeln!(err, "{label}: {message}\n{help}: {hint}")
            }
        };
        ExitCode::from(2)
    })
}

/// `--lang` and `--format` as the command line gives them, for telling its own mistakes.
fn early_options(argv: &[std::ffi::OsString]) -> (NgonNgu, Format) {
    let args: Vec<String> = argv.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value = |name: &str| {
        args.iter().enumerate().rev().find_map(|(i, a)| {
            a.strip_prefix(&format!("{name}="))
                .map(str::to_owned)
                .or_else(|| (a == name).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    let lang = if value("--lang").as_deref() == Some("en") { NgonNgu::En } else { NgonNgu::Vi };
    let format = if value("--format").as_deref() == Some("json") { Format::Json } else { Format::Text };
    (lang, format)
}

/// A context value of clap's error as text.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The mistake and a hint, in Vietnamese.
fn vietnamese(e: &clap::Error) -> (String, String) {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let help = "xem render --help".to_owned();
    let suggested =
        context(e, ContextKind::SuggestedArg).or_else(|| context(e, ContextKind::SuggestedSubcommand));
    let or_help =
        |s: Option<String>| s.map(|s| format!("có phải ý bạn là {s}?")).unwrap_or_else(|| help.clone());
    match e.kind() {
        ErrorKind::UnknownArgument => (format!("không có tùy chọn “{arg}”"), or_help(suggested)),
        ErrorKind::InvalidSubcommand => (format!("không có lệnh “{arg}”"), or_help(suggested)),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue)
                .map(|v| format!("các giá trị được: {v}"))
                .unwrap_or_else(|| help.clone());
            if value.is_empty() {
                (format!("{arg} cần một giá trị"), valid)
            } else {
                (format!("giá trị “{value}” không dùng được cho {arg}"), valid)
            }
        }
        ErrorKind::ValueValidation => {
            // The reason is ours (bilingual) or clap's range check (English): the value and
            // the option say enough.
            (format!("giá trị “{value}” không hợp lệ cho {arg}"), help)
        }
        ErrorKind::MissingRequiredArgument => (format!("thiếu {arg}"), help),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            (format!("{arg} không dùng cùng {prior} được"), help)
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            (format!("số giá trị của {arg} không đúng"), help)
        }
        ErrorKind::NoEquals => (format!("{arg} cần dấu = trước giá trị"), help),
        ErrorKind::InvalidUtf8 => ("tham số có ký tự không phải UTF-8".to_owned(), help),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            ("thiếu lệnh hoặc tệp văn bản".to_owned(), help)
        }
        _ => ("dòng lệnh không hợp lệ".to_owned(), help),
    }
}

/// clap's own message, first line, and a hint.
fn english(e: &clap::Error) -> (String, String) {
    let rendered = e.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first).to_owned();
    let hint = context(e, ContextKind::SuggestedArg)
        .map(|s| format!("did you mean {s}?"))
        .unwrap_or_else(|| "see render --help".to_owned());
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> clap::Error {
        Args::command().try_get_matches_from(args).unwrap_err()
    }

    #[test]
    fn every_usage_mistake_is_told_in_vietnamese() {
        for args in [
            &["render", "--khong-co"][..],
            &["render", "--lang", "fr", "a.toml"],
            &["render", "-j", "0", "a.toml"],
            &["render", "--shard", "5/4", "a.toml"],
            &["render", "check"],
            &["render", "a.toml", "-o", "x.pdf", "--out-dir", "d"],
            &["render", "--dpi"],
            &["render", "so-di"],
            &["render", "so-di", "--kiem-tra", "-o", "so.pdf"],
            &["render", "so-di", "-o", "so.pdf", "--nam", "20"],
        ] {
            let e = error_of(args);
            let (message, hint) = vietnamese(&e);
            for english in
                ["unexpected", "invalid", "required", "cannot be used", "error", "expected", "found"]
            {
                assert!(
                    !message.contains(english) && !hint.contains(english),
                    "{args:?}: {message} / {hint}"
                );
            }
            assert!(!message.is_empty(), "{args:?}");
        }
    }

    #[test]
    fn the_language_and_format_of_the_report_are_read_before_parsing() {
        let argv = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(early_options(&argv(&["render", "--lang", "en", "--bad"])), (NgonNgu::En, Format::Text));
        assert_eq!(early_options(&argv(&["render", "--format=json"])), (NgonNgu::Vi, Format::Json));
    }
}
