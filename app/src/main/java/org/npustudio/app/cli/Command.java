package org.npustudio.app.cli;

import java.util.List;
import org.npustudio.error.StudioException;

/**
 * One {@code npustudio} sub-command. A new command is one class implementing this, registered in
 * {@link Commands#builtIn()}.
 */
public interface Command {
    /** The word that selects the command, e.g. {@code inspect}. */
    String name();

    /** Argument synopsis after the name, e.g. {@code MODEL [--json]}. */
    String synopsis();

    /** One line for the command list. */
    String summary();

    /** Further help (options, examples) printed by {@code npustudio help NAME}; may be empty. */
    default String details() { return ""; }

    /**
     * Runs the command. Problems the user can fix are thrown as {@link StudioException} (exit status 2).
     *
     * @param args the arguments after the command name
     * @return the exit status
     */
    int run(List<String> args, CliContext ctx) throws StudioException;
}
