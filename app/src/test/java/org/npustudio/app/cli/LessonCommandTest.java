package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.lesson.LessonFixture;
import org.npustudio.app.lesson.LessonReader;
import org.npustudio.testdata.TestData;

/** {@code npustudio lesson ...} through the real CLI: output, exit codes, JSON and CSV, refusals. */
class LessonCommandTest {
    static final Path LESSON1 = TestData.inCheckout("samples/lessons/01-reading-a-graph");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** One numeric step worth 2 points and one action step, with a reference solution. */
    private Path tinyLesson(String answer) throws Exception {
        Path folder = LessonFixture.write(dir, "tiny", LessonFixture.header("tiny", 1) + """
                  - {id: count, type: numeric, title: Count, text: "How many nodes?", answer: 12, checks: [{type: answer, points: 2, message: "Count again, please."}]}
                  - {id: keep, type: action, title: Keep, text: keep it, checks: [{type: op_present, op: Gemm, min: 3, message: "Keep the Gemms."}]}
                """);
        Files.createDirectories(folder.resolve("solution"));
        Files.writeString(folder.resolve("solution/answers.yaml"), "count: " + answer + "\n");
        return folder;
    }

    /** Runs {@code body} with {@code npustudio.home} set to {@code home} (where bundled lessons are looked up). */
    private static void withHome(Path home, org.junit.jupiter.api.function.Executable body) throws Throwable {
        String before = System.getProperty("npustudio.home");
        System.setProperty("npustudio.home", home.toString());
        try {
            body.execute();
        } finally {
            if (before == null) System.clearProperty("npustudio.home");
            else System.setProperty("npustudio.home", before);
        }
    }

    @Test
    void listNamesTheBundledLessonsAsTextAndJson() throws Throwable {
        withHome(TestData.root(), () -> {
            CliRun text = CliRun.of("lesson", "list");
            assertEquals(0, text.status(), text.err());
            assertTrue(text.out().contains("01-reading-a-graph") && text.out().contains("02-graph-optimisation"), text.out());
            CliRun json = CliRun.of("lesson", "list", "--json");
            JsonNode arr = JSON.readTree(json.out());
            assertTrue(arr.size() >= 2);
            JsonNode first = arr.get(0);
            var l1 = LessonReader.read(LESSON1);
            assertEquals(l1.id(), first.get("id").asText());
            assertEquals(l1.totalPoints(), first.get("points").asInt());
            assertEquals(l1.steps().size(), first.get("steps").asInt());
            CliRun byId = CliRun.of("lesson", "start", "01-reading-a-graph", dir.resolve("ws").toString());
            assertEquals(0, byId.status(), "a bundled lesson is found by its id: " + byId.err());
        });
    }

    @Test
    void aBrokenBundledLessonIsReportedAndTheOthersStillWork() throws Throwable {
        Path lessons = Files.createDirectories(dir.resolve("home/samples/lessons"));
        LessonFixture.write(lessons, "a-good", LessonFixture.header("a-good", 1) + "  - {id: t, type: theory, title: T, text: x}\n");
        Path bad = LessonFixture.write(lessons, "b-bad", LessonFixture.header("b-bad", 1) + "  - {id: t, type: lecture, title: T, text: x}\n");
        withHome(dir.resolve("home"), () -> {
            CliRun list = CliRun.of("lesson", "list");
            assertEquals(2, list.status());
            assertTrue(list.out().startsWith("a-good "), list.out());
            assertEquals(List.of("npustudio: " + bad.resolve("lesson.yaml") + ": line 10 column 19 (steps[0].type): unknown step type 'lecture'"
                    + " (known: theory, choice, numeric, predict, action)"), List.of(list.errLines()));
            assertEquals(0, CliRun.of("lesson", "start", "a-good", dir.resolve("ws").toString()).status());
        });
    }

