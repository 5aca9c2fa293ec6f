package org.npustudio.passes.numeric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.runtime.OrtRunner;

/**
 * Runs models with ONNX Runtime on the CPU for calibration and numeric checks: single-threaded with
 * graph optimizations off, so what is measured is the graph as NPU Studio wrote it.
 * Sessions come from {@link OrtRunner} (the same settings the partition sanity check uses).
 */
public final class OrtExecution {
    private OrtExecution() {}

    /** A session on {@code model} to run many inputs through (one serialization, one session). */
    public static OrtRunner open(Model model) throws StudioException {
        return OrtRunner.open(OnnxWriter.toBytes(model), model.displayName(), OrtRunner.Options.DETERMINISTIC);
    }

    /** Runs {@code model} once; outputs in the order asked for. */
    public static Map<String, Tensor> run(Model model, Map<String, Tensor> inputs, List<String> outputs) throws StudioException {
        try (OrtRunner runner = open(model)) {
            return runner.run(inputs, outputs);
        }
    }

    /** Runs with the graph outputs as outputs. */
    public static Map<String, Tensor> run(Model model, Map<String, Tensor> inputs) throws StudioException {
        return run(model, inputs, model.graph().outputs().stream().map(ValueInfo::name).toList());
    }

    /** A copy of {@code model} that also outputs {@code values} (types from value_info when known). */
    public static Model exposing(Model model, Collection<String> values) {
        Model c = ModelCopy.of(model);
        LinkedHashSet<String> have = new LinkedHashSet<>();
        for (ValueInfo o : c.graph().outputs()) have.add(o.name());
        for (String v : values) {
            if (!have.add(v)) continue;
            TypeInfo t = c.graph().typeOf(v);
            DataType dt = t instanceof TypeInfo.TensorType tt && tt.elemType() != null ? tt.elemType() : DataType.FLOAT;
            c.graph().addOutput(new ValueInfo(v, new TypeInfo.TensorType(dt, null), "", null, null));
        }
        return c;
    }

    /**
     * Seeded inputs for every graph input that is not an initializer: float inputs standard normal,
     * integer inputs zero; symbolic or unknown dims become 1.
     */
    public static Map<String, Tensor> randomInputs(Model model, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ValueInfo in : model.graph().inputs()) {
            if (model.graph().isInitializer(in.name()) || in.tensorType() == null) continue;
            TypeInfo.TensorType t = in.tensorType();
            List<Long> dims = new ArrayList<>();
            if (t.shape() != null) for (Dim d : t.shape().dims()) dims.add(d.isKnown() ? d.value() : 1L);
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            int n = 1;
            for (long d : shape) n *= (int) d;
            if (t.elemType() == DataType.FLOAT) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) f[i] = (float) r.nextGaussian();
                out.put(in.name(), Tensor.ofFloats(in.name(), shape, f));
            } else {
                out.put(in.name(), Tensor.raw(in.name(), t.elemType(), shape, new byte[(int) t.elemType().bytesFor(n)]));
            }
        }
        return out;
    }
}
