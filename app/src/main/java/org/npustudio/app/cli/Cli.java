package org.npustudio.app.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Dispatches {@code npustudio COMMAND ARGS} through picocli and owns the error contract: a user error
 * prints one line {@code npustudio: <file>: <place>: <problem>} and exits 2; an internal error prints one
 * line and exits 1, with the stack trace only when {@code NPUSTUDIO_DEBUG=1}.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USER_ERROR = 2;

    private final CliContext ctx;

    public Cli(Commands commands, PrintStream out, PrintStream err, Map<String, String> env) {
        this.ctx = new CliContext(out, err, env, commands);
    }

    public static Cli standard(PrintStream out, PrintStream err, Map<String, String> env) {
        return new Cli(Commands.builtIn(), out, err, env);
    }

    public int run(String... argv) {
        try {
            return dispatch(argv);
        } catch (StudioException e) {
            ctx.err().println("npustudio: " + e.oneLine());
            return USER_ERROR;
        } catch (UncheckedIOException e) {
            // Unreadable files found late (e.g. external tensor data) are still the user's to fix.
            ctx.err().println("npustudio: " + oneLine(e.getMessage()));
            debugTrace(e);
            return USER_ERROR;
        } catch (OutOfMemoryError e) {
            ctx.err().println("npustudio: out of memory; give Java more heap, e.g. JAVA_OPTS=-Xmx8g");
            return INTERNAL_ERROR;
        } catch (RuntimeException | Error e) {
            ctx.err().println("npustudio: internal error: " + oneLine(String.valueOf(e))
                    + (debug() ? "" : " (set NPUSTUDIO_DEBUG=1 to see the stack trace)"));
            debugTrace(e);
            return INTERNAL_ERROR;
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    private int dispatch(String[] argv) throws StudioException {
        CommandLine root = ctx.commands().commandLine();
        ParseResult parsed;
        try {
            parsed = root.parseArgs(argv);
        } catch (ParameterException e) {
            throw usageError(e);
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        if (leaf == parsed) {
            if (parsed.isVersionHelpRequested()) return runCommand(root.getSubcommands().get("version"));
            HelpCommand.printOverview(root, ctx.out());
            return OK;
        }
        if (leaf.isUsageHelpRequested() || parsed.isUsageHelpRequested()) {
            HelpCommand.printCommand(leaf.commandSpec().commandLine(), ctx.out());
            return OK;
        }
        return runCommand(leaf.commandSpec().commandLine());
    }

    private int runCommand(CommandLine c) throws StudioException {
        StudioCommand command = c.getCommand();
        command.attach(ctx);
        return command.run();
    }

    /** A command's words after {@code npustudio}: {@code partition auto}, or "" for npustudio itself. */
    static String commandName(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        int space = q.indexOf(' ');
        return space < 0 ? "" : q.substring(space + 1);
    }

    /** picocli's complaint as the one line every usage error is, in the words the CLI has always used. */
    static UsageException usageError(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String name = commandName(spec);
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (word.startsWith("-") && word.length() > 1) return new UsageException(name, "unknown option '" + word + "'");
            if (name.isEmpty()) return new UsageException(name, "unknown command '" + word + "'");
            if (!spec.subcommands().isEmpty() && spec.userObject() instanceof CommandGroup g) {
                return new UsageException(name, "unknown " + g.kind() + " '" + word + "' (" + CommandGroup.choices(spec) + ")");
            }
            return new UsageException(name, "unexpected argument '" + word + "'");
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return new UsageException(name, "option '" + label(o.getOverwritten()) + "' is given more than once");
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            if (e.getMessage().startsWith("Missing required parameter for option")) {
                return new UsageException(name, "option '" + label(m.getMissing().get(0)) + "' needs a value");
            }
            List<String> missing = m.getMissing().stream().map(a -> a.isOption() ? label(a) + " " + a.paramLabel() : a.paramLabel()).toList();
            return new UsageException(name, "missing " + and(missing));
        }
        String message = oneLine(e.getMessage());
        return new UsageException(name, message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1));
    }

    private static String label(ArgSpec a) {
        return a instanceof OptionSpec o ? o.shortestName() : a.paramLabel();
    }

    private static String and(List<String> words) {
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private boolean debug() {
        return "1".equals(ctx.env().get("NPUSTUDIO_DEBUG"));
    }

    private void debugTrace(Throwable t) {
        if (debug()) t.printStackTrace(ctx.err());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
