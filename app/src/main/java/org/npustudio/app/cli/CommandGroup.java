package org.npustudio.app.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command made of sub-commands ({@code partition auto|validate|convert}): picocli picks the
 * sub-command; the group itself only runs when none was given, which is a usage error.
 */
public abstract class CommandGroup extends StudioCommand {
    /** What a sub-command is called in errors: "sub-command", "benchmark". */
    protected String kind() {
        return "sub-command";
    }

    @Override
    public int run() throws UsageException {
        throw usage("missing " + kind() + " (" + choices(spec()) + ")");
    }

    /** The sub-command names as {@code a, b or c}. */
    static String choices(CommandSpec spec) {
        List<String> names = List.copyOf(spec.subcommands().keySet());
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
