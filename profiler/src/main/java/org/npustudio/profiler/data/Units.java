package org.npustudio.profiler.data;

import java.util.Locale;

/** Compact SI formatting for counts and decimal bytes (kB = 1000 B, as DRAM bandwidth is quoted). */
public final class Units {
    private Units() {}

    public static String bytes(double b) {
        if (b < 1000) return String.format(Locale.ROOT, "%.0f B", b);
        if (b < 1e6) return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        if (b < 1e9) return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
    }

    /** 1234567 -> "1.23 M" (with a trailing space so a unit can follow). */
    public static String count(double v) {
        if (Math.abs(v) < 1e3) return String.format(Locale.ROOT, "%.0f ", v);
        if (Math.abs(v) < 1e6) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        if (Math.abs(v) < 1e9) return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        return String.format(Locale.ROOT, "%.2f G", v / 1e9);
    }
}
