package org.npustudio.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the real CLI in-process and captures what it printed. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        return with(Commands.builtIn(), Map.of(), args);
    }

    static CliRun with(Commands commands, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(commands, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stderr's lines. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}
