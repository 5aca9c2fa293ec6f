package org.npustudio.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code npustudio help [COMMAND [SUB-COMMAND]]}: the command list, or one command's usage (as {@code COMMAND --help}). */
@Command(name = "help", description = "show the commands, or how to use one")
final class HelpCommand extends StudioCommand {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command, and a sub-command of it (help partition auto)")
    List<String> words = new ArrayList<>();

    @Override
    public int run() throws UsageException {
        CommandLine c = spec().root().commandLine();
        if (words.isEmpty()) {
            printOverview(c, ctx.out());
            return Cli.OK;
        }
        for (String w : words) {
            CommandLine sub = c.getSubcommands().get(w);
            if (sub == null) {
                String prefix = c.getCommandSpec().parent() == null ? "" : Cli.commandName(c.getCommandSpec()) + " ";
                throw usage("unknown command '" + prefix + w + "'");
            }
            c = sub;
        }
        printCommand(c, ctx.out());
        return Cli.OK;
    }

    static void printOverview(CommandLine root, PrintStream out) {
        out.println("NPU Studio: a visual graph compiler for deep-learning models.");
        out.println();
        out.println("Usage: npustudio COMMAND [ARGS]");
        out.println();
        out.println("Commands:");
        int width = 0;
        for (String name : root.getSubcommands().keySet()) width = Math.max(width, name.length());
        for (var e : root.getSubcommands().entrySet()) {
            out.printf("  %-" + width + "s  %s%n", e.getKey(), summary(e.getValue()));
        }
        out.println();
        out.println("Options: -h, --help   show help;   -V, --version   show the version");
        out.println("Run 'npustudio help COMMAND' (or 'npustudio COMMAND --help') for a command's options.");
    }

    /** The first line of a command's description: what help's list shows. */
    static String summary(CommandLine c) {
        String[] d = c.getCommandSpec().usageMessage().description();
        return d.length == 0 ? "" : d[0];
    }

    static void printCommand(CommandLine c, PrintStream out) {
        c.usage(out, CommandLine.Help.Ansi.OFF);
    }
}
