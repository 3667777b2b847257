//! `concord completions SHELL`: the shell's completion script, printed for the user to install
//! (clap_complete), so every subcommand, flag and value completes as it does for other tools.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::error::CliError;
use crate::exit;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  concord completions bash > ~/.local/share/bash-completion/completions/concord
  concord completions zsh > ~/.zfunc/_concord
  concord completions fish > ~/.config/fish/completions/concord.fish
  concord completions powershell >> $PROFILE")]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let mut cmd = crate::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "concord", &mut out);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &out)
        .map_err(|e| CliError::io(None, e))?;
    Ok(exit::SUCCESS)
}
