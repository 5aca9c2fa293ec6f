package org.npustudio.app.lesson;

/** How far a number may be from the expected one: within {@code abs} or within {@code rel}·|expected| (either suffices). */
public record Tolerance(double abs, double rel) {
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public boolean accepts(double expected, double actual) {
        double gap = Math.abs(actual - expected);
        return gap <= abs + 1e-12 * Math.abs(expected) || gap <= rel * Math.abs(expected);
    }

    @Override public String toString() {
        if (abs == 0 && rel == 0) return "exact";
        String a = abs == 0 ? "" : "±" + Numbers.format(abs);
        String r = rel == 0 ? "" : "±" + Numbers.format(rel * 100) + "%";
        return a.isEmpty() ? r : r.isEmpty() ? a : a + " or " + r;
    }
}
