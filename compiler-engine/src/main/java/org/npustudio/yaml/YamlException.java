package org.npustudio.yaml;

import org.npustudio.error.StudioException;

/** A YAML document that cannot be used: names the file, the line and column, the key path and the problem. */
public final class YamlException extends StudioException {
    private final int line;
    private final int column;

    public YamlException(String file, int line, int column, String path, String problem) {
        super(file, "line " + line + " column " + column + (path == null || path.isEmpty() ? "" : " (" + path + ")"), problem);
        this.line = line;
        this.column = column;
    }

    /** 1-based line, 0 when unknown. */
    public int line() { return line; }

    /** 1-based column, 0 when unknown. */
    public int column() { return column; }
}
