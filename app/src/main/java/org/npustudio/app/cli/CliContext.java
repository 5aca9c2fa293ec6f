package org.npustudio.app.cli;

import java.io.PrintStream;
import java.util.Map;

/** What a command may use: its output streams, the environment and the other commands. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Commands commands) {}
