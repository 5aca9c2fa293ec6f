package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.WeightNodes;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.testdata.RealModel;
import org.npustudio.testdata.TestData;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.shape.ShapeBinding;

/**
 * Every real model of the corpus, auto-partitioned with the partition editor's built-in devices (edge NPU
 * op list + host CPU), exported and checked: no partition takes a weight (initializer or Constant-computed
 * value) as a graph input, no partition holds weights alone, every partition file loads in ONNX Runtime,
 * and the chained partitions are bit-identical to the whole model on the inputs models.yaml binds. Then
 * three seeded random convex plans per model, which scatter Constants away from their readers, split and
 * check bit-identical too, with no weight as a partition input.
 * Fetched models not in the cache are skipped, with a printed reason (TestData).
 */
class RealModelPartitionTest {
    private static final int RANDOM_PLANS = 3;
    private static final Path DEVICES = Path.of("../partition-editor/src/main/resources/org/npustudio/partition/editor/model/builtin-devices.yaml");

    static Stream<RealModel> models() {
        List<RealModel> out = TestData.realModelCorpus().stream().filter(m -> !m.derived()).toList();
        assertTrue(out.size() >= 20, "models.yaml lists the corpus");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void autoPartitionExportsWithWeightsAtHomeAndChecksBitIdentical(RealModel e, @TempDir Path tmp) throws Exception {
        Path file = TestData.realModel(e.file());
        // opened as the CLI opens it with models.yaml's --input-shape and --input-value (specialised, e.g. silero for sr=16000)
        List<String> shapes = new ArrayList<>(), values = new ArrayList<>();
        e.inputs().forEach((k, v) -> shapes.add(k + "=" + v));
        e.values().forEach((k, v) -> values.add(k + "=" + v));
        Model model = ModelOpener.open(file, ShapeBinding.parse(shapes, List.of()).withValues(values));
        DevicesYaml.Loaded devices = DevicesYaml.read(DEVICES);
        Plan plan = AutoPartitioner.partition(model.graph(), ModelRef.of(file), devices.devices(), devices.defaultDevice(),
                AutoPartitioner.Options.DEFAULT);

        PlanBinding b = PlanBinding.bind(plan, model.graph());
        WeightNodes w = b.weights();
        for (int k = 0; k < b.partitionCount(); k++) {
            int[] members = b.members(k);
            if (members.length == 0) continue;
            boolean weightsOnly = true;
            for (int i : members) weightsOnly &= w.isWeight(i);
            assertFalse(weightsOnly && w.count() < b.index().size(), e.file() + ": partition " + b.name(k) + " holds only weights");
        }

        PartitionExporter.Result r = PartitionExporter.export(model, plan, tmp.resolve("out"));
        Set<String> weightValues = weightValues(model, w);
        for (PartitionModel pm : r.split().pieces()) {
            Model piece = OnnxReader.read(tmp.resolve("out").resolve(pm.name() + ".onnx"));
            for (ValueInfo in : piece.graph().inputs()) {
                assertFalse(weightValues.contains(in.name()), e.file() + ": partition " + pm.name() + " receives weight '" + in.name() + "' as an input");
            }
            try (OrtRunner ort = OrtRunner.open(pm.bytes(), pm.name(), OrtRunner.Options.DETERMINISTIC)) {
                assertTrue(ort.outputNames().containsAll(pm.outputs()));
            }
        }

        Map<String, Tensor> inputs = RandomInputs.forGraph(model.graph(), 7);
        SanityChecker.Report report = SanityChecker.check(r.split(), model, inputs, OrtRunner.Options.DETERMINISTIC);
        System.out.printf("[figure] %s: %d partitions (%d weight nodes), check %s%n", e.file(), r.split().pieces().size(), w.count(),
                report.identical() ? "bit-identical" : "max abs " + report.outputs().stream().mapToDouble(SanityChecker.OutputDiff::maxAbs).max().orElse(0));
        assertTrue(report.identical(), e.file() + ": " + report.outputs());

        // hand-made plans scatter Constants away from their readers: they must still stay home
        Map<String, Tensor> expected = SanityChecker.runWhole(r.split(), model, inputs, OrtRunner.Options.DETERMINISTIC);
        Random rnd = new Random(e.file().hashCode());
        for (int t = 0; t < RANDOM_PLANS; t++) {
            PartitionSplitter.Split split = PartitionSplitter.split(model, randomConvexPlan(model, rnd));
            for (PartitionModel pm : split.pieces()) {
                for (String in : pm.inputs()) assertFalse(weightValues.contains(in), e.file() + " random plan " + t + ": " + pm.name() + " receives weight " + in);
            }
            SanityChecker.Report rr = SanityChecker.compare(split, model, inputs, expected, OrtRunner.Options.DETERMINISTIC);
            assertTrue(rr.identical(), e.file() + " random plan " + t + ": " + rr.outputs());
        }
    }

    /** Contiguous chunks (2 to 6) of a random topological order, which picks ready Constants early: always convex. */
    private static Plan randomConvexPlan(Model model, Random r) {
        GraphIndex idx = model.graph().index();
        int n = idx.size();
        int[] indeg = new int[n];
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) if ((indeg[i] = idx.predecessors(i).length) == 0) ready.add(i);
        List<Integer> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int pick = ready.remove(r.nextInt(ready.size()));
            order.add(pick);
            for (int s : idx.successors(pick)) if (--indeg[s] == 0) ready.add(s);
        }
        int parts = Math.min(n, 2 + r.nextInt(5));
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        while (cuts.size() < parts - 1) cuts.add(1 + r.nextInt(n - 1));
        cuts.add(n);
        Plan plan = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("npu", DeviceKind.NPU, 0), Device.of("cpu", DeviceKind.CPU, 0)), "cpu");
        int from = 0;
        int k = 0;
        for (int to : cuts) {
            List<NodeRef> members = new ArrayList<>();
            for (int i = from; i < to; i++) members.add(NodeRef.of(idx.node(order.get(i))));
            plan = plan.createPartition("part" + k++, r.nextBoolean() ? "npu" : "cpu", members);
            from = to;
        }
        return plan;
    }

    private static Set<String> weightValues(Model model, WeightNodes w) {
        Set<String> s = new HashSet<>(model.graph().initializers().keySet());
        GraphIndex idx = model.graph().index();
        for (int i = 0; i < idx.size(); i++) {
            if (!w.isWeight(i)) continue;
            Node n = idx.node(i);
            for (String o : n.outputs()) if (!o.isEmpty()) s.add(o);
        }
        return s;
    }
}
