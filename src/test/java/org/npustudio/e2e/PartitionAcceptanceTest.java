package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.ModelFiles;
import org.npustudio.export.PartitionExporter;
import org.npustudio.export.SanityChecker;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanValidator;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.TestData;

/**
 * The acceptance: on the ResNet50, MobileNetV2 and transformer samples and the model-zoo light
 * models, the auto plan and 20 seeded random convex plans each export (to disk, as the CLI does) and
 * their chained partitions compute bit-identically what the whole model computes in ONNX Runtime.
 */
class PartitionAcceptanceTest {
    private static final int RANDOM_PLANS = 20;
    /** Samples are built once and kept between runs (ResNet50 is 100 MB and takes a while to build). */
    private static final Path SAMPLES = Path.of("target", "acceptance-samples");
    private static final List<String> TOTALS = new ArrayList<>();

    @TempDir Path tmp;

    private static final Device NPU = Device.of("npu", DeviceKind.NPU, 0).withSupport(Set.of("Conv", "Relu", "Clip", "Add",
            "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "Gemm", "MatMul", "Concat"), Set.of());
    private static final Device CPU = Device.of("cpu", DeviceKind.CPU, 0);

    @Test
    void resnet50() throws Exception { sample("resnet50"); }

    @Test
    void mobilenetv2() throws Exception { sample("mobilenetv2"); }

    @Test
    void transformerEncoder() throws Exception { sample("transformer-encoder"); }

    @Test
    void lightModelZoo() throws Exception {
        for (Path p : TestData.sharedFiles("onnx-testdata/light", ".onnx")) run(p);
    }

    private void sample(String name) throws Exception {
        run(SampleLibrary.ensure(name, SAMPLES.toAbsolutePath()));
    }

    private void run(Path file) throws Exception {
        long t0 = System.nanoTime();
        Model model = ModelFiles.open(file);
        ModelRef ref = ModelRef.of(file);
        Map<String, Tensor> inputs = SanityChecker.inputs(model, Map.of(), 2024);
        List<Plan> plans = new ArrayList<>();
        plans.add(AutoPartitioner.partition(model.graph(), ref, List.of(NPU, CPU), "cpu", AutoPartitioner.Options.DEFAULT));
        Random r = new Random(file.getFileName().toString().hashCode());
        for (int i = 0; i < RANDOM_PLANS; i++) plans.add(randomConvexPlan(model, ref, r));
        Map<String, Tensor> expected = null;
        int partitions = 0;
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            assertTrue(PlanValidator.validate(plan, model.graph()).isLegal(), file + " plan " + i);
            Path dir = tmp.resolve("export" + i);
            PartitionExporter.Result exported = PartitionExporter.export(model, plan, dir);
            if (expected == null) expected = SanityChecker.runWhole(exported.split(), model, inputs, OrtRunner.Options.DETERMINISTIC);
            SanityChecker.Report report = SanityChecker.compare(exported.split(), model, inputs, expected, OrtRunner.Options.DETERMINISTIC);
            assertTrue(report.identical(), file.getFileName() + " plan " + i + " (" + exported.split().pieces().size() + " partitions): " + report);
            partitions += report.partitions();
            deleteTree(dir);
        }
        String line = String.format("%s: %d nodes, auto plan %d partitions, %d plans / %d partitions bit-identical in %.1f s",
                file.getFileName(), model.graph().nodes().size(), plans.get(0).partitions().size(), plans.size(), partitions,
                (System.nanoTime() - t0) / 1e9);
        TOTALS.add(line);
        System.out.println("[acceptance] " + line);
    }

    /** Contiguous chunks (2 to 8, random sizes) of a random topological order, on random devices: always convex. */
    static Plan randomConvexPlan(Model model, ModelRef ref, Random r) {
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
        int parts = Math.min(n, 2 + r.nextInt(7));
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < parts - 1) {
            int c = 1 + r.nextInt(n - 1);
            if (!cuts.contains(c)) cuts.add(c);
        }
        cuts.sort(Comparator.naturalOrder());
        cuts.add(n);
        Plan plan = Plan.empty(ref, List.of(Device.of("npu", DeviceKind.NPU, 0), CPU), "cpu");
        int from = 0;
        for (int k = 0; k < cuts.size(); k++) {
            List<NodeRef> members = new ArrayList<>();
            for (int i = from; i < cuts.get(k); i++) members.add(NodeRef.of(idx.node(order.get(i))));
            // the last chunk is left to the catch-all now and then
            if (k < cuts.size() - 1 || r.nextBoolean()) plan = plan.createPartition("part" + k, r.nextBoolean() ? "npu" : "cpu", members);
            from = cuts.get(k);
        }
        return plan;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @AfterAll
    static void summary() {
        TOTALS.forEach(t -> System.out.println("[acceptance summary] " + t));
    }
}
