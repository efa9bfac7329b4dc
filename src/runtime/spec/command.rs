//! `process.args`: the image's Entrypoint/Cmd combined with `--entrypoint`, the command words
//! and `--init`, following podman's `makeCommand`.

use super::{SpecError, SpecInput};

/// Where `--init` makes the init binary appear inside the container; the caller's binary is
/// bind-mounted there read-only.
pub const INIT_PATH: &str = "/run/burrow-init";

/// The container's argv.
///
/// * `--entrypoint` replaces the image's Entrypoint and, when given at all, the image's Cmd
///   is no longer used (Docker and podman): only the command words follow it.
/// * An entrypoint of exactly `[""]` (`--entrypoint ''` or such an image) contributes nothing,
///   so the command words run directly; with no command words that is an error, as in podman.
/// * `--entrypoint '[]'` (an empty exec form) counts as not given for the Cmd rule.
pub(super) fn process_args(input: &SpecInput) -> Result<Vec<String>, SpecError> {
    let flag = input.entrypoint.as_deref().map(parse_entrypoint);
    let entrypoint = flag.clone().or_else(|| input.image.entrypoint.clone()).unwrap_or_default();
    let mut args = if entrypoint == [""] { Vec::new() } else { entrypoint };

    let flag_given = flag.as_ref().is_some_and(|e| !e.is_empty());
    if !input.command.is_empty() {
        args.extend(input.command.iter().cloned());
    } else if !flag_given {
        args.extend(input.image.cmd.iter().flatten().cloned());
    }
    if args.is_empty() {
        return Err(SpecError::new("no command or entrypoint provided, and no CMD or ENTRYPOINT from image"));
    }
    if input.init {
        args.splice(0..0, [INIT_PATH.to_string(), "--".to_string()]);
    }
    Ok(args)
}

/// A JSON array is the exec form; anything else (including "") is a single word.
fn parse_entrypoint(raw: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(raw).unwrap_or_else(|_| vec![raw.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::config::RunConfig;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn image(entrypoint: Option<&[&str]>, cmd: Option<&[&str]>) -> RunConfig {
        RunConfig { entrypoint: entrypoint.map(words), cmd: cmd.map(words), ..RunConfig::default() }
    }

    fn args(img: &RunConfig, entrypoint: Option<&str>, command: &[&str]) -> Result<Vec<String>, SpecError> {
        let mut input = SpecInput::new(img, "/r", "/u", "h");
        input.entrypoint = entrypoint.map(str::to_string);
        input.command = words(command);
        process_args(&input)
    }

    #[test]
    fn image_entrypoint_and_cmd_combine() {
        let img = image(Some(&["/docker-entrypoint.sh"]), Some(&["nginx", "-g", "daemon off;"]));
        assert_eq!(args(&img, None, &[]).unwrap(), words(&["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]));
    }

    #[test]
    fn command_words_replace_image_cmd_only() {
        let img = image(Some(&["/ep"]), Some(&["default"]));
        assert_eq!(args(&img, None, &["ls", "-l"]).unwrap(), words(&["/ep", "ls", "-l"]));
        let img = image(None, Some(&["sh"]));
        assert_eq!(args(&img, None, &["echo", "hi"]).unwrap(), words(&["echo", "hi"]));
    }

    #[test]
    fn entrypoint_flag_replaces_entrypoint_and_drops_image_cmd() {
        let img = image(Some(&["/ep"]), Some(&["default"]));
        assert_eq!(args(&img, Some("/bin/sh"), &[]).unwrap(), words(&["/bin/sh"]));
        assert_eq!(args(&img, Some("/bin/sh"), &["-c", "x"]).unwrap(), words(&["/bin/sh", "-c", "x"]));
        // One word even with spaces: podman does not split it.
        assert_eq!(args(&img, Some("/bin/echo hi"), &[]).unwrap(), words(&["/bin/echo hi"]));
    }

    #[test]
    fn entrypoint_flag_json_is_exec_form() {
        let img = image(None, Some(&["default"]));
        assert_eq!(
            args(&img, Some(r#"["/bin/sh","-c"]"#), &["echo hi"]).unwrap(),
            words(&["/bin/sh", "-c", "echo hi"])
        );
        // An empty exec form counts as not given for the Cmd rule.
        assert_eq!(args(&img, Some("[]"), &[]).unwrap(), words(&["default"]));
    }

    #[test]
    fn empty_entrypoint_flag_runs_command_directly() {
        let img = image(Some(&["/ep"]), Some(&["default"]));
        assert_eq!(args(&img, Some(""), &["date"]).unwrap(), words(&["date"]));
        // And does not fall back to the image's Cmd (podman's makeCommand).
        let err = args(&img, Some(""), &[]).unwrap_err();
        assert_eq!(err.to_string(), "no command or entrypoint provided, and no CMD or ENTRYPOINT from image");
    }

    #[test]
    fn image_entrypoint_of_one_empty_word_is_ignored() {
        let img = image(Some(&[""]), None);
        assert_eq!(args(&img, None, &["echo", "hello"]).unwrap(), words(&["echo", "hello"]));
    }

    #[test]
    fn nothing_to_run_is_an_error() {
        let img = image(Some(&[]), Some(&[]));
        assert!(args(&img, None, &[]).is_err());
        assert!(args(&RunConfig::default(), None, &[]).is_err());
    }

    #[test]
    fn init_is_prepended() {
        let img = image(None, Some(&["sleep", "1"]));
        let mut input = SpecInput::new(&img, "/r", "/u", "h");
        input.init = true;
        assert_eq!(process_args(&input).unwrap(), words(&[INIT_PATH, "--", "sleep", "1"]));
    }
}
