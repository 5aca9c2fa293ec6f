package org.npustudio.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;

/** lesson.yaml mistakes are one line naming file, line and problem; a good lesson reads into the types. */
class LessonReaderTest {
    @TempDir Path dir;

    private String error(String steps) throws Exception {
        Path folder = LessonFixture.write(dir, "bad", LessonFixture.header("bad", 1) + steps);
        StudioException e = assertThrows(StudioException.class, () -> LessonReader.read(folder));
        String line = e.oneLine();
        assertTrue(line.startsWith(folder.resolve("lesson.yaml").toString() + ": line "), line);
        assertTrue(!line.contains("\n"), line);
        return line;
    }

    /** An action step (from line 10) whose second check, on line 16, is {@code check}. */
    private static String actionWithSecondCheck(String check) {
        return """
                  - id: x
                    type: action
                    title: X
                    text: x
                    checks:
                      - {type: no_op, op: Tanh, message: m}
                      - %s
                """.formatted(check);
    }

    @Test
    void readsEveryStepType() throws Exception {
        Path folder = LessonFixture.write(dir, "good", LessonFixture.header("good", 3) + """
                  - {id: t, type: theory, title: T, text: "Some text", view: {tab: graph, select: /conv1/Conv, zoom: true}}
                  - id: c
                    type: choice
                    title: C
                    text: pick
                    multiple: true
                    options:
                      - {id: a, text: A, correct: true}
                      - {id: b, text: B}
                      - {id: d, text: D, correct: true}
                  - {id: n, type: numeric, title: N, text: n, answer: 12, tolerance: {abs: 1, rel: 0.1}, unit: nodes}
                  - id: p
                    type: predict
                    title: P
                    text: p
                    measure: {type: cycles, node: /conv1/Conv, on: start}
                    tolerance: 5
                    hints: [first, {text: second, after-failures: 2}]
                    checks: [{type: answer, points: 4}]
                  - id: a
                    type: action
                    title: A
                    text: a
                    checks:
                      - {type: no_op, op: Tanh, points: 2, message: no tanh please}
                      - {type: node_count, op: Gemm, compare: "<=", value: 3, hidden: true, message: too many}
                """);
        Lesson l = LessonReader.read(folder);
        assertEquals("good", l.id());
        assertEquals(3, l.version());
        assertEquals(5, l.steps().size());
        assertEquals(new View("graph", "/conv1/Conv", true), l.steps().get(0).view());
        Question.Choice c = assertInstanceOf(Question.Choice.class, l.steps().get(1).question());
        assertEquals(java.util.Set.of("a", "d"), c.correctIds());
        assertEquals(1, l.steps().get(1).points(), "an answered step without an answer check gets one worth 1 point");
        Question.Numeric n = assertInstanceOf(Question.Numeric.class, l.steps().get(2).question());
        assertEquals(new Tolerance(1, 0.1), n.tolerance());
        Question.Predict p = assertInstanceOf(Question.Predict.class, l.steps().get(3).question());
        assertEquals(MeasureType.CYCLES, p.measure().type());
        assertEquals(Measure.On.START, p.measure().on());
        assertEquals(new Tolerance(5, 0), p.tolerance());
        assertEquals(java.util.List.of(new Hint("first", 0), new Hint("second", 2)), l.steps().get(3).hints());
        assertEquals(4, l.steps().get(3).points());
        Step a = l.steps().get(4);
        assertEquals(3, a.points());
        assertTrue(a.checks().get(1).hidden());
        assertEquals("no Tanh node", a.checks().get(0).describe());
        assertEquals("Gemm nodes <= 3", a.checks().get(1).describe());
        assertEquals(9, l.totalPoints());
    }

    @Test
    void unknownStepTypeNamesItsLine() throws Exception {
        String e = error("  - {id: x, type: essay, title: X, text: x}\n");
        assertTrue(e.contains("line 10 ") && e.contains("unknown step type 'essay'"), e);
    }

    @Test
    void unknownCheckTypeNamesItsLine() throws Exception {
        String e = error(actionWithSecondCheck("{type: latency_min_us, us: 3, message: m}"));
        assertTrue(e.contains("line 16 ") && e.contains("unknown check type 'latency_min_us'") && e.contains("latency_max_us"), e);
    }

    @Test
    void unknownCheckParameterIsRefused() throws Exception {
        String e = error("  - {id: x, type: action, title: X, text: x, checks: [{type: no_op, opp: Tanh, message: m}]}\n");
        assertTrue(e.contains("line 10 ") && e.contains("missing required key 'op'"), e);
        e = error("  - {id: x, type: action, title: X, text: x, checks: [{type: no_op, op: Tanh, points: 1, limit: 3, message: m}]}\n");
        assertTrue(e.contains("unknown key 'limit' for check no_op"), e);
    }

    @Test
    void missingModelNamesTheStartLine() throws Exception {
        Path folder = LessonFixture.write(dir, "nomodel", """
                id: nomodel
                title: T
                version: 1
                minutes: 5
                summary: s
                start:
                  model.onnx: models/absent.onnx
                steps:
                  - {id: t, type: theory, title: T, text: x}
                """);
        StudioException e = assertThrows(StudioException.class, () -> LessonReader.read(folder));
        assertTrue(e.oneLine().contains("lesson.yaml: line 7 ") && e.oneLine().contains("missing file " + folder.resolve("models/absent.onnx")), e.oneLine());
    }

