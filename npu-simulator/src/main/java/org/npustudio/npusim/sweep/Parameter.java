package org.npustudio.npusim.sweep;

import java.util.Arrays;
import java.util.List;
import org.npustudio.npusim.Dataflow;
import org.npustudio.plan.Precision;

/**
 * A knob of the NPU that a sweep may turn (docs/sweeps.md). Each value is kept as text in a point (plain
 * data that any process can carry) and checked when the sweep file is read, so evaluating a point never
 * meets a malformed value.
 */
public enum Parameter {
    ARRAY("array", Kind.COUNT, "square array: rows = cols"),
    ROWS("rows", Kind.COUNT, "PE rows"),
    COLS("cols", Kind.COUNT, "PE columns"),
    DATAFLOW("dataflow", Kind.DATAFLOW, "ws | os | is"),
    SRAM_KB("sram_kb", Kind.SIZE, "all on-chip buffers together, KiB, split as in the base NPU"),
    IFMAP_KB("ifmap_kb", Kind.SIZE, "ifmap buffer (separate buffers), KiB"),
    FILTER_KB("filter_kb", Kind.SIZE, "filter buffer (separate) or weight buffer (unified), KiB"),
    OFMAP_KB("ofmap_kb", Kind.SIZE, "ofmap buffer (separate buffers), KiB"),
    ACTIVATION_KB("activation_kb", Kind.SIZE, "activation buffer (unified buffers), KiB"),
    WEIGHT_KB("weight_kb", Kind.SIZE, "weight buffer (unified buffers), KiB"),
    DRAM_GBPS("dram_gbps", Kind.POSITIVE, "DRAM bandwidth, GB/s"),
    CLOCK_MHZ("clock_mhz", Kind.POSITIVE, "clock, MHz"),
    PRECISION("precision", Kind.PRECISION, "default precision: one the base NPU lists");

    /** What values a parameter takes. */
    public enum Kind { COUNT, SIZE, POSITIVE, DATAFLOW, PRECISION }

    private final String key;
    private final Kind kind;
    private final String meaning;

    Parameter(String key, Kind kind, String meaning) {
        this.key = key;
        this.kind = kind;
        this.meaning = meaning;
    }

    public String key() { return key; }

    public Kind kind() { return kind; }

    public String meaning() { return meaning; }

    /** Numeric parameters take ranges; dataflow and precision only lists. */
    public boolean numeric() { return kind != Kind.DATAFLOW && kind != Kind.PRECISION; }

    public static Parameter of(String key) {
        for (Parameter p : values()) if (p.key.equals(key)) return p;
        return null;
    }

    public static List<String> keys() { return Arrays.stream(values()).map(Parameter::key).toList(); }

    /** Why {@code text} is not a value of this parameter, or null when it is. */
    public String problem(String text) {
        return switch (kind) {
            case DATAFLOW -> Dataflow.parse(text) == null ? "'" + text + "' is not a dataflow; use ws, os or is" : null;
            case PRECISION -> Precision.parse(text) == null ? "'" + text + "' is not a precision; use one of " + Precision.validKeys() : null;
            case COUNT -> {
                try {
                    long v = Long.parseLong(text.trim());
                    yield v > 0 && v <= 65536 ? null : key + " must be a whole number from 1 to 65536, not " + text;
                } catch (NumberFormatException e) {
                    yield key + " must be a whole number, not '" + text + "'";
                }
            }
            case SIZE, POSITIVE -> {
                try {
                    double v = Double.parseDouble(text.trim());
                    yield v > 0 && Double.isFinite(v) ? null : key + " must be above 0, not " + text;
                } catch (NumberFormatException e) {
                    yield key + " must be a number, not '" + text + "'";
                }
            }
        };
    }
}
