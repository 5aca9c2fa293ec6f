package org.npustudio.analysis;

import java.util.Locale;

/** Human-readable counts and sizes, shared by the CLI and the IDE so both print the same text. */
public final class Quantities {
    private static final String[] SI = {"", " K", " M", " G", " T", " P", " E"};
    private static final String[] BINARY = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"};

    private Quantities() {}

    /** 118013952 -> "118,013,952". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 118013952 -> "118.0 M"; values below 1000 are printed as they are. */
    public static String si(long n) {
        return scaled(n, 1000, SI).strip();
    }

    /** 1536 -> "1.5 KiB". */
    public static String bytes(long n) {
        return scaled(n, 1024, BINARY).strip();
    }

    private static String scaled(long n, int base, String[] units) {
        if (Math.abs(n) < base) return n + units[0];
        double v = n;
        int u = 0;
        while (Math.abs(v) >= base && u < units.length - 1) {
            v /= base;
            u++;
        }
        if (Math.abs(v) >= base - 0.5 && u < units.length - 1) { // would round up to "1000 M"
            v /= base;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, units[u]);
    }
}