    @Test
    void checkOnAMissingNodeIsAValidationErrorAtItsLine() throws Exception {
        Path folder = LessonFixture.write(dir, "node", LessonFixture.header("node", 1)
                + actionWithSecondCheck("{type: latency_max_us, node: /conv9/Conv, us: 3, message: m}"));
        Lesson l = LessonReader.read(folder);
        StudioException e = assertThrows(StudioException.class, () -> LessonValidator.references(l, null));
        assertTrue(e.oneLine().contains("lesson.yaml: line 16 ") && e.oneLine().contains("no node named '/conv9/Conv'"), e.oneLine());
    }

    @Test
    void viewOnAMissingNodeAndMeasureOnAMissingNpuFileAreRefused() throws Exception {
        Path folder = LessonFixture.write(dir, "view", LessonFixture.header("view", 1) + """
                  - {id: t, type: theory, title: T, text: x, view: {select: conv1}}
                """);
        StudioException e = assertThrows(StudioException.class, () -> LessonValidator.references(LessonReader.read(folder), null));
        assertTrue(e.oneLine().contains("line 10 ") && e.oneLine().contains("no node named 'conv1'"), e.oneLine());
        Path npu = LessonFixture.write(dir, "npu", LessonFixture.header("npu", 1) + """
                  - {id: p, type: predict, title: P, text: p, measure: {type: cycles, npu: big.yaml}}
                """);
        e = assertThrows(StudioException.class, () -> LessonValidator.references(LessonReader.read(npu), null));
        assertTrue(e.oneLine().contains("'big.yaml' is not one of the lesson's start files"), e.oneLine());
    }

    @Test
    void otherMistakesNameTheirLines() throws Exception {
        assertTrue(error("  - {id: x, type: theory, title: X, text: x, checks: [{type: no_op, op: A, message: m}]}\n")
                .contains("a theory step has no checks"));
        assertTrue(error("  - {id: x, type: action, title: X, text: x, checks: [{type: no_op, op: A}]}\n")
                .contains("missing required key 'message'"));
        assertTrue(error("  - {id: x, type: theory, title: X, text: x}\n  - {id: x, type: theory, title: Y, text: y}\n")
                .contains("duplicate step id 'x'"));
        assertTrue(error("  - {id: x, type: choice, title: X, text: x, options: [{id: a, text: A}, {id: b, text: B}]}\n")
                .contains("no option is marked correct"));
        assertTrue(error("  - {id: x, type: predict, title: X, text: x, measure: {type: flops}}\n")
                .contains("unknown measure 'flops'"));
        assertTrue(error("  - {id: x, type: theory, title: X, text: \"see ![fig](figures/none.png)\"}\n")
                .contains("missing figure"));
        assertTrue(error("  - {id: x, type: numeric, title: X, text: x, answer: 3, colour: red}\n")
                .contains("unknown key 'colour' in a numeric step"));
        assertTrue(error("  - {id: x, type: action, title: X, text: x, checks: [{type: answer, message: m}]}\n")
                .contains("an answer check belongs to a choice, numeric or predict step"));
        assertTrue(error("  - {id: x, type: theory, title: X, text: x, view: {tab: code}}\n").contains("unknown tab 'code'"));
        Path shapes = LessonFixture.write(dir, "shapes", LessonFixture.header("shapes", 1)
                .replace("  model.onnx: LENET\n", "  model.onnx: {from: LENET, input-shape: [input=1xq]}\n") + "  - {id: t, type: theory, title: T, text: x}\n");
        StudioException e = assertThrows(StudioException.class, () -> LessonReader.read(shapes));
        assertTrue(e.oneLine().contains("lesson.yaml: line 7 ") && e.oneLine().contains("'q' is not a whole number"), e.oneLine());
    }

    @Test
    void aBlockMeasureNamesItsNodesOnceAndNotWithNode() throws Exception {
        assertTrue(error(actionWithSecondCheck("{type: dram_bytes_max, node: /conv1/Conv, nodes: [/conv2/Conv], bytes: 9, message: m}"))
                .contains("give either node or nodes, not both"));
        assertTrue(error(actionWithSecondCheck("{type: dram_bytes_max, nodes: [/conv1/Conv, /conv2/Conv], bytes: 9, message: m}")
                .replace("nodes: [/conv1/Conv, /conv2/Conv]", "nodes: [/conv1/Conv, /conv1/Conv]")).contains("nodes names a node twice"));
        assertTrue(error("  - {id: p, type: predict, title: P, text: p, measure: {type: dram_bytes, nodes: []}}\n").contains("nodes lists no node"));
        assertTrue(error("  - {id: p, type: predict, title: P, text: p, measure: {type: macs, nodes: [/conv1/Conv]}}\n")
                .contains("unknown key 'nodes' for measure macs"));
        Path missing = LessonFixture.write(dir, "block", LessonFixture.header("block", 1)
                + actionWithSecondCheck("{type: dram_reduction_min, nodes: [/conv1/Conv, /conv9/Conv], factor: 2, message: m}"));
        StudioException e = assertThrows(StudioException.class, () -> LessonValidator.references(LessonReader.read(missing), null));
        assertTrue(e.oneLine().contains("line 16 ") && e.oneLine().contains("no node named '/conv9/Conv'"), e.oneLine());
    }
}
