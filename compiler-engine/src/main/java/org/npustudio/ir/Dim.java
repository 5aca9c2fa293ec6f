package org.npustudio.ir;

/**
 * One dimension of a tensor shape: a known size, a symbolic name (e.g. {@code batch}) or unknown.
 * The denotation is ONNX's optional semantic label (DATA_BATCH, …) and is kept for round trips.
 */
public record Dim(long value, String param, String denotation) {
    public static final Dim UNKNOWN = new Dim(-1, null, null);

    public static Dim of(long value) {
        if (value < 0) throw new IllegalArgumentException("negative dimension " + value);
        return new Dim(value, null, null);
    }

    public static Dim symbol(String name) {
        return new Dim(-1, name, null);
    }

    public boolean isKnown() { return value >= 0; }

    public boolean isSymbolic() { return value < 0 && param != null; }

    @Override
    public String toString() {
        return isKnown() ? Long.toString(value) : param != null ? param : "?";
    }
}
