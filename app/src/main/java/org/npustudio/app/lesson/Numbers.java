package org.npustudio.app.lesson;

import java.util.Locale;

/** Number formatting for messages: whole numbers without a fraction, others with 4 significant digits. */
public final class Numbers {
    private Numbers() {}

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    /** Parses a finite number typed by a student; {@code where} names it in the error. */
    public static double parse(String where, String text) throws org.npustudio.error.StudioException {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new org.npustudio.error.StudioException(where, "", "'" + text + "' is not a number");
        }
    }
}
