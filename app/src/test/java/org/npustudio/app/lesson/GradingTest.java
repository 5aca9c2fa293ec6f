package org.npustudio.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correct and a wrong scripted student on one lesson that uses every kind of check: each check gives the
 * expected pass/fail and message, computed from real files (compile, ONNX Runtime, plan validator, simulator).
 */
class GradingTest {
    static final String STEPS = """
              - {id: p, type: predict, title: P, text: p, measure: {type: macs, node: /conv2/Conv}, tolerance: {rel: 0.02}, unit: MACs,
                 checks: [{type: answer, points: 2, message: "Outputs x inputs x kernel."}]}
              - id: c
                type: choice
                title: C
                text: c
                options: [{id: a, text: A}, {id: b, text: B, correct: true}]
              - {id: n, type: numeric, title: N, text: n, answer: 12, unit: nodes}
              - id: optimise
                type: action
                title: Optimise
                text: run compile
                checks:
                  - {type: ort_equal, points: 3, message: "The outputs changed, so a pass (or you) broke the model."}
                  - {type: node_count, compare: "<=", value: 12, points: 1, message: "Too many nodes."}
                  - {type: op_present, op: Gemm, min: 3, points: 1, hidden: true, message: "Secret: the Gemms went missing."}
              - id: plan
                type: action
                title: Plan
                text: partition
                checks:
                  - {type: plan_legal, points: 2, message: "The plan is not legal."}
                  - {type: partition_count, value: 2, points: 1, message: "Use two partitions."}
                  - {type: node_on_device, node: /fc1/Gemm, device: cpu, points: 1, hidden: true, message: "fc1 belongs on the CPU."}
                  - {type: dram_reduction_min, node: /conv1/Conv, factor: 2, points: 2, message: "Fuse conv1 with what follows, so its output stays on chip."}
                  - {type: latency_max_us, us: 30, points: 1, message: "Too slow, say \\"fast\\", please."}
                  - {type: measure, measure: {type: cycles, node: /conv2/Conv}, compare: "<=", value: 1000000, points: 1, message: "Conv2 takes too long."}
            """;

    @TempDir Path dir;
    Lesson lesson;

    @BeforeEach
    void read() throws Exception {
        lesson = LessonReader.read(LessonFixture.write(dir, "grading", LessonFixture.header("grading", 1) + STEPS));
    }

    /** Results by "step/type" ("step/type#index" for a second check of a type in one step). */
    private static Map<String, CheckResult> byKey(Grade g) {
        Map<String, CheckResult> out = new LinkedHashMap<>();
        for (StepResult s : g.steps()) {
            for (CheckResult c : s.checks()) {
                String key = s.step().id() + "/" + c.check().type();
                out.put(out.containsKey(key) ? key + "#" + c.check().index() : key, c);
            }
        }
        return out;
    }

    @Test
    void correctStudentGetsFullMarks() throws Exception {
        LessonSession s = LessonSession.start(lesson, dir.resolve("ws"));
        Reveal r = s.predict("p", 240000);
        assertEquals(240000, r.answer(), "16 x 10 x 10 outputs, each 6 x 5 x 5 MACs");
        assertTrue(r.within());
        s.answer("c", "b");
        s.answer("n", "12");
        Path model = s.workspace().resolve(Workspaces.MODEL);
        Student.npustudio("compile", model.toString(), "-o", model.toString());
        Student.writeGoodPlan(s.workspace());

        Grade g = s.grade();
        Map<String, CheckResult> c = byKey(g);
        c.values().forEach(x -> assertTrue(x.passed(), x.check().type() + ": " + x.detail()));
        assertTrue(g.full());
        assertEquals(g.possible(), g.earned());
        assertEquals(lesson.totalPoints(), g.possible());
        assertEquals("predicted 240000 MACs, measured 240000 MACs (tolerance ±2%)", c.get("p/answer").detail());
        assertEquals("answered b", c.get("c/answer").detail());
        assertTrue(c.get("optimise/ort_equal").detail().startsWith("largest difference") || c.get("optimise/ort_equal").detail().equals("identical"),
                c.get("optimise/ort_equal").detail());
        assertEquals("hidden check", c.get("optimise/op_present").studentMessage());
        assertEquals("legal", c.get("plan/plan_legal").detail());
        assertTrue(c.get("plan/node_on_device").detail().contains("on cpu (cpu)"), c.get("plan/node_on_device").detail());
        assertTrue(c.get("plan/dram_reduction_min").detail().matches("\\d+ → \\d+ bytes, [0-9.]+×"), c.get("plan/dram_reduction_min").detail());
    }

