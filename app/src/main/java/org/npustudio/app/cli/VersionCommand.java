package org.npustudio.app.cli;

import java.util.List;
import java.util.Set;
import org.npustudio.app.Version;

/** {@code npustudio version} (also {@code --version}). */
final class VersionCommand implements Command {
    @Override public String name() { return "version"; }

    @Override public String synopsis() { return ""; }

    @Override public String summary() { return "show the version"; }

    @Override
    public int run(List<String> args, CliContext ctx) throws UsageException {
        Args.parse(name(), args, Set.of()).positional(0, 0, "");
        ctx.out().println("npustudio " + Version.get() + " (Java " + Runtime.version() + ")");
        return Cli.OK;
    }
}
