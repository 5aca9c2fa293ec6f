package org.npustudio.npusim.cli;

/** How {@code npustudio simulate} reports: a readable table, CSV, JSON, or SCALE-Sim's own report files. */
public enum OutputFormat {
    TABLE, CSV, JSON, SCALESIM;

    public static OutputFormat parse(String s) {
        if (s == null) return null;
        for (OutputFormat f : values()) if (f.name().equalsIgnoreCase(s.trim())) return f;
        return null;
    }
}
