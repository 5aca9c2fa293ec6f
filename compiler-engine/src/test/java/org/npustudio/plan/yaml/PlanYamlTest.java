package org.npustudio.plan.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.DataType;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.yaml.YamlException;

class PlanYamlTest {
    private static final String SHA = "ab".repeat(32);
    private static final String OTHER_SHA = "cd".repeat(32);

    static Plan sample() {
        Device npu = new Device("npu0", DeviceKind.NPU, "edge-npu.yaml", 0, "", 1 << 20, Set.of("Conv", "Relu"), Set.of(),
                Set.of("int8", "fp16"), Set.of(DataType.FLOAT, DataType.INT8));
        Device cpu = Device.of("cpu", DeviceKind.CPU, 0);
        Plan p = Plan.empty(new ModelRef("m.onnx", SHA), List.of(npu, cpu), "cpu")
                .createPartition("p0", "npu0", List.of(NodeRef.named("conv1"), new NodeRef("Relu_3", ""), new NodeRef("add__2", "add"),
                        NodeRef.named("yes"), NodeRef.named("1e5"), NodeRef.named("a: b")))
                .createPartition("p1", "cpu", List.of(NodeRef.named("softmax")))
                .createPartition("p2", "cpu", List.of());
        p = p.withPartitions(List.of(p.partition("p0").withFusionGroups(List.of(List.of("conv1", "Relu_3"))).withPrecision("int8"),
                p.partition("p1").withNotes("line one\nline two").withLogicalIds(List.of(0, 1)), p.partition("p2")));
        return p.withParallel(List.of(List.of("p1", "p2")));
    }

    @Test
    void writeThenReadGivesTheSamePlan() throws Exception {
        Plan p = sample();
        String text = PlanYamlWriter.write(p);
        PlanYaml.Loaded back = PlanYaml.parse(text, "p.yaml", null);
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        assertEquals(p, back.plan().withComments(PlanComments.NONE));
        assertTrue(text.startsWith("version: 1\nmodel:\n  file: m.onnx\n"), text);
        assertTrue(text.contains("      - {id: Relu_3}\n"), text);
        assertTrue(text.contains("      - 'yes'\n") || text.contains("      - \"yes\"\n"), text);
        assertEquals(text, PlanYamlWriter.write(back.plan()), "stable output");
    }

    @Test
    void aCommentAboveAFusionGroupIsWrittenSoThatItReadsBack() throws Exception {
        String text = """
                version: 1
                devices:
                  - {name: npu0, kind: npu}
                  - {name: cpu, kind: cpu}
                partitions:
                  - name: p0
                    device: npu0
                    nodes: [conv1, relu1]
                    fusion_groups:
                      # conv and its activation
                      - [conv1, relu1]
                """;
        Plan p = PlanYaml.parse(text, "g.yaml", null).plan();
        String out = PlanYamlWriter.write(p);
        PlanYaml.Loaded back = PlanYaml.parse(out, "out.yaml", null);
        assertEquals(p.withComments(PlanComments.NONE), back.plan().withComments(PlanComments.NONE), out);
        assertTrue(out.contains("# conv and its activation"), out);
        // Saved again (SnakeYAML now reads the comment as the first member's): still readable, nothing lost.
        String again = PlanYamlWriter.write(back.plan());
        assertEquals(p.withComments(PlanComments.NONE), PlanYaml.parse(again, "again.yaml", null).plan().withComments(PlanComments.NONE), again);
        assertTrue(again.contains("# conv and its activation"), again);
    }

    @Test
    void commentsSurviveLoadEditSave() throws Exception {
        String text = """
                # Plan for the demo
                version: 1
                model:
                  file: m.onnx
                devices:
                  # the accelerator
                  - name: npu0
                    kind: npu   # ENLIGHT-like
                  - name: cpu
                    kind: cpu
                rest:
                  name: rest
                  device: cpu
                partitions:
                  - name: p0
                    # the backbone
                    device: npu0
                    nodes:
                      - conv1   # first conv
                      - relu1
                  - name: p1
                    device: cpu
                    nodes: [softmax]
                # end of plan
                """;
        Plan p = PlanYaml.parse(text, "c.yaml", null).plan();
        Plan edited = p.rename("p0", "backbone").createPartition("p9", "cpu", List.of(NodeRef.named("extra")));
        String out = PlanYamlWriter.write(edited);
        for (String c : List.of("# Plan for the demo", "# the accelerator", "# ENLIGHT-like", "# the backbone", "# first conv", "# end of plan")) {
            assertTrue(out.contains(c), c + " lost:\n" + out);
        }
        assertTrue(out.indexOf("# the backbone") < out.indexOf("device: npu0") && out.indexOf("name: backbone") < out.indexOf("# the backbone"), out);
        assertTrue(out.contains("- conv1 # first conv"), out);
        assertEquals(edited.withComments(PlanComments.NONE), PlanYaml.parse(out, "c2.yaml", null).plan().withComments(PlanComments.NONE));
    }

