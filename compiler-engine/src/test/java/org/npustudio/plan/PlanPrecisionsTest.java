package org.npustudio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.plan.PlanIssue.Kind;
import org.npustudio.plan.nestc.NestcConverter;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.plan.yaml.PlanYamlWriter;
import org.npustudio.yaml.YamlException;

/** Precision per node and per partition: edits, YAML, validation, resolution and NEST-C export. */
class PlanPrecisionsTest {
    private static final String TEXT = """
            version: 1
            model:
              file: diamond.onnx
              sha256: ''
            devices:
              - name: npu
                kind: npu
                index: 0
                precisions: [int8, int4w8a, fp16]
              - name: cpu
                kind: cpu
                index: 0
            rest:
              name: rest
              device: cpu
              precisions:
                d: fp16            # the output in half precision
            partitions:
              - name: p0
                device: npu
                precision: int8
                nodes:
                  - a
                  - b
                precisions:
                  # the wide layer loses little at int4
                  a: int4w8a
            """;

    private static Plan read() throws YamlException {
        PlanYaml.Loaded l = PlanYaml.parse(TEXT, "mixed.yaml", null);
        assertTrue(l.warnings().isEmpty(), l.warnings().toString());
        return l.plan();
    }

    @Test
    void aNodeEntryOverridesItsPartitionWhichOverridesTheDevice() throws Exception {
        Graph g = PlanGraphs.diamond();
        PlanBinding b = PlanBinding.bind(read(), g);
        assertEquals(Map.of("a", Precision.INT4_W8A, "b", Precision.INT8, "d", Precision.FP16), PlanPrecisions.chosen(b));
        Map<String, Precision> resolved = PlanPrecisions.of(b, d -> d.kind() == DeviceKind.CPU ? Precision.FP32 : PlanPrecisions.firstListed(d));
        assertEquals(Precision.FP32, resolved.get("c"), "c is in rest on the cpu, which chose nothing for it");
        assertEquals(Precision.FP16, resolved.get("d"));
        assertEquals(Precision.INT8, PlanPrecisions.firstListed(read().device("npu")));
    }

    @Test
    void writingKeepsTheMapItsCommentsAndIsByteStable() throws Exception {
        Plan p = read();
        String text = PlanYamlWriter.write(p);
        assertTrue(text.contains("    precisions:\n      # the wide layer loses little at int4\n      a: int4w8a\n"), text);
        assertTrue(text.contains("  precisions:\n    d: fp16 # the output in half precision\n"), text);
        Plan back = PlanYaml.parse(text, "again.yaml", null).plan();
        assertEquals(p, back);
        assertEquals(text, PlanYamlWriter.write(back));
    }

    @Test
    void anUnknownPrecisionIsOneLineWithFileLinePartitionAndNode() {
        YamlException e = assertThrows(YamlException.class, () -> PlanYaml.parse(TEXT.replace("a: int4w8a", "a: int3"), "mixed.yaml", null));
        String line = e.getMessage();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("mixed.yaml") && line.contains("line 27") && line.contains("partition p0")
                && line.contains("node 'a'") && line.contains("int3"), line);
    }

    @Test
    void aPrecisionTheDeviceDoesNotOfferIsAnErrorNamingTheNode() throws Exception {
        Plan p = read().assignNodePrecision(List.of("b"), "bf16");
        ValidationReport r = PlanValidator.validate(p, PlanGraphs.diamond());
        List<PlanIssue> bad = r.of(Kind.UNSUPPORTED_PRECISION);
        assertEquals(1, bad.size(), r.issues().toString());
        assertEquals(List.of("b"), bad.get(0).nodes());
        assertEquals("error: partition p0: node b: npu does not offer precision bf16 (it offers int8, int4w8a, fp16)", bad.get(0).toString());
        assertTrue(PlanValidator.validate(read(), PlanGraphs.diamond()).of(Kind.UNSUPPORTED_PRECISION).isEmpty());
        Plan unknown = read().assignPrecision("p0", "int3");
        assertTrue(PlanValidator.validate(unknown, PlanGraphs.diamond()).of(Kind.UNSUPPORTED_PRECISION).get(0).message()
                .startsWith("unknown precision 'int3'"));
    }

    @Test
    void aNodeKeepsItsPrecisionWhenItMovesAndLosesItWhenCleared() throws Exception {
        Plan p = read();
        Plan moved = p.createPartition("p1", "npu", List.of(NodeRef.named("a"), NodeRef.named("d")));
        assertEquals(Map.of("a", "int4w8a", "d", "fp16"), moved.partition("p1").precisions());
        assertTrue(moved.partition("p0").precisions().isEmpty());
        assertTrue(moved.rest().precisions().isEmpty());
        Plan back = moved.removeNodes(List.of("a"));
        assertEquals("int4w8a", back.rest().precisions().get("a"));
        Plan split = p.split("p0", List.of("a"), "p0b");
        assertEquals(Map.of("a", "int4w8a"), split.partition("p0b").precisions());
        assertEquals(Map.of("a", "int4w8a"), split.merge("p0", "p0b").partition("p0").precisions());
        Plan cleared = p.assignNodePrecision(List.of("a", "d"), "");
        assertTrue(cleared.partition("p0").precisions().isEmpty() && cleared.rest().precisions().isEmpty());
        assertEquals("int8", cleared.partition("p0").precisionOf("a"));
        assertEquals("int8", p.assignNodePrecision(List.of("a"), "int8").partition("p0").precisionOf("a"), "the partition's own key is no entry");
        assertNull(p.assignNodePrecision(List.of("a"), "int8").partition("p0").precisions().get("a"));
    }

    @Test
    void nestcExportSaysWhatItDrops() throws Exception {
        List<String> w = NestcConverter.droppedOnExport(read());
        assertEquals(List.of("NEST-C plans have no precision field: partition precisions are not written (p0=int8)",
                "NEST-C plans have no precision field: 2 per-node precisions are not written (partitions p0, rest)"), w);
        Plan none = Plan.empty(ModelRef.UNKNOWN, List.of(PlanGraphs.cpu()), "cpu");
        assertTrue(NestcConverter.droppedOnExport(none).isEmpty());
    }
}
