package org.npustudio.app.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed arguments of one command: boolean flags and valued options ({@code --npu FILE} or
 * {@code --npu=FILE}) from fixed sets, and positional words. Anything that looks like an option but is
 * not declared is an error; {@code --} ends options.
 */
public final class Args {
    private final String command;
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final java.util.Map<String, String> values = new java.util.HashMap<>();

    private Args(String command) {
        this.command = command;
    }

    public static Args parse(String command, List<String> args, Set<String> knownFlags) throws UsageException {
        return parse(command, args, knownFlags, Set.of());
    }

    public static Args parse(String command, List<String> args, Set<String> knownFlags, Set<String> valued) throws UsageException {
        Args a = new Args(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                if (valued.contains(name)) {
                    String value;
                    if (eq > 0) value = arg.substring(eq + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else throw new UsageException(command, "option '" + name + "' needs a value");
                    if (a.values.put(name, value) != null) throw new UsageException(command, "option '" + name + "' given twice");
                } else if (knownFlags.contains(arg)) {
                    a.flags.add(arg);
                } else {
                    throw new UsageException(command, "unknown option '" + arg + "'");
                }
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    /** The value of a valued option, or null when it was not given. */
    public String value(String option) { return values.get(option); }

    public String value(String option, String dflt) { return values.getOrDefault(option, dflt); }

    public String require(String option, String what) throws UsageException {
        String v = values.get(option);
        if (v == null) throw new UsageException(command, "missing " + option + " " + what);
        return v;
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