    @Test
    void unknownKeysWarnWithTheirLineAndAnotherModelWarns() throws Exception {
        String text = "version: 1\nmodel: {file: m.onnx, sha256: " + SHA + "}\ncolour: red\ndevices:\n  - {name: cpu, kind: cpu, speed: 3}\n";
        PlanYaml.Loaded l = PlanYaml.parse(text, "u.yaml", new ModelRef("other.onnx", OTHER_SHA));
        assertEquals(3, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).contains("line 3") && l.warnings().get(0).contains("colour"), l.warnings().get(0));
        assertTrue(l.warnings().stream().anyMatch(w -> w.contains("line 5") && w.contains("speed")), l.warnings().toString());
        assertTrue(l.warnings().stream().anyMatch(w -> w.contains("made for m.onnx") && w.contains("other.onnx")), l.warnings().toString());
        assertEquals("cpu", l.plan().rest().device(), "without a rest entry the first cpu takes the rest");
        assertFalse(PlanYaml.parse(text, "u.yaml", new ModelRef("m.onnx", SHA)).warnings().stream().anyMatch(w -> w.contains("made for")));
    }

    @Test
    void mistakesNameLineAndColumn() {
        YamlException e = assertThrows(YamlException.class, () -> PlanYaml.parse("version: 1\ndevices: [\n  {name: cpu\n", "bad.yaml", null));
        assertTrue(e.line() >= 3 && e.column() > 0 && e.getMessage().startsWith("bad.yaml: line "), e.getMessage());
        e = assertThrows(YamlException.class, () -> PlanYaml.parse(
                "version: 1\ndevices:\n  - {name: cpu, kind: cpu}\npartitions:\n  - name: p0\n    device: gpu\n", "dev.yaml", null));
        assertEquals(6, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("device 'gpu' is not defined"), e.getMessage());
        e = assertThrows(YamlException.class, () -> PlanYaml.parse("version: 2\ndevices: []\n", "v.yaml", null));
        assertTrue(e.getMessage().contains("unsupported plan version 2"), e.getMessage());
        e = assertThrows(YamlException.class, () -> PlanYaml.parse(
                "version: 1\ndevices:\n  - {name: cpu, kind: gpu}\n", "k.yaml", null));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("kind must be npu or cpu"), e.getMessage());
        e = assertThrows(YamlException.class, () -> PlanYaml.parse(
                "version: 1\ndevices: [{name: cpu, kind: cpu}]\npartitions:\n  - {name: a, device: cpu}\n  - {name: a, device: cpu}\n", "d.yaml", null));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("defined twice"), e.getMessage());
    }

    @Test
    void aliasBombsAndHugeDocumentsAreRefused() {
        StringBuilder bomb = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'm'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            bomb.append("]\n");
            prev = c;
        }
        YamlException e = assertThrows(YamlException.class, () -> PlanYaml.parse(bomb.toString(), "bomb.yaml", null));
        assertTrue(e.getMessage().toLowerCase().contains("alias"), e.getMessage());
        // Many ordinary lines (a single giant scalar is quadratic inside SnakeYAML's reader; see the report).
        StringBuilder big = new StringBuilder("version: 1\nnotes:\n");
        String line = "  - " + "x".repeat(1000) + "\n";
        while (big.length() <= org.npustudio.yaml.SafeYaml.MAX_CODE_POINTS) big.append(line);
        String huge = big.toString();
        e = assertThrows(YamlException.class, () -> PlanYaml.parse(huge, "huge.yaml", null));
        assertTrue(e.getMessage().contains("huge.yaml"), e.getMessage());
    }

    @Test
    void savingIsAtomicAndAnUnwritableFolderIsAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plan.yaml");
        PlanYaml.write(sample(), f);
        assertEquals(sample(), PlanYaml.read(f, null).plan().withComments(PlanComments.NONE));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no temporary file left behind");
        }
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        var err = assertThrows(org.npustudio.error.StudioException.class, () -> PlanYaml.write(sample(), blocker.resolve("plan.yaml")));
        assertTrue(err.getMessage().contains("blocker") && err.getMessage().contains("cannot write: a file is in the way of a folder"),
                err.getMessage());
    }

    @Test
    void partitionNotesKeepTheirLines() throws Exception {
        Partition p1 = PlanYaml.parse(PlanYamlWriter.write(sample()), "n.yaml", null).plan().partition("p1");
        assertEquals("line one\nline two", p1.notes());
        assertEquals(List.of(0, 1), p1.logicalIds());
    }
}
