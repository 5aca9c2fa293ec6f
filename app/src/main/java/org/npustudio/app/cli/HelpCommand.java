package org.npustudio.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code npustudio help [COMMAND]}: the command list, or one command's usage. */
final class HelpCommand implements Command {
    @Override public String name() { return "help"; }

    @Override public String synopsis() { return "[COMMAND]"; }

    @Override public String summary() { return "show the commands, or how to use one"; }

    @Override
    public int run(List<String> args, CliContext ctx) throws UsageException {
        List<String> words = Args.parse(name(), args, Set.of()).positional(0, 1, "command name");
        if (words.isEmpty()) {
            printOverview(ctx);
            return Cli.OK;
        }
        Command c = ctx.commands().get(words.get(0));
        if (c == null) throw new UsageException(name(), "unknown command '" + words.get(0) + "'");
        printCommand(c, ctx.out());
        return Cli.OK;
    }

    private static void printOverview(CliContext ctx) {
        PrintStream out = ctx.out();
        out.println("NPU Studio: a visual graph compiler for deep-learning models.");
        out.println();
        out.println("Usage: npustudio COMMAND [ARGS]");
        out.println();
        out.println("Commands:");
        int width = 0;
        for (Command c : ctx.commands().all()) width = Math.max(width, c.name().length());
        for (Command c : ctx.commands().all()) {
            out.printf("  %-" + width + "s  %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("Options: -h, --help   show help;   -V, --version   show the version");
        out.println("Run 'npustudio help COMMAND' for a command's options.");
    }

    static void printCommand(Command c, PrintStream out) {
        out.println("Usage: npustudio " + c.name() + (c.synopsis().isEmpty() ? "" : " " + c.synopsis()));
        out.println();
        out.println(c.summary());
        if (!c.details().isEmpty()) {
            out.println();
            out.println(c.details().stripTrailing());
        }
    }
}
