package org.npustudio.app.cli;

import org.npustudio.error.StudioException;

/** A command line the user got wrong; printed as {@code npustudio: <command>: <problem> (see 'npustudio help <command>')}. */
public final class UsageException extends StudioException {
    public UsageException(String command, String problem) {
        super(command, "", problem + " (see 'npustudio help" + (command.isEmpty() ? "" : " " + command) + "')");
    }
}