    @Test
    void studentFlowOnLessonOne() throws Exception {
        String ws = dir.resolve("ws").toString();
        String l = LESSON1.toString();
        CliRun start = CliRun.of("lesson", "start", l, ws);
        assertEquals(0, start.status(), start.err());
        assertTrue(start.out().startsWith("started 01-reading-a-graph (version 1, 30 min, 22 points) in " + ws + ": model.onnx, npu.yaml"), start.out());

        CliRun none = CliRun.of("lesson", "check", l, ws);
        assertEquals(1, none.status());
        assertTrue(none.out().contains("total 0/22"), none.out());

        CliRun wrong = CliRun.of("lesson", "answer", l, ws, "count-nodes", "13");
        assertEquals(1, wrong.status());
        assertTrue(wrong.out().contains("FAIL  0/1  Count the operator boxes again; weights are not nodes. (answered 13 nodes)"), wrong.out());
        CliRun hint = CliRun.of("lesson", "hint", l, ws, "count-nodes");
        assertTrue(hint.out().startsWith("hint 1 of 2: The Summary tab"), hint.out());
        assertEquals(0, CliRun.of("lesson", "answer", l, ws, "count-nodes", "12").status());
        assertEquals(0, CliRun.of("lesson", "answer", l, ws, "weighted-ops", "gemm,conv").status());

        CliRun predict = CliRun.of("lesson", "answer", l, ws, "predict-conv2-macs", "236000");
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertTrue(lines.get(0).startsWith("committed prediction 236000 MACs for predict-conv2-macs at "), lines.get(0));
        assertEquals("revealed: MACs of /conv2/Conv = 240000 MACs; your prediction 236000, gap 4000 (within tolerance)", lines.get(1));

        Path csv = dir.resolve("grades.csv");
        CliRun json = CliRun.of("lesson", "check", l, ws, "--json", "--csv", csv.toString());
        assertEquals(1, json.status());
        JsonNode g = JSON.readTree(json.out());
        assertEquals(1 + 2 + 3, g.get("earned").asInt());
        assertEquals(22, g.get("possible").asInt());
        assertFalse(g.get("full").asBoolean());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("lesson,version,workspace,step,check,type,hidden,points,earned,passed,message", rows.get(0));
        assertEquals(1 + 11, rows.size(), "one row per check");
        assertTrue(rows.contains("01-reading-a-graph,1," + Path.of(ws).toAbsolutePath() + ",count-nodes,0,answer,false,1,1,true,the answer is right"), rows.toString());

        CliRun step = CliRun.of("lesson", "check", l, ws, "--step", "count-nodes");
        assertEquals(0, step.status(), "one step at full marks exits 0: " + step.out());
    }

    @Test
    void fullMarksExitZero() throws Exception {
        Path lesson = tinyLesson("12");
        String ws = dir.resolve("ws").toString();
        assertEquals(0, CliRun.of("lesson", "start", lesson.toString(), ws).status());
        assertEquals(0, CliRun.of("lesson", "answer", lesson.toString(), ws, "count", "12").status());
        CliRun check = CliRun.of("lesson", "check", lesson.toString(), ws);
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().endsWith("total 3/3 (full marks)\n"), check.out());
    }

    @Test
    void startRefusesAnotherLessonsWorkspaceAndChangesNothing() throws Exception {
        Path ws = dir.resolve("ws");
        assertEquals(0, CliRun.of("lesson", "start", tinyLesson("12").toString(), ws.toString()).status());
        byte[] state = Files.readAllBytes(ws.resolve("lesson-workspace.yaml"));
        CliRun other = CliRun.of("lesson", "start", LESSON1.toString(), ws.toString());
        assertEquals(2, other.status());
        assertEquals(List.of("npustudio: " + ws.resolve("lesson-workspace.yaml") + ": is a workspace of lesson 'tiny', not '01-reading-a-graph'; nothing was changed"),
                List.of(other.errLines()));
        assertArrayEquals(state, Files.readAllBytes(ws.resolve("lesson-workspace.yaml")));
        assertEquals(2, CliRun.of("lesson", "check", LESSON1.toString(), ws.toString()).status());
        Files.writeString(Files.createDirectories(dir.resolve("plain")).resolve("notes.txt"), "x");
        CliRun plain = CliRun.of("lesson", "start", LESSON1.toString(), dir.resolve("plain").toString());
        assertEquals(2, plain.status());
        assertTrue(plain.err().contains("is not empty and not a lesson workspace"), plain.err());
    }

    @Test
    void validateReportsSolutionProblemsAndLessonMistakes() throws Exception {
        CliRun ok = CliRun.of("lesson", "validate", tinyLesson("12").toString());
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertEquals("valid: tiny (version 1, 2 steps): ok; solution 3/3, untouched start 1/3 (1 checks fail)\n", ok.out());

        CliRun wrong = CliRun.of("lesson", "validate", tinyLesson("11").toString());
        assertEquals(1, wrong.status());
        assertTrue(wrong.out().contains("lesson.yaml:10: the reference solution fails step 'count' check 0 (answer): the answer is right — answered 11"),
                wrong.out());
        assertTrue(wrong.out().contains("INVALID: tiny"), wrong.out());

        Path bad = LessonFixture.write(dir, "bad", LessonFixture.header("bad", 1) + "  - {id: x, type: quiz, title: X, text: x}\n");
        CliRun broken = CliRun.of("lesson", "validate", bad.toString());
        assertEquals(2, broken.status());
        assertEquals(List.of("npustudio: " + bad.resolve("lesson.yaml") + ": line 10 column 19 (steps[0].type): unknown step type 'quiz' (known: theory, choice, numeric, predict, action)"),
                List.of(broken.errLines()));
    }

    @Test
    void usageMistakesExitTwo() throws Exception {
        String l = LESSON1.toString();
        for (List<String> args : List.of(List.of("lesson"), List.of("lesson", "frobnicate"), List.of("lesson", "check", l),
                List.of("lesson", "answer", l, "ws", "count-nodes"), List.of("lesson", "check", l, "ws", "--bogus"),
                List.of("lesson", "list", "extra"), List.of("lesson", "start", "no-such-lesson", dir.resolve("x").toString()))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals(1, r.errLines().length, args + ": " + r.err());
        }
    }
}