    @Test
    void wrongStudentFailsTheRightChecksWithTheRightMessages() throws Exception {
        LessonSession s = LessonSession.start(lesson, dir.resolve("ws"));
        Reveal r = s.predict("p", 100000);
        assertFalse(r.within());
        assertEquals(140000, r.gap());
        s.answer("c", "a");
        s.answer("n", "13");
        Student.scaleWeights(s.workspace(), "/conv1/Conv", 1.5f);
        Student.writeBadPlan(s.workspace());
        Files.writeString(s.workspace().resolve(Workspaces.NPU),
                Files.readString(LessonFixture.NPU).replace("bandwidth_gbps: 8", "bandwidth_gbps: 1"));

        Grade g = s.grade();
        Map<String, CheckResult> c = byKey(g);
        assertFalse(g.full());
        assertEquals("Outputs x inputs x kernel. (predicted 100000 MACs, measured 240000 MACs (tolerance ±2%))", c.get("p/answer").studentMessage());
        assertEquals("Not yet right. (answered a)", c.get("c/answer").studentMessage());
        assertEquals("Not yet right. (answered 13 nodes)", c.get("n/answer").studentMessage(), "the numeric answer is never told");
        CheckResult ort = c.get("optimise/ort_equal");
        assertFalse(ort.passed());
        assertTrue(ort.studentMessage().startsWith("The outputs changed, so a pass (or you) broke the model. (output 'output' differs"), ort.studentMessage());
        assertTrue(c.get("optimise/node_count").passed(), "12 nodes are still 12");
        assertTrue(c.get("optimise/op_present").passed());
        CheckResult legal = c.get("plan/plan_legal");
        assertFalse(legal.passed());
        assertTrue(legal.detail().contains("error") && legal.detail().toLowerCase().contains("convex"), legal.detail());
        assertTrue(c.get("plan/partition_count").passed(), "p0 and the rest: " + c.get("plan/partition_count").detail());
        CheckResult fc1 = c.get("plan/node_on_device");
        assertFalse(fc1.passed());
        assertEquals("hidden check", fc1.studentMessage(), "a hidden check tells neither its message nor what was found");
        assertTrue(fc1.detail().contains("in partition p0 on npu0 (npu)"), fc1.detail());
        assertFalse(c.get("plan/dram_reduction_min").passed(), c.get("plan/dram_reduction_min").detail());
        assertFalse(c.get("plan/latency_max_us").passed(), "1 GB/s of DRAM: " + c.get("plan/latency_max_us").detail());
        assertEquals("Too slow, say \"fast\", please. (" + c.get("plan/latency_max_us").detail() + ")", c.get("plan/latency_max_us").studentMessage());
        assertTrue(c.get("plan/measure").passed());
        int earned = c.values().stream().mapToInt(CheckResult::earned).sum();
        assertEquals(g.earned(), earned);
        assertEquals(1 + 1 + 1 + 1, earned, "node_count, op_present, partition_count and the cycles measure");
    }

    @Test
    void missingPlanFailsPlanChecksWithoutStoppingTheGrade() throws Exception {
        LessonSession s = LessonSession.start(lesson, dir.resolve("ws"));
        Grade g = s.grade();
        Map<String, CheckResult> c = byKey(g);
        assertEquals("plan.yaml: missing; make or save a partition plan first", c.get("plan/plan_legal").detail());
        assertEquals("no prediction committed yet", c.get("p/answer").detail());
        assertTrue(c.get("optimise/ort_equal").passed(), "the untouched model computes what it computed");
        assertTrue(c.get("plan/latency_max_us").passed(), "no plan: everything on the teaching NPU");
    }

    @Test
    void gradeExportsAsJsonAndCsv() throws Exception {
        LessonSession s = LessonSession.start(lesson, dir.resolve("ws"));
        s.answer("c", "b");
        Files.writeString(s.workspace().resolve(Workspaces.NPU),
                Files.readString(LessonFixture.NPU).replace("bandwidth_gbps: 8", "bandwidth_gbps: 1"));
        Grade g = s.grade();
        JsonNode j = new ObjectMapper().readTree(GradeExport.json(g));
        assertEquals("grading", j.get("lesson").asText());
        assertEquals(g.earned(), j.get("earned").asInt());
        assertEquals(g.possible(), j.get("possible").asInt());
        assertFalse(j.get("full").asBoolean());
        assertEquals(lesson.steps().size(), j.get("steps").size());
        JsonNode hidden = j.get("steps").get(3).get("checks").get(2);
        assertTrue(hidden.get("hidden").asBoolean());
        assertEquals("hidden check", hidden.get("message").asText());
        assertEquals(1, j.get("steps").get(1).get("earned").asInt());

        String csv = GradeExport.csv(g);
        String[] rows = csv.split("\n");
        int checks = lesson.steps().stream().mapToInt(st -> st.checks().size()).sum();
        assertEquals(1 + checks, rows.length);
        assertEquals(String.join(",", GradeExport.CSV_HEADER), rows[0]);
        assertTrue(csv.contains(",\"Too slow, say \"\"fast\"\", please. ("), "a message with a comma and quotes is quoted: " + csv);
    }

