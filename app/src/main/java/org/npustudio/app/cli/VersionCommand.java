package org.npustudio.app.cli;

import org.npustudio.app.Version;
import picocli.CommandLine.Command;

/** {@code npustudio version} (also {@code --version}). */
@Command(name = "version", description = "show the version")
final class VersionCommand extends StudioCommand {
    @Override
    public int run() {
        ctx.out().println("npustudio " + Version.get() + " (Java " + Runtime.version() + ")");
        return Cli.OK;
    }
}
