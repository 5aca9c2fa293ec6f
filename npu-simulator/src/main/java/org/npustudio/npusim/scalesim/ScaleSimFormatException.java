package org.npustudio.npusim.scalesim;

import org.npustudio.error.StudioException;

/** A malformed SCALE-Sim input: names the file, the line (and field) and the problem. */
public final class ScaleSimFormatException extends StudioException {
    public ScaleSimFormatException(String file, int line, String field, String problem) {
        super(file, "line " + line + (field == null ? "" : " field '" + field + "'"), problem);
    }
}
