package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.cli.Cli;
import org.npustudio.app.cli.Commands;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.RealModel;
import org.npustudio.testdata.TestData;

/**
 * The real-model acceptance chain: every model of the corpus (models.yaml) goes through the real CLI as a
 * user would run it — inspect, simulate with its shape binding, partition auto, check (bit-identical),
 * compile (loaded and compared in ONNX Runtime by {@link CompiledModelComparison}), int8 — and each step
 * must end as models.yaml expects. The outcome table is written to {@code target/model-support.md}; the
 * project's model-support matrix (docs/model-support.md) is that table.
 */
class RealModelCorpusTest {
    private static final Path CORPUS = TestData.realModelsDir();
    private static final Path NPU = TestData.inCheckout("samples/npu/edge-npu-8tops.yaml");
    private static final Path DEVICES = TestData.inCheckout(
            "partition-editor/src/main/resources/org/npustudio/partition/editor/model/builtin-devices.yaml");
    private static final List<String> STEPS = List.of("open", "simulate", "partition", "check", "compile", "int8");
    private static final Map<String, Map<String, String>> TABLE = new LinkedHashMap<>();
    private static final Map<String, RealModel> ENTRIES = new LinkedHashMap<>();

    @TempDir static Path scratch;

    @TestFactory
    Stream<DynamicTest> everyModelRunsTheWholeChain() {
        List<RealModel> corpus = TestData.realModelCorpus();
        assertTrue(corpus.stream().filter(m -> !m.derived()).count() >= 20, "the corpus lists at least 20 real models");
        return corpus.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> chain(e)));
    }

    private void chain(RealModel e) throws Exception {
        Path dir = Files.createDirectories(scratch.resolve(e.name()));
        Path file = e.derived() ? derive(e, dir) : TestData.realModel(e.file());
        ENTRIES.put(e.name(), e);
        Map<String, String> row = new LinkedHashMap<>();
        TABLE.put(e.name(), row);
        List<String> failures = new ArrayList<>();

        step(e, row, failures, "open", () -> {
            Outcome o = cli("inspect", file.toString(), "--json");
            return o.ok() ? ok(json(o.out()).path("nodes").asText() + " nodes") : o.error();
        });
        step(e, row, failures, "simulate", () -> {
            Outcome o = cli(args(List.of("simulate", file.toString(), "--npu", NPU.toString(), "--format", "json",
                    "-o", dir.resolve("sim").toString()), bindingArgs(e)));
            if (!o.ok()) return o.error();
            JsonNode total = json(Files.readString(dir.resolve("sim/simulation.json"))).path("total");
            long macs = total.path("macs").asLong();
            double dram = total.path("dram_read_bytes").asDouble() + total.path("dram_write_bytes").asDouble();
            long uncosted = total.path("uncosted_ops").asLong();
            if (macs <= 0 || dram <= 0) return "no cost: " + macs + " MACs, " + (long) dram + " DRAM bytes";
            return ok(String.format("%,d MACs, %,d B DRAM%s", macs, (long) dram, uncosted > 0 ? ", " + uncosted + " ops not costed" : ""));
        });
        Path plan = dir.resolve("plan.yaml");
        step(e, row, failures, "partition", () -> {
            Outcome o = cli(args(List.of("partition", "auto", file.toString(), "--devices", DEVICES.toString(), "-o",
                    plan.toString()), bindingArgs(e)));
            return o.ok() ? ok(lastLine(o.out()).replaceFirst("^.*: ", "")) : o.error();
        });
        step(e, row, failures, "check", () -> {
            if (!Files.exists(plan)) return "no plan";
            Outcome o = cli(args(List.of("check", file.toString(), "--plan", plan.toString()), bindingArgs(e)));
            String last = lastLine(o.out());
            if (o.ok() && last.startsWith("identical")) return ok("bit-identical");
            return o.status() == 1 ? last : o.error(); // 1: the outputs differ; else an error on stderr
        });
        step(e, row, failures, "compile", () -> {
            Path out = dir.resolve("compiled.onnx");
            Outcome o = cli(args(List.of("compile", file.toString(), "-o", out.toString()), bindingArgs(e)));
            if (!o.ok()) return o.error();
            return CompiledModelComparison.compare(file, out, e, 1e-4);
        });
        step(e, row, failures, "int8", () -> {
            Path out = dir.resolve("int8.onnx");
            Path pipeline = dir.resolve("int8.yaml");
            // weights written as Constant nodes (paddle2onnx, the light models) become initializers first
            Files.writeString(pipeline, "passes:\n  - constant-folding\n  - quantize\n");
            Outcome o = cli(args(List.of("compile", file.toString(), "--pipeline", pipeline.toString(), "-o", out.toString()),
                    bindingArgs(e)));
            if (!o.ok()) return o.error();
            return CompiledModelComparison.quantized(file, out, e);
        });
        if (!failures.isEmpty()) throw new AssertionError(e.file() + ":\n  " + String.join("\n  ", failures));
    }

    /**
     * A derived entry, written from its checked-in source: {@code external_data} — every tensor of 1 KiB or
     * more moved to a side file by our writer; {@code int8} — quantized to QDQ by {@code npustudio compile}
     * with the source entry's binding, so the chain then starts from an int8 QDQ model.
     */
    private static Path derive(RealModel e, Path dir) throws Exception {
        Path out = dir.resolve(e.file());
        Path from = CORPUS.resolve(e.derivedFrom());
        if (Boolean.parseBoolean(e.derive().get("int8"))) {
            Path pipeline = dir.resolve("derive-int8.yaml");
            Files.writeString(pipeline, "passes:\n  - constant-folding\n  - quantize\n");
            Outcome o = cli(args(List.of("compile", from.toString(), "--pipeline", pipeline.toString(), "-o", out.toString()), bindingArgs(e)));
            assertEquals(0, o.status(), "deriving " + e.file() + ": " + o.err());
            return out;
        }
        Model m = OnnxReader.read(from);
        OnnxWriter.write(m, out, OnnxWriter.Options.DEFAULT.withExternalData(OnnxWriter.ExternalDataMode.ALL_LARGE, 1024));
        assertTrue(Files.size(out.resolveSibling(e.file() + ".data")) > Files.size(out), "the weights are in the side file");
        return out;
    }

    private interface StepBody { String run() throws Exception; }

    /** Runs one step; its outcome ("ok: detail" or the failure) must match what models.yaml expects. */
    private static void step(RealModel e, Map<String, String> row, List<String> failures, String step, StepBody body) {
        String outcome;
        try {
            outcome = body.run();
        } catch (Exception | AssertionError ex) {
            outcome = "exception: " + ex;
        }
        row.put(step, outcome);
        String expected = e.expect().getOrDefault(step, "ok");
        boolean matches = expected.equals("ok") ? outcome.startsWith("ok") : outcome.contains(expected);
        if (!matches) failures.add(step + ": expected " + expected + ", got " + outcome);
    }

    /**
     * {@code --input-shape}/{@code --input-value} arguments for the CLI, as a user gives them to every
     * command (an input value specialises the opened model, so plan, check and compile must agree on it).
     */
    private static List<String> bindingArgs(RealModel e) {
        List<String> a = new ArrayList<>();
        e.inputs().forEach((k, v) -> { a.add("--input-shape"); a.add(k + "=" + v); });
        e.values().forEach((k, v) -> { a.add("--input-value"); a.add(k + "=" + v); });
        return a;
    }

    static String ok(String detail) { return "ok: " + detail; }

    private static List<String> args(List<String> head, List<String> tail) {
        List<String> a = new ArrayList<>(head);
        a.addAll(tail);
        return a;
    }

    private record Outcome(int status, String out, String err) {
        boolean ok() { return status == 0; }

        String error() {
            String line = err.isBlank() ? "(no message)" : err.strip().lines().reduce((x, y) -> y).orElse("");
            return "exit " + status + ": " + line;
        }
    }

    private static Outcome cli(List<String> argv) { return cli(argv.toArray(String[]::new)); }

    private static Outcome cli(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(Commands.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(argv);
        String e = err.toString(StandardCharsets.UTF_8);
        assertFalse(e.contains("\tat org.npustudio"), "no stack trace from npustudio " + String.join(" ", argv) + ":\n" + e);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), e);
    }

    private static String lastLine(String text) {
        return text.strip().lines().reduce((x, y) -> y).orElse("");
    }

    private static JsonNode json(String text) {
        return JsonOracle.tree(text);
    }

    /** The model-support matrix: one row per model that ran, one column per step. */
    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder b = new StringBuilder("| model | exporter | features |");
        STEPS.forEach(s -> b.append(' ').append(s).append(" |"));
        b.append("\n|---|---|---|").append("---|".repeat(STEPS.size())).append('\n');
        TABLE.forEach((name, row) -> {
            RealModel e = ENTRIES.get(name);
            b.append("| ").append(name).append(" | ").append(e.exporter()).append(" | ").append(String.join(", ", e.features())).append(" |");
            for (String s : STEPS) b.append(' ').append(row.getOrDefault(s, "").replace("|", "/")).append(" |");
            b.append('\n');
        });
        Path out = Path.of("target", "model-support.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
        System.out.println("[real-models] model-support table written to " + out.toAbsolutePath() + "\n" + b);
    }
}
