package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;

/** --input-shape, --dim and --input-value on the commands, on real corpus models. */
class ShapeOptionsCommandTest {
    static final Path ROOT = TestData.root();
    static final Path MODELS = TestData.realModelsDir();
    static final String MEL = MODELS.resolve("melspectrogram.onnx").toString();
    static final String DET = MODELS.resolve("ch_PP-OCRv4_det_infer.onnx").toString();
    static final String SILERO = MODELS.resolve("silero_vad_v4.onnx").toString();
    static final String NPU = ROOT.resolve("samples/npu/edge-npu-8tops.yaml").toString();
    static final String DEVICES = ROOT.resolve("partition-editor/src/main/resources/org/npustudio/partition/editor/model/builtin-devices.yaml").toString();

    @TempDir
    Path dir;

    private static Map<String, Object> inspect(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), r.err());
        return JsonOracle.object(r.out());
    }

    @Test
    void inspectWithABindingKnowsEveryMac() {
        Map<String, Object> unbound = inspect("inspect", DET, "--json");
        Map<String, Object> bound = inspect("inspect", DET, "--json", "--input-shape", "x=1x3x640x640");
        assertEquals(0.0, ((Number) unbound.get("knownMacs")).doubleValue(), "unbound H/W: no Conv is costed");
        assertTrue(((Number) bound.get("knownMacs")).doubleValue() > 2e9, "PP-OCRv4 det at 640x640: " + bound);
        // only the 6 Resize nodes stay uncosted (the cost model has no rule for Resize; their shapes are known)
        assertEquals(6.0, ((Number) bound.get("unknownCostNodes")).doubleValue());
        Object byDim = inspect("inspect", MEL, "--json", "--input-shape=input=1x1280").get("macs");
        assertTrue(byDim instanceof Number n && n.doubleValue() > 0, String.valueOf(byDim));
    }

    @Test
    void simulateSeesTheBoundShapes() {
        CliRun unbound = CliRun.of("simulate", MEL, "--npu", NPU);
        CliRun bound = CliRun.of("simulate", MEL, "--npu", NPU, "--input-shape", "input=1x1280");
        assertEquals(0, bound.status(), bound.err());
        assertTrue(macs(bound.out()) > 0, bound.out());
        assertTrue(unbound.status() != 0 || macs(unbound.out()) < macs(bound.out()), unbound.out() + unbound.err());
    }

    private static long macs(String table) {
        for (String line : table.split("\n")) {
            String t = line.trim();
            if (t.startsWith("total")) return Long.parseLong(t.replaceAll(".*MACs\\s+(\\d+).*", "$1"));
        }
        throw new AssertionError("no total line in " + table);
    }

    @Test
    void checkRunsASymbolicModelOnceBoundAndAsksForShapesOtherwise() throws Exception {
        String plan = dir.resolve("plan.yaml").toString();
        CliRun auto = CliRun.of("partition", "auto", MEL, "--devices", DEVICES, "-o", plan, "--input-shape", "input=1x1280");
        assertEquals(0, auto.status(), auto.err());
        CliRun unbound = CliRun.of("check", MEL, "--plan", plan);
        assertEquals(2, unbound.status(), unbound.out() + unbound.err());
        assertEquals(1, unbound.errLines().length, unbound.err());
        assertTrue(unbound.err().contains("--input-shape input="), unbound.err());
        CliRun bound = CliRun.of("check", MEL, "--plan", plan, "--input-shape", "input=1x1280");
        assertEquals(0, bound.status(), bound.out() + bound.err());
    }

    @Test
    void compileWritesTheBoundStaticShapes() throws Exception {
        Path out = dir.resolve("mel.onnx");
        CliRun r = CliRun.of("compile", MEL, "-o", out.toString(), "--input-shape", "input=1x1280");
        assertEquals(0, r.status(), r.err());
        org.npustudio.ir.Model compiled = org.npustudio.onnx.ModelOpener.open(out);
        assertEquals("[1,1280]", compiled.graph().inputs().get(0).tensorType().shape().toString());
        assertTrue(org.npustudio.shape.ShapeBinding.unboundInputs(compiled).isEmpty());
    }

    @Test
    void inputValueSpecialisesSileroForItsSampleRate() throws Exception {
        String plan = dir.resolve("silero.yaml").toString();
        List<String> shapes = List.of("--input-shape", "input=1x512", "--input-shape", "h=2x1x64", "--input-shape", "c=2x1x64",
                "--input-value", "sr=16000");
        CliRun auto = CliRun.of(concat(List.of("partition", "auto", SILERO, "--devices", DEVICES, "-o", plan), shapes));
        assertEquals(0, auto.status(), auto.err());
        CliRun bad = CliRun.of(concat(List.of("check", SILERO, "--plan", plan, "--input-value", "sr=fast"), shapes.subList(0, 6)));
        assertEquals(2, bad.status(), bad.err());
        assertEquals("npustudio: --input-value: sr: 'fast' is not a valid int64 value", bad.err().trim());
        CliRun run = CliRun.of(concat(List.of("check", SILERO, "--plan", plan), shapes));
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("identical"), run.out());
        assertFalse(run.out().contains("input sr"), "sr is a constant of the specialised model, not an input: " + run.out());
        CliRun inspect = CliRun.of(concat(List.of("inspect", SILERO), shapes));
        assertEquals(0, inspect.status(), inspect.err());
        assertFalse(inspect.out().contains("sr "), inspect.out());
        assertFalse(inspect.out().lines().anyMatch(l -> l.trim().startsWith("If ")), "no If left: " + inspect.out());
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    /** The detector's input as paddle2onnx declares it. */
    static final String P2O = "[p2o.DynamicDimension.0,3,p2o.DynamicDimension.1,p2o.DynamicDimension.2]";

    @Test
    void badBindingsAreOneLineWithStatusTwo() {
        String[][] cases = {
                {"inspect", DET, "--input-shape", "img=1x3x8x8"},
                {"render", DET, "-o", "x.svg", "--input-shape", "x=1x3x8"},
                {"layout", DET, "--input-shape", "x=1x4x8x8"},
                {"inspect", DET, "--dim", "height=8"},
                {"simulate", DET, "--npu", NPU, "--input-shape", "x=1x3x0x8"},
                {"compile", DET, "-o", "x.onnx", "--input-shape", "x=1x3xbig"},
        };
        String[] expected = {
                "npustudio: --input-shape: img: the model has no input named 'img'; inputs: x",
                "npustudio: --input-shape: x: input 'x' has rank 4 " + P2O + ", the binding gives 3 (1x3x8)",
                "npustudio: --input-shape: x: dimension 1 of input 'x' is 3 in the model " + P2O + ", the binding gives 4",
                "npustudio: --dim: height: the model's inputs have no dimension named 'height'; symbols: "
                        + "p2o.DynamicDimension.0, p2o.DynamicDimension.1, p2o.DynamicDimension.2",
                "npustudio: --input-shape: x: dimension 0 must be at least 1",
                "npustudio: --input-shape: x: 'big' is not a whole number",
        };
        for (int i = 0; i < cases.length; i++) {
            CliRun r = CliRun.of(cases[i]);
            assertEquals(2, r.status(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(expected[i], r.err().trim());
        }
    }

    @Test
    void everyShapeCommandListsTheOptions() {
        for (String command : List.of("inspect", "render", "layout", "simulate", "report", "partition auto", "partition validate", "export",
                "check", "compile", "bench passes", "measure")) {
            CliRun r = CliRun.of(("help " + command).split(" "));
            assertTrue(r.out().contains("--input-shape=NAME=DIMS") && r.out().contains("--dim=SYMBOL=N"), command + ": " + r.out());
        }
        assertTrue(CliRun.of("help", "check").out().contains("--input-value=NAME=V"));
    }
}
