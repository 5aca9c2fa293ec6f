package org.npustudio.app.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed arguments of one command: boolean flags from a fixed set and positional words.
 * Anything that looks like an option but is not declared is an error; {@code --} ends options.
 */
public final class Args {
    private final String command;
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args(String command) {
        this.command = command;
    }

    public static Args parse(String command, List<String> args, Set<String> knownFlags) throws UsageException {
        Args a = new Args(command);
        boolean optionsEnded = false;
        for (String arg : args) {
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                if (!knownFlags.contains(arg)) throw new UsageException(command, "unknown option '" + arg + "'");
                a.flags.add(arg);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    public boolean has(String flag) { return flags.contains(flag); }

    public List<String> positional() { return List.copyOf(positional); }

    /** Requires between {@code min} and {@code max} positional arguments named {@code what} in errors. */
    public List<String> positional(int min, int max, String what) throws UsageException {
        if (positional.size() < min) throw new UsageException(command, "missing " + what);
        if (positional.size() > max) {
            throw new UsageException(command, "unexpected argument '" + positional.get(max) + "'");
        }
        return positional();
    }
}
