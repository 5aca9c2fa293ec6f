package org.npustudio.host;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.plan.ModelRef;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.OrtTensors;
import org.npustudio.runtime.RandomInputs;

/**
 * Measures a model's per-node host costs with ONNX Runtime's profiler: graph optimisations off (so ORT's
 * nodes are the model's nodes, one to one), {@code threads} intra-op threads (1 by default: the CPU device
 * the simulator models is one core's roofline, and one thread gives the steadiest numbers), seeded random
 * inputs, {@code warmup} runs that are not counted, then {@code runs} counted runs. Before the session is
 * made every top-level node is renamed to its stable id, so ORT's per-node events key on our ids even
 * where the file's names are empty or repeated.
 */
public final class HostMeasurer {
    /** How to measure; {@code seed} seeds the random inputs. */
    public record Options(int runs, int warmup, int threads, long seed) {
        /** The defaults as constants, so command-line help can name them. */
        public static final int RUNS = 20, WARMUP = 5, THREADS = 1;
        public static final Options DEFAULT = new Options(RUNS, WARMUP, THREADS, 0);

        public Options {
            if (runs < 1) throw new IllegalArgumentException("runs must be at least 1");
            if (warmup < 0) throw new IllegalArgumentException("warmup must be 0 or more");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    private HostMeasurer() {}

    /**
     * @param file     the model file (hashed; named in errors)
     * @param opened   the model as opened from it, input shapes bound and static
     * @param progress told the number of runs done after each run (may be null)
     */
    public static HostProfile measure(Path file, Model opened, Options o, IntConsumer progress) throws StudioException {
        ModelRef ref = ModelRef.of(file);
        Graph g = opened.graph();
        byte[] bytes = renamedToIds(opened);
        Map<String, Tensor> inputs = RandomInputs.forGraph(g, o.seed());
        Path dir;
        try {
            dir = Files.createTempDirectory("npustudio-measure");
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot make a folder for ONNX Runtime's profile: " + e.getMessage(), e);
        }
        try {
            OrtTrace trace = run(bytes, file.toString(), inputs, o, dir.resolve("ort"), progress);
            return profile(ref, g, trace, o);
        } finally {
            deleteTree(dir);
        }
    }

    private static OrtTrace run(byte[] bytes, String name, Map<String, Tensor> inputs, Options o, Path prefix, IntConsumer progress)
            throws StudioException {
        List<OnnxTensor> feeds = new ArrayList<>();
        try (OrtRunner runner = OrtRunner.open(bytes, name, new OrtRunner.Options(OrtSession.SessionOptions.OptLevel.NO_OPT, o.threads()), prefix)) {
            Map<String, OnnxTensor> in = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                OnnxTensor t = OrtTensors.toOrt(OrtRunner.environment(), e.getValue());
                feeds.add(t);
                in.put(e.getKey(), t);
            }
            Set<String> outputs = Set.copyOf(runner.outputNames());
            int total = o.warmup() + o.runs();
            for (int i = 0; i < total; i++) {
                try (OrtSession.Result r = runner.runRaw(in, outputs)) {
                    if (progress != null) progress.accept(i + 1);
                }
            }
            Path trace = runner.endProfiling();
            return OrtTrace.read(trace);
        } finally {
            feeds.forEach(OnnxTensor::close);
        }
    }

    /** The model as ORT will see it: every top-level node named by its stable id. */
    static byte[] renamedToIds(Model m) {
        OnnxProto.ModelProto.Builder b = OnnxWriter.toProto(m, false).toBuilder();
        OnnxProto.GraphProto.Builder gb = b.getGraphBuilder();
        List<Node> nodes = m.graph().nodes();
        if (gb.getNodeCount() != nodes.size()) throw new IllegalStateException("writer changed the node count");
        for (int i = 0; i < nodes.size(); i++) gb.getNodeBuilder(i).setName(nodes.get(i).id());
        return b.build().toByteArray();
    }

    private static HostProfile profile(ModelRef ref, Graph g, OrtTrace t, Options o) throws StudioException {
        if (t.runMicros().size() != o.warmup() + o.runs()) {
            throw new StudioException(ref.file(), "", "ONNX Runtime's profile holds " + t.runMicros().size() + " runs, expected "
                    + (o.warmup() + o.runs()));
        }
        List<Map<String, Double>> counted = t.nodeMicrosPerRun().subList(o.warmup(), t.runMicros().size());
        List<HostProfile.NodeTime> nodes = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (Node n : g.nodes()) {
            double[] v = counted.stream().filter(m -> m.containsKey(n.id())).mapToDouble(m -> m.get(n.id())).toArray();
            if (v.length == 0) {
                unreported.add(n.id());
                continue;
            }
            Arrays.sort(v);
            nodes.add(new HostProfile.NodeTime(n.id(), n.name(), n.opType(), median(v), v[0], v[v.length - 1]));
        }
        double[] runs = t.runMicros().subList(o.warmup(), t.runMicros().size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new HostProfile(ref, HostMachine.cpuName(), o.threads(), OrtRunner.ortVersion(), o.runs(), o.warmup(), median(runs), nodes, unreported);
    }

    /** Median of sorted values (mean of the middle two for an even count). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing a measurement
        }
    }
}