    static final String QUANT_STEPS = """
              - id: quantize
                type: action
                title: Quantize
                text: quantize to int8
                checks:
                  - {type: sqnr_min, db: 15, points: 2, message: "The int8 model drifted too far from fp32."}
                  - {type: sqnr_min, layer: /conv2/Conv, db: 25, points: 1, message: "conv2 lost too much precision."}
                  - {type: op_present, op: DequantizeLinear, points: 1, message: "Nothing was quantized."}
                  - {type: dram_bytes_max, node: /conv2/Conv, bytes: 6000, points: 1, message: "conv2 refetches its inputs."}
            """;

    @Test
    void quantizedModelAndDramTrafficAreMeasured() throws Exception {
        Lesson q = LessonReader.read(LessonFixture.write(dir, "quant", LessonFixture.header("quant", 1) + QUANT_STEPS));
        LessonSession good = LessonSession.start(q, dir.resolve("good"));
        Path pipeline = Files.writeString(dir.resolve("int8.yaml"), "passes:\n  - quantize\n");
        Path model = good.workspace().resolve(Workspaces.MODEL);
        Student.npustudio("compile", model.toString(), "--pipeline", pipeline.toString(), "-o", model.toString());
        Map<String, CheckResult> c = byKey(good.grade());
        c.values().forEach(x -> assertTrue(x.passed(), x.check().describe() + ": " + x.detail()));
        assertTrue(c.get("quantize/sqnr_min").detail().matches("\\d+\\.\\d dB"), c.get("quantize/sqnr_min").detail());

        LessonSession bad = LessonSession.start(q, dir.resolve("bad"));
        Student.scaleWeights(bad.workspace(), "/conv2/Conv", 2f);
        // conv2's weighted sum doubled (its bias not): about 0 dB at conv2, and the model output suffers too
        Files.writeString(bad.workspace().resolve(Workspaces.NPU), Files.readString(LessonFixture.NPU)
                .replace("ifmap_kb: 256, filter_kb: 256, ofmap_kb: 128", "ifmap_kb: 1, filter_kb: 1, ofmap_kb: 1"));
        Map<String, CheckResult> b = byKey(bad.grade());
        List<String> failed = b.entrySet().stream().filter(e -> !e.getValue().passed()).map(Map.Entry::getKey).toList();
        assertEquals(List.of("quantize/sqnr_min", "quantize/sqnr_min#1", "quantize/op_present", "quantize/dram_bytes_max"), failed,
                "both SQNR checks, the missing DequantizeLinear and the refetching conv2: " + b);
        assertTrue(c.get("quantize/sqnr_min#1").detail().matches("\\d+\\.\\d dB"), c.get("quantize/sqnr_min#1").detail());
        assertTrue(b.get("quantize/dram_bytes_max").detail().startsWith("DRAM bytes of /conv2/Conv on npu.yaml is "), b.get("quantize/dram_bytes_max").detail());
    }

    static final String BLOCK_STEPS = """
              - id: block
                type: action
                title: Block
                text: fuse
                checks:
                  - {type: measure, measure: {type: dram_bytes, nodes: [/conv1/Conv, /act1/Tanh, /conv2/Conv], fuse: none}, compare: ">", value: 0, message: m}
                  - {type: dram_reduction_min, nodes: [/conv1/Conv, /act1/Tanh], fuse: auto, factor: 1, message: m}
                  - {type: measure, measure: {type: latency_us, nodes: [/conv1/Conv, /act1/Tanh, /conv2/Conv]}, compare: ">", value: 0, message: m}
            """;

    @Test
    void aBlockMeasureIsTheSumOfItsNodes() throws Exception {
        Lesson b = LessonReader.read(LessonFixture.write(dir, "block", LessonFixture.header("block", 1) + BLOCK_STEPS));
        WorkState work = LessonSession.start(b, dir.resolve("ws")).work();
        List<Check> checks = b.step("block").orElseThrow().checks();
        for (int i : new int[] {0, 2}) {
            Measure block = checks.get(i).rule().measures().get(0);
            double sum = 0;
            for (String n : block.nodes()) {
                sum += Measures.compute(new Measure(block.type(), java.util.Map.of("node", n), List.of(), Measure.On.WORKSPACE, block.place()), work);
            }
            assertTrue(sum > 0, block.describe());
            assertEquals(sum, Measures.compute(block, work), 1e-9, block.describe());
        }
        assertEquals("DRAM bytes of the 3 nodes /conv1/Conv … /conv2/Conv on npu.yaml", checks.get(0).rule().measures().get(0).describe());
        Grade g = LessonSession.open(b, dir.resolve("ws")).grade();
        assertTrue(g.full(), () -> g.steps().get(0).checks().toString());
    }
}
