package org.npustudio.app.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed arguments of one command: boolean flags from a fixed set, options that take a value
 * ({@code --plan FILE} or {@code --plan=FILE}, repeatable) and positional words. Anything that looks
 * like an option but is not declared is an error; {@code --} ends options.
 */
public final class Args {
    private final String command;
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final java.util.Map<String, List<String>> values = new java.util.HashMap<>();

    private Args(String command) {
        this.command = command;
    }

    public static Args parse(String command, List<String> args, Set<String> knownFlags) throws UsageException {
        return parse(command, args, knownFlags, Set.of());
    }

    /** As {@link #parse(String, List, Set)}, with {@code valueOptions} each taking the next word as its value. */
    public static Args parse(String command, List<String> args, Set<String> knownFlags, Set<String> valueOptions)
            throws UsageException {
        Args a = new Args(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String key = arg.startsWith("--") && eq > 2 ? arg.substring(0, eq) : arg;
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && valueOptions.contains(key)) {
                String value;
                if (key.length() < arg.length()) {
                    value = arg.substring(eq + 1);
                } else {
                    if (i + 1 >= args.size()) throw new UsageException(command, "option '" + arg + "' needs a value");
                    value = args.get(++i);
                }
                a.values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                if (!knownFlags.contains(arg)) throw new UsageException(command, "unknown option '" + arg + "'");
                a.flags.add(arg);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    public boolean has(String flag) { return flags.contains(flag) || values.containsKey(flag); }

    /** Every value given for a value option, in order (empty when absent). */
    public List<String> values(String option) { return List.copyOf(values.getOrDefault(option, List.of())); }

    /** The value of an option given at most once, or null when absent. */
    public String value(String option) throws UsageException {
        List<String> v = values(option);
        if (v.size() > 1) throw new UsageException(command, "option '" + option + "' is given more than once");
        return v.isEmpty() ? null : v.get(0);
    }

    /** The value of an option given at most once, or {@code dflt} when absent. */
    public String value(String option, String dflt) throws UsageException {
        String v = value(option);
        return v == null ? dflt : v;
    }

    /** The value of a required option. */
    public String required(String option, String what) throws UsageException {
        String v = value(option);
        if (v == null) throw new UsageException(command, "missing " + option + " " + what);
        return v;
    }

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
