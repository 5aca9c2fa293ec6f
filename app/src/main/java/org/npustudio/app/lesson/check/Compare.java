package org.npustudio.app.lesson.check;

/** How a computed number is compared with the lesson's value. */
public enum Compare {
    EQ("=="), LE("<="), GE(">="), LT("<"), GT(">");

    private final String symbol;

    Compare(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean holds(double actual, double value) {
        return switch (this) {
            case EQ -> actual == value;
            case LE -> actual <= value;
            case GE -> actual >= value;
            case LT -> actual < value;
            case GT -> actual > value;
        };
    }

    /** Parses {@code ==}, {@code <=}…; null when unknown. */
    public static Compare parse(String s) {
        for (Compare c : values()) if (c.symbol.equals(s.trim())) return c;
        return null;
    }
}
