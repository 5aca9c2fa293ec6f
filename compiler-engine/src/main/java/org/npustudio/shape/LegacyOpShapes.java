package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/**
 * The experimental ops of opsets 1-9 (removed in opset 10) that old exporters still wrote, with the
 * semantics of their last ONNX schema: ImageScaler, Affine, ScaledTanh, ParametricSoftplus and Scale
 * keep their input's type; Crop cuts borders off an NCHW image; GivenTensorFill and ConstantFill make
 * a tensor of an attribute- or input-given shape; GRUUnit yields the next hidden state; DynamicSlice is
 * Slice with starts/ends/axes as inputs. (ThresholdedRelu and MeanVarianceNormalization keep their
 * shape in every form, so their standard rules cover the experimental ones too.)
 */
final class LegacyOpShapes {
    private LegacyOpShapes() {}

    private static final String[] SAME_AS_INPUT = {"ImageScaler", "Affine", "ScaledTanh", "ParametricSoftplus", "Scale"};

    static void register(Map<String, ShapeRule> m) {
        for (String op : SAME_AS_INPUT) m.put(op, c -> c.setOutput(0, c.elemType(0), c.shape(0)));
        m.put("Crop", LegacyOpShapes::crop);
        m.put("GivenTensorFill", c -> fill(c, DataType.FLOAT));
        m.put("ConstantFill", c -> fill(c, dtype(c.attr("dtype", DataType.FLOAT.code()))));
        m.put("GRUUnit", c -> c.setOutput(0, c.elemType(0), c.shape(0)));
        m.put("DynamicSlice", LegacyOpShapes::dynamicSlice);
    }

    /** border = [left, top, right, bottom]; scale = [height, width] fixes the output size when given. */
    private static void crop(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if (x.rank() != 4) throw c.fail("Crop needs an NCHW input, got rank " + x.rank());
        long[] border = c.ints("border");
        long[] scale = c.ints("scale");
        if (border == null || border.length != 4) throw c.fail("Crop needs border = [left, top, right, bottom]");
        List<Dim> out = new ArrayList<>(x.dims());
        if (scale != null && scale.length == 2) {
            out.set(2, Dim.of(scale[0]));
            out.set(3, Dim.of(scale[1]));
        } else {
            out.set(2, DimMath.add(x.dims().get(2), -(border[1] + border[3])));
            out.set(3, DimMath.add(x.dims().get(3), -(border[0] + border[2])));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /**
     * Output shape: with input_as_shape=1 the (constant) input's values, else the input's shape when an
     * input is given, else the shape attribute; extra_shape is appended in every case.
     */
    private static void fill(InferenceContext c, DataType elem) {
        List<Dim> dims = new ArrayList<>();
        boolean known = true;
        if (c.inputCount() > 0 && c.hasInput(0)) {
            if (c.attr("input_as_shape", 0) != 0) {
                long[] v = c.constLongs(0);
                if (v == null) {
                    c.dependsOnInput(0);
                    known = false;
                } else {
                    for (long d : v) dims.add(Dim.of(Math.max(0, d)));
                }
            } else {
                Shape s = c.shape(0);
                if (s == null) known = false;
                else dims.addAll(s.dims());
            }
        } else {
            long[] shape = c.ints("shape");
            if (shape != null) for (long d : shape) dims.add(Dim.of(Math.max(0, d)));
        }
        long[] extra = c.ints("extra_shape");
        if (extra != null) for (long d : extra) dims.add(Dim.of(Math.max(0, d)));
        c.setOutput(0, elem, known ? Shape.of(dims) : null);
    }

    /** Rank is kept; sliced axes are exact when starts/ends (and axes) are constants. */
    private static void dynamicSlice(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long[] starts = c.constLongs(1);
        long[] ends = c.constLongs(2);
        long[] axes = c.inputCount() > 3 && c.hasInput(3) ? c.constLongs(3) : null;
        boolean axesGiven = c.inputCount() > 3 && c.hasInput(3);
        List<Dim> out = new ArrayList<>(x.dims());
        if (starts == null || ends == null || (axesGiven && axes == null)) {
            c.dependsOnInput(starts == null ? 1 : ends == null ? 2 : 3);
            for (int i = 0; i < out.size(); i++) out.set(i, Dim.UNKNOWN);
            c.setOutput(0, c.elemType(0), Shape.of(out));
            return;
        }
        if (starts.length != ends.length) throw c.fail("starts and ends have different lengths");
        for (int i = 0; i < starts.length; i++) {
            long a = axes != null ? axes[i] : i;
            int axis = (int) (a < 0 ? a + x.rank() : a);
            if (axis < 0 || axis >= x.rank()) throw c.fail("axis " + a + " is out of range for rank " + x.rank());
            Dim d = x.dims().get(axis);
            if (!d.isKnown()) {
                out.set(axis, Dim.UNKNOWN);
                continue;
            }
            long n = d.value();
            long s = clamp(starts[i] < 0 ? starts[i] + n : starts[i], n);
            long e = clamp(ends[i] < 0 ? ends[i] + n : ends[i], n);
            out.set(axis, Dim.of(Math.max(0, e - s)));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    private static DataType dtype(long code) {
        DataType t = DataType.fromCode((int) code);
        return t == null ? DataType.UNDEFINED : t;
    }

    private static long clamp(long v, long n) {
        return Math.max(0, Math.min(n, v));
    }
}
