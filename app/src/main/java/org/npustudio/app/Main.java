package org.npustudio.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.npustudio.app.cli.Cli;

/**
 * Entry point of the {@code npustudio} command. Deliberately not a JavaFX Application: the IDE window
 * is launched by the {@code gui} command, so the CLI works without a display and JavaFX on the plain
 * class path is fine.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Model and tensor names are often non-ASCII; print UTF-8 whatever the locale says.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = Cli.standard(out, err, System.getenv()).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
