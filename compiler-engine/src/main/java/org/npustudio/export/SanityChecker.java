package org.npustudio.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.plan.Plan;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.OrtTensors;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.runtime.TensorComparison;

/**
 * Proves a split computes what the model does: runs the (legalized) whole model and the partition models
 * chained in execution order — each partition fed by tensor name from the graph inputs and earlier
 * partitions' outputs — with ONNX Runtime on the same inputs, and compares every model output. With
 * graph optimisations off and one thread the results of fp32 partitions are bit-identical.
 */
public final class SanityChecker {
    /** One model output: largest absolute and relative difference and whether the bits agree. */
    public record OutputDiff(String name, double maxAbs, double maxRel, boolean identical) {
        /** Identical, or (tolerance > 0) no element differs by more than {@code tolerance} in absolute value. */
        public boolean within(double tolerance) {
            return identical || tolerance > 0 && !Double.isNaN(maxAbs) && maxAbs <= tolerance;
        }
    }

    /** The outcome over all outputs. */
    public record Report(List<OutputDiff> outputs, int partitions, long millis) {
        public boolean identical() { return outputs.stream().allMatch(OutputDiff::identical); }

        public boolean within(double tolerance) { return outputs.stream().allMatch(o -> o.within(tolerance)); }
    }

    private SanityChecker() {}

    /** Seeded random inputs, replaced by {@code given} where a tensor of the same name is supplied. */
    public static Map<String, Tensor> inputs(Model model, Map<String, Tensor> given, long seed) throws StudioException {
        Map<String, Tensor> in = RandomInputs.forGraph(model.graph(), seed, given.keySet());
        for (Map.Entry<String, Tensor> e : given.entrySet()) {
            boolean known = model.graph().inputs().stream().anyMatch(v -> v.name().equals(e.getKey()));
            if (!known) {
                throw new StudioException("input '" + e.getKey() + "'", "", "the model has no input of that name (inputs: "
                        + String.join(", ", model.graph().inputs().stream().map(ValueInfo::name).toList()) + ")");
            }
            in.put(e.getKey(), e.getValue());
        }
        return in;
    }

    /** One line per input {@link #inputs} makes up (those not in {@code given}): name, type, shape, range. */
    public static List<String> randomInputs(Model model, Map<String, Tensor> given) {
        List<String> out = new ArrayList<>();
        for (ValueInfo v : model.graph().inputs()) {
            if (!given.containsKey(v.name()) && !model.graph().isInitializer(v.name())) out.add(RandomInputs.describe(v));
        }
        return out;
    }

    public static Report check(Model model, Plan plan, Map<String, Tensor> inputs, OrtRunner.Options options) throws StudioException {
        return check(PartitionSplitter.split(model, plan), model, inputs, options);
    }

    public static Report check(PartitionSplitter.Split split, Model model, Map<String, Tensor> inputs, OrtRunner.Options options)
            throws StudioException {
        long t0 = System.nanoTime();
        Map<String, Tensor> expected = runWhole(split, model, inputs, options);
        Report r = compare(split, model, inputs, expected, options);
        return new Report(r.outputs(), r.partitions(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The legalized whole model's outputs; reusable across plans of the same model and inputs. */
    public static Map<String, Tensor> runWhole(PartitionSplitter.Split split, Model model, Map<String, Tensor> inputs,
                                               OrtRunner.Options options) throws StudioException {
        try (OrtRunner whole = OrtRunner.open(split.reference().toByteArray(), model.displayName(), options)) {
            return whole.run(inputs);
        }
    }

    /** Runs the chained partitions and compares each model output with {@code expected}. */
    public static Report compare(PartitionSplitter.Split split, Model model, Map<String, Tensor> inputs, Map<String, Tensor> expected,
                                 OrtRunner.Options options) throws StudioException {
        long t0 = System.nanoTime();
        Map<String, Tensor> actual = chain(split, model, inputs, options);
        List<OutputDiff> diffs = new ArrayList<>();
        for (ValueInfo o : model.graph().outputs()) {
            Tensor a = actual.get(o.name());
            Tensor e = expected.get(o.name());
            if (a == null || e == null) throw new StudioException("output '" + o.name() + "'", "", "was not computed");
            TensorComparison c = TensorComparison.of(a, e);
            diffs.add(new OutputDiff(o.name(), c.maxAbsDiff(), c.maxRelDiff(), c.bitIdentical()));
        }
        return new Report(diffs, split.pieces().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs the partitions in order; intermediate tensors stay in ONNX Runtime and are freed after their last use. */
    static Map<String, Tensor> chain(PartitionSplitter.Split split, Model model, Map<String, Tensor> inputs, OrtRunner.Options options)
            throws StudioException {
        Map<String, Integer> uses = new HashMap<>();
        for (PartitionModel pm : split.pieces()) for (String in : pm.inputs()) uses.merge(in, 1, Integer::sum);
        for (ValueInfo o : model.graph().outputs()) uses.merge(o.name(), 1, Integer::sum);
        Map<String, OnnxTensor> values = new HashMap<>();
        List<OnnxTensor> fed = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                OnnxTensor t = OrtTensors.toOrt(OrtRunner.environment(), e.getValue());
                fed.add(t);
                values.put(e.getKey(), t);
            }
            for (PartitionModel pm : split.pieces()) {
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                for (String in : pm.inputs()) {
                    OnnxTensor v = values.get(in);
                    if (v == null) throw new StudioException("partition " + pm.name(), "", "needs tensor '" + in + "', which no input or earlier partition provides");
                    feeds.put(in, v);
                }
                OrtRunner runner = OrtRunner.open(pm.bytes(), pm.name() + ".onnx", options);
                Stage s = new Stage(runner, pm.outputs());
                stages.add(s);
                s.result = runner.runRaw(feeds, new LinkedHashSet<>(pm.outputs()));
                for (String o : pm.outputs()) values.put(o, runner.tensor(s.result, o));
                for (String in : pm.inputs()) uses.merge(in, -1, Integer::sum);
                for (Stage st : stages) if (st.unused(uses)) st.close();
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (ValueInfo o : model.graph().outputs()) {
                OnnxTensor v = values.get(o.name());
                if (v == null) throw new StudioException("output '" + o.name() + "'", "", "no partition produces it");
                out.put(o.name(), OrtTensors.fromOrt(v, o.name()));
            }
            return out;
        } finally {
            for (Stage s : stages) s.close();
            fed.forEach(OnnxTensor::close);
        }
    }

    /** A partition's session and result, closed together once nothing needs its outputs. */
    private static final class Stage {
        final OrtRunner runner;
        final List<String> outputs;
        OrtSession.Result result;
        boolean closed;

        Stage(OrtRunner runner, List<String> outputs) {
            this.runner = runner;
            this.outputs = outputs;
        }

        boolean unused(Map<String, Integer> uses) {
            for (String o : outputs) if (uses.getOrDefault(o, 0) > 0) return false;
            return true;
        }

        void close() {
            if (closed) return;
            closed = true;
            if (result != null) result.close();
            runner.close();
        }
    }
}
