package org.npustudio.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.npustudio.ir.DataType;
import org.npustudio.ir.ElementDecoder;
import org.npustudio.ir.Tensor;

/**
 * Element-wise comparison of an actual tensor against an expected one, following the ONNX backend test
 * rule: floats match when {@code |a - b| <= atol + rtol * |b|}, with NaN matching NaN in the same
 * position and infinities matching only themselves; integers, bools and strings must be exact.
 */
public final class TensorComparison {
    private final Tensor actual;
    private final Tensor expected;
    private final boolean sameType;
    private final boolean sameShape;
    private final boolean bitIdentical;
    private final double[] a;
    private final double[] b;
    private double maxAbs;
    private double maxRel;
    private int worstIndex = -1;

    private TensorComparison(Tensor actual, Tensor expected) {
        this.actual = actual;
        this.expected = expected;
        this.sameType = actual.dataType() == expected.dataType();
        this.sameShape = Arrays.equals(actual.dims(), expected.dims());
        this.bitIdentical = sameType && sameShape && sameBytes(actual, expected);
        boolean numeric = sameType && sameShape && decodable(actual.dataType());
        this.a = numeric ? actual.toDoubles() : null;
        this.b = numeric ? expected.toDoubles() : null;
        if (numeric) measure();
        else if (!bitIdentical) maxAbs = maxRel = Double.NaN;
    }

    public static TensorComparison of(Tensor actual, Tensor expected) {
        return new TensorComparison(actual, expected);
    }

    public boolean sameType() { return sameType; }

    public boolean sameShape() { return sameShape; }

    /** Same type, dims and element bytes (strings: same byte strings). */
    public boolean bitIdentical() { return bitIdentical; }

    /** Largest |a - b| over elements where both are finite; NaN when the values cannot be compared numerically. */
    public double maxAbsDiff() { return maxAbs; }

    /** Largest |a - b| / |b| over elements where both are finite (infinite when b is 0 and a is not). */
    public double maxRelDiff() { return maxRel; }

    /** ONNX's closeness rule for floating-point types; exact equality for all other types. */
    public boolean allClose(double rtol, double atol) {
        if (bitIdentical) return true;
        if (!sameType || !sameShape) return false;
        if (!actual.dataType().isFloatingPoint() || a == null) return exactValues();
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (Double.isNaN(x) != Double.isNaN(y)) return false;
            } else if (Double.isInfinite(x) || Double.isInfinite(y)) {
                if (x != y) return false;
            } else if (Math.abs(x - y) > atol + rtol * Math.abs(y)) {
                return false;
            }
        }
        return true;
    }

    /** One line for reports: why the tensors differ, or that they agree. */
    public String describe() {
        if (!sameType) return "element type " + actual.dataType().displayName() + " but expected " + expected.dataType().displayName();
        if (!sameShape) return "shape " + Arrays.toString(actual.dims()) + " but expected " + Arrays.toString(expected.dims());
        if (bitIdentical) return "bit-identical";
        if (a == null) return "element bytes differ";
        String worst = worstIndex < 0 ? "" : " (element " + worstIndex + ": " + a[worstIndex] + " vs " + b[worstIndex] + ")";
        return "max abs diff " + maxAbs + ", max rel diff " + maxRel + worst + nanNote();
    }

    private String nanNote() {
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) != Double.isNaN(b[i])) return ", NaN at element " + i + " in only one of them";
            if ((Double.isInfinite(a[i]) || Double.isInfinite(b[i])) && a[i] != b[i]) {
                return ", element " + i + ": " + a[i] + " vs " + b[i];
            }
        }
        return "";
    }

    private void measure() {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) continue;
            double abs = Math.abs(x - y);
            double rel = abs == 0 ? 0 : abs / Math.abs(y);
            if (abs > maxAbs) {
                maxAbs = abs;
                worstIndex = i;
            }
            maxRel = Math.max(maxRel, rel);
        }
    }

    /** Integers, bools and strings: equal values (also when one side used typed fields and the other raw bytes). */
    private boolean exactValues() {
        if (a == null) return false; // not decodable and bytes differ
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        if (actual.dataType() == DataType.INT64 || actual.dataType() == DataType.UINT64) {
            return Arrays.equals(actual.toLongs(), expected.toLongs()); // doubles lose precision above 2^53
        }
        return true;
    }

    private static boolean decodable(DataType t) {
        return switch (t) {
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, BOOL, INT4, UINT4 -> true;
            default -> false;
        };
    }

    private static boolean sameBytes(Tensor x, Tensor y) {
        if (x.dataType() == DataType.STRING) return x.strings().equals(y.strings());
        ByteBuffer bx = x.rawBytes();
        ByteBuffer by = y.rawBytes();
        return bx.equals(by);
    }
}
