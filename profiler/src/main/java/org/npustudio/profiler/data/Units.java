package org.npustudio.profiler.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Compact SI formatting for counts and decimal bytes (kB = 1000 B, as DRAM bandwidth is quoted). */
public final class Units {
    private Units() {}

    public static String bytes(double b) {
        if (b < 1000) return fixed(b, 0) + " B";
        if (b < 1e6) return fixed(b / 1e3, 1) + " kB";
        if (b < 1e9) return fixed(b / 1e6, 1) + " MB";
        return fixed(b / 1e9, 2) + " GB";
    }

    /** Picojoules for people: "230 pJ", "1.5 nJ", "2.41 µJ", "3.10 mJ". */
    public static String energy(double pj) {
        double a = Math.abs(pj);
        if (a < 1e3) return fixed(pj, 0) + " pJ";
        if (a < 1e6) return fixed(pj / 1e3, 1) + " nJ";
        if (a < 1e9) return fixed(pj / 1e6, 2) + " µJ";
        return fixed(pj / 1e9, 2) + " mJ";
    }

    /** 1234567 -> "1.23 M" (with a trailing space so a unit can follow). */
    public static String count(double v) {
        if (Math.abs(v) < 1e3) return fixed(v, 0) + " ";
        if (Math.abs(v) < 1e6) return fixed(v / 1e3, 1) + " k";
        if (Math.abs(v) < 1e9) return fixed(v / 1e6, 2) + " M";
        if (Math.abs(v) < 1e12) return fixed(v / 1e9, 2) + " G";
        return fixed(v / 1e12, 2) + " T";
    }

    /**
     * {@code v} with {@code places} decimals, exactly as {@code String.format(Locale.ROOT, "%.Nf", v)} writes it
     * (shortest decimal digits, rounded half up, "-0.0" for small negatives) but without parsing a format
     * string each time: an overlay formats a badge per node on every live refresh, and the formatter was
     * most of that work.
     */
    public static String fixed(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.format(Locale.ROOT, "%." + places + "f", v);
        String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && s.charAt(0) != '-' ? "-" + s : s;
    }
}
