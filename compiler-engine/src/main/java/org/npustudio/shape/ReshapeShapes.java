package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;
import org.npustudio.shape.ConstValue.Elem;

/** Reshape (0 and -1, allowzero, symbolic targets) and Flatten. */
final class ReshapeShapes {
    private ReshapeShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Reshape", ReshapeShapes::reshape);
        m.put("Flatten", ReshapeShapes::flatten);
    }

    private static void reshape(InferenceContext c) throws ShapeInferenceException {
        Elem[] target = target(c);
        Shape x = c.shape(0);
        if (target == null) {
            c.dependsOnInput(1);
            Shape s = c.shape(1);
            c.setOutput(0, c.elemType(0), s != null && s.rank() == 1 && s.dim(0).isKnown()
                    ? unknownDims((int) s.dim(0).value()) : null);
            return;
        }
        boolean allowZero = c.attr("allowzero", 0) != 0;
        List<Dim> out = new ArrayList<>(target.length);
        int inferred = -1;
        for (int i = 0; i < target.length; i++) {
            Elem e = target[i];
            if (!e.known()) {
                out.add(e.toDim());
            } else if (e.value() == -1) {
                if (inferred >= 0) throw c.fail("the target shape has more than one -1");
                inferred = i;
                out.add(Dim.UNKNOWN);
            } else if (e.value() == 0 && !allowZero) {
                if (x != null && i >= x.rank()) {
                    throw c.fail("target dim " + i + " is 0 (copy) but the input has rank " + x.rank());
                }
                out.add(x == null ? Dim.UNKNOWN : x.dim(i));
            } else if (e.value() < 0) {
                throw c.fail("target shape has invalid size " + e.value());
            } else {
                out.add(Dim.of(e.value()));
            }
        }
        if (x != null) {
            if (inferred >= 0) {
                out.set(inferred, solve(c, x.dims(), out, inferred));
            } else {
                checkCount(c, x, out);
            }
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /** The target as elements: from the constant input (opset 5+) or the shape attribute (opset 1-4). */
    private static Elem[] target(InferenceContext c) {
        if (c.opset() < 5 || !c.hasInput(1)) {
            long[] s = c.ints("shape");
            if (s == null) return null;
            Elem[] e = new Elem[s.length];
            for (int i = 0; i < s.length; i++) e[i] = Elem.of(s[i]);
            return e;
        }
        ConstValue v = c.constant(1);
        return v == null || v.ints() == null ? null : v.ints();
    }

    /** The size of the -1 dim: input dims over the other output dims, after cancelling equal symbols. */
    private static Dim solve(InferenceContext c, List<Dim> in, List<Dim> out, int skip)
            throws ShapeInferenceException {
        List<Dim> rest = new ArrayList<>(in);
        List<Dim> divisor = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (i == skip) continue;
            Dim d = out.get(i);
            if (d.isSymbolic() && rest.remove(d)) continue;
            divisor.add(d);
        }
        Dim num = DimMath.product(rest);
        Dim den = DimMath.product(divisor);
        if (den.isKnown() && den.value() == 1) return num;
        if (!num.isKnown() || !den.isKnown()) return Dim.UNKNOWN;
        if (den.value() == 0) {
            if (num.value() == 0) return Dim.UNKNOWN;
            throw c.fail("cannot reshape " + num.value() + " elements into a shape with a 0 dim");
        }
        if (num.value() % den.value() != 0) {
            throw c.fail("cannot reshape " + in + " (" + num.value() + " elements) into " + out
                    + ": not a multiple of " + den.value());
        }
        return Dim.of(num.value() / den.value());
    }

    private static void checkCount(InferenceContext c, Shape x, List<Dim> out) throws ShapeInferenceException {
        Shape o = Shape.of(out);
        if (x.isStatic() && o.isStatic() && x.elementCount() != o.elementCount()) {
            throw c.fail("cannot reshape " + x + " (" + x.elementCount() + " elements) into " + o + " ("
                    + o.elementCount() + " elements)");
        }
    }

    private static void flatten(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long axis = c.attr("axis", 1);
        long a = axis < 0 ? axis + x.rank() : axis;
        if (a < 0 || a > x.rank()) throw c.fail("axis " + axis + " is out of range for rank " + x.rank());
        Dim outer = DimMath.product(x.dims().subList(0, (int) a));
        Dim inner = DimMath.product(x.dims().subList((int) a, x.rank()));
        c.setOutput(0, c.elemType(0), Shape.of(List.of(outer, inner)));
    }

    static Shape unknownDims(int rank) {
        Dim[] d = new Dim[rank];
        Arrays.fill(d, Dim.UNKNOWN);
        return Shape.of(Arrays.asList(d));
    }
}
