package org.npustudio.passes.quant.sensitivity;

import java.util.Locale;

/** The accuracy an automatic precision choice must keep: output SQNR of at least x dB, or top-1 agreement of at least y. */
public record Budget(Kind kind, double value) {
    public enum Kind { SQNR_DB, TOP1 }

    public static Budget sqnrDb(double db) { return new Budget(Kind.SQNR_DB, db); }

    /** {@code share} in [0, 1]. */
    public static Budget top1(double share) { return new Budget(Kind.TOP1, share); }

    public boolean met(Accuracy a) {
        return kind == Kind.SQNR_DB ? a.sqnrDb() >= value : a.top1Agreement() >= value;
    }

    /** The figure the budget is about, for ordering candidates. */
    public double figure(Accuracy a) { return kind == Kind.SQNR_DB ? a.sqnrDb() : a.top1Agreement(); }

    /** "output SQNR >= 30.0 dB" or "top-1 agreement >= 99.0%". */
    public String text() {
        return kind == Kind.SQNR_DB ? String.format(Locale.ROOT, "output SQNR >= %.1f dB", value)
                : String.format(Locale.ROOT, "top-1 agreement >= %.1f%%", 100 * value);
    }

    /** The measured figure this budget is about: "27.4 dB" or "97.5%". */
    public String figureText(Accuracy a) {
        return kind == Kind.SQNR_DB ? a.sqnrText() : String.format(Locale.ROOT, "%.1f%%", 100 * a.top1Agreement());
    }
}
