package org.npustudio.app.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;

/**
 * Dispatches {@code npustudio COMMAND ARGS} and owns the error contract: a user error prints one line
 * {@code npustudio: <file>: <place>: <problem>} and exits 2; an internal error prints one line and exits
 * 1, with the stack trace only when {@code NPUSTUDIO_DEBUG=1}.
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
            return dispatch(Arrays.asList(argv));
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

    private int dispatch(List<String> argv) throws StudioException {
        if (argv.isEmpty()) return ctx.commands().get("help").run(List.of(), ctx);
        String first = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        switch (first) {
            case "-h", "--help" -> { return ctx.commands().get("help").run(rest, ctx); }
            case "-V", "--version" -> { return ctx.commands().get("version").run(rest, ctx); }
            default -> { }
        }
        Command c = ctx.commands().get(first);
        if (c == null) {
            if (first.startsWith("-")) throw new UsageException("", "unknown option '" + first + "'");
            throw new UsageException("", "unknown command '" + first + "'");
        }
        int end = rest.indexOf("--");
        List<String> options = end < 0 ? rest : rest.subList(0, end);
        if (options.contains("--help") || options.contains("-h")) {
            HelpCommand.printCommand(c, ctx.out());
            return OK;
        }
        return c.run(rest, ctx);
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
