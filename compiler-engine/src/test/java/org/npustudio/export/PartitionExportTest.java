package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.runtime.OrtRunner;

class PartitionExportTest {
    private static final List<List<String>> THREE = List.of(List.of("mm1", "relu"), List.of("add_b", "soft"), List.of("MatMul_0", "tanh"));

    @Test
    void eachPartitionIsAStandaloneValidModelThatChainsByTensorName(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        Plan plan = SplitModels.plan(m, THREE);
        Path dir = tmp.resolve("out");
        PartitionExporter.Result r = PartitionExporter.export(m, plan, dir);
        assertEquals(List.of("p0.onnx", "p1.onnx", "p2.onnx", "rest.onnx", "plan.yaml"),
                r.files().stream().map(p -> p.getFileName().toString()).toList());
        Model p0 = OnnxReader.read(dir.resolve("p0.onnx"));
        assertEquals(List.of("x"), p0.graph().inputs().stream().map(ValueInfo::name).toList());
        assertEquals(List.of("r1"), p0.graph().outputs().stream().map(ValueInfo::name).toList());
        assertEquals(Set.of("w1"), p0.graph().initializers().keySet(), "only the initializers it uses");
        assertEquals(List.of(new OpsetId("", 17)), p0.opsetImports());
        assertFalse(p0.graph().nodeById("relu").attributes().containsKey("npustudio.note"), "legalized");
        Model p2 = OnnxReader.read(dir.resolve("p2.onnx"));
        assertEquals("MatMul_0", p2.graph().nodes().get(0).name(), "unnamed nodes carry their id as name");
        assertEquals(List.of("r1"), p2.graph().inputs().stream().map(ValueInfo::name).toList());
        Model rest = OnnxReader.read(dir.resolve("rest.onnx"));
        assertEquals(List.of("s", "t2"), rest.graph().inputs().stream().map(ValueInfo::name).toList());
        assertEquals(List.of("y", "z"), rest.graph().outputs().stream().map(ValueInfo::name).toList());
        assertTrue(m.graph().nodeById("relu").attributes().containsKey("npustudio.note"), "the original is untouched");
        assertEquals(plan, PlanYaml.read(dir.resolve("plan.yaml"), null).plan().withComments(PlanComments.NONE));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "no temporary folder left");
        }
    }

    @Test
    void chainedPartitionsAreBitIdenticalToTheWholeModel() throws Exception {
        Model m = SplitModels.branchy();
        Map<String, org.npustudio.ir.Tensor> in = SanityChecker.inputs(m, Map.of(), 42);
        for (List<List<String>> parts : List.of(THREE, List.of(List.of("tanh", "side", "mix")), List.<List<String>>of())) {
            SanityChecker.Report r = SanityChecker.check(m, SplitModels.plan(m, parts), in, OrtRunner.Options.DETERMINISTIC);
            assertTrue(r.identical(), parts + " -> " + r);
            assertEquals(2, r.outputs().size());
            assertEquals(0.0, r.outputs().get(0).maxAbs());
        }
    }

    @Test
    void aNonConvexPartitionIsRefusedWithItsPathAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        Plan bad = SplitModels.plan(m, List.of(List.of("mm1", "soft")));   // mm1 -> relu -> add_b -> soft
        Path dir = tmp.resolve("out");
        StudioException e = assertThrows(StudioException.class, () -> PartitionExporter.export(m, bad, dir));
        assertTrue(e.getMessage().contains("not convex") && e.getMessage().contains("mm1 -> relu -> add_b -> soft"), e.getMessage());
        assertFalse(Files.exists(dir));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void foldersThatCannotTakeTheExportAreClearErrorsAndLoseNothing(@TempDir Path tmp) throws Exception {
        Model m = SplitModels.branchy();
        Plan plan = SplitModels.plan(m, THREE);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        StudioException e = assertThrows(StudioException.class, () -> PartitionExporter.export(m, plan, file.resolve("out")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path foreign = Files.createDirectory(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        e = assertThrows(StudioException.class, () -> PartitionExporter.export(m, plan, foreign));
        assertTrue(e.getMessage().contains("not a previous export") && e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
        // a previous export is replaced as a whole: stale partition files go
        Path out = tmp.resolve("out");
        PartitionExporter.export(m, plan, out);
        PartitionExporter.export(m, SplitModels.plan(m, List.of()), out);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(Set.of("rest.onnx", "plan.yaml"), Set.copyOf(s.map(p -> p.getFileName().toString()).toList()));
        }
        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        if (!Files.isWritable(readOnly)) {   // root ignores permissions
            e = assertThrows(StudioException.class, () -> PartitionExporter.export(m, plan, readOnly.resolve("out")));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        }
        readOnly.toFile().setWritable(true, false);
    }

    @Test
    void nodesLeftInNpuStudiosDomainAreRefused() throws Exception {
        Model m = SplitModels.branchy();
        m.opsetImports().add(new OpsetId("org.npustudio", 1));
        m.graph().addNode(new Node("custom", "custom", "NoSuchFusedOp", "org.npustudio", List.of("z"), List.of("q")));
        m.graph().addOutput(ValueInfo.tensor("q", org.npustudio.ir.DataType.FLOAT, org.npustudio.ir.Shape.of(2, 8)));
        StudioException e = assertThrows(StudioException.class, () -> PartitionSplitter.split(m, SplitModels.plan(m, THREE)));
        assertTrue(e.getMessage().contains("custom") && e.getMessage().contains("no registered rule"), e.getMessage());
    }
}
