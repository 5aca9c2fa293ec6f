package org.npustudio.app.cli;

import org.npustudio.error.StudioException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One {@code npustudio} command: a picocli {@code @Command} class whose annotated fields picocli fills,
 * registered in {@link Commands#builtIn()}. {@link Cli} parses, then calls {@link #run()} with
 * {@link #ctx} set; problems the user can fix are thrown as {@link StudioException} (exit status 2).
 * docs/decisions/0018-picocli-command-line.md shows how a command is written.
 */
public abstract class StudioCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /** Output streams, environment and the other commands; set by {@link Cli} before {@link #run()}. */
    protected CliContext ctx;

    /** Does the work, with the options already parsed into fields; returns the exit status. */
    public abstract int run() throws StudioException;

    /** This command's words after {@code npustudio}, e.g. {@code partition auto}: the name usage errors show. */
    protected final String name() {
        return Cli.commandName(spec);
    }

    /** A command line the user got wrong, named by this command. */
    protected final UsageException usage(String problem) {
        return new UsageException(name(), problem);
    }

    final void attach(CliContext context) {
        this.ctx = context;
    }

    final CommandSpec spec() {
        return spec;
    }
}
