package org.npustudio.npusim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.CsvOracle;

/** A small real sweep (LeNet-5 and the MLP sample on a few arrays and buffer sizes) run, killed and resumed. */
class SweepRunTest {
    @TempDir
    Path tmp;

    private SweepEvaluator evaluator(String parameters) throws Exception {
        Files.writeString(tmp.resolve("npu.yaml"), """
                name: base
                clock_mhz: 500
                array: {rows: 16, cols: 16, dataflow: os}
                sram: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 32}
                dram: {bandwidth_gbps: 8}
                precisions: [int8, int4]
                """);
        Path sweep = tmp.resolve("sweep.yaml");
        Files.writeString(sweep, "npu: npu.yaml\nparameters:\n" + parameters + "models:\n  - sample: lenet5\n  - sample: mlp\n");
        Path models = Files.createDirectories(tmp.resolve("models"));
        return new SweepEvaluator(SweepSpecReader.read(sweep), s -> SampleLibrary.ensure(s, models), null);
    }

    private static final String PARAMS = """
              array: [8, 16, 32]
              dataflow: [ws, os, is]
              sram_kb: [0.25, 160]
              precision: [int8, fp16]
            """;

    @Test
    void resumeAfterAnInjectedFailureWritesTheSameResultsAsAnUninterruptedRun() throws Exception {
        SweepEvaluator ev = evaluator(PARAMS);
        List<SweepPoint> points = SweepPoints.of(ev.spec());
        assertEquals(3 * 3 * 2 * 2 * 2, points.size());
        Path whole = tmp.resolve("whole");
        SweepRunner.Summary a = SweepRunner.run(ev, points, whole, SweepRunner.Options.defaults().withThreads(2));
        assertEquals(points.size(), a.evaluated());

        Path killed = tmp.resolve("killed");
        AtomicInteger n = new AtomicInteger();
        StudioException e = assertThrows(StudioException.class, () -> SweepRunner.run(ev, points, killed,
                SweepRunner.Options.defaults().withThreads(2).withAfterPoint(r -> {
                    if (n.incrementAndGet() == 9) throw new IllegalStateException("injected failure");
                })));
        assertTrue(e.oneLine().contains("injected failure"), e.oneLine());
        int logged = SweepLog.read(killed.resolve(SweepLog.LOG), new SweepTable(ev.spec())).size();
        assertTrue(logged >= 7 && logged < points.size(), logged + " rows logged"); // at most the points in flight lost
        assertFalse(Files.exists(killed.resolve(SweepResults.CSV)));
        // Half a line, as a kill in the middle of an append leaves it.
        Files.writeString(killed.resolve(SweepLog.LOG), "999,1,lenet5,8,w", java.nio.file.StandardOpenOption.APPEND);

        assertThrows(StudioException.class, () -> SweepRunner.run(ev, points, killed, SweepRunner.Options.defaults()),
                "a second run without --resume is refused");
        SweepRunner.Summary b = SweepRunner.run(ev, points, killed, SweepRunner.Options.defaults().withThreads(2).withResume(true));
        assertEquals(logged, b.skipped());
        assertEquals(points.size() - logged, b.evaluated());
        assertEquals(Files.readString(whole.resolve(SweepResults.CSV)), Files.readString(killed.resolve(SweepResults.CSV)));

        SweepRunner.Summary again = SweepRunner.run(ev, points, killed, SweepRunner.Options.defaults().withResume(true));
        assertEquals(0, again.evaluated());
    }

    @Test
    void resultsCsvHasParametersObjectivesParetoAndInvalidRowsWithReasons() throws Exception {
        SweepEvaluator ev = evaluator(PARAMS);
        List<SweepPoint> points = SweepPoints.of(ev.spec());
        Path dir = tmp.resolve("out");
        SweepRunner.run(ev, points, dir, SweepRunner.Options.defaults().withThreads(2));
        CsvOracle.Table t = CsvOracle.read(Files.readString(dir.resolve(SweepResults.CSV)));
        assertEquals(List.of("id", "config", "model", "array", "dataflow", "sram_kb", "precision", "status", "reason", "latency_us",
                "energy_uj", "area_mm2", "dram_bytes", "utilisation", "dw_utilisation", "macs", "uncosted", "pareto"), t.header());
        assertEquals(points.size(), t.rows().size());

        // Row 0: the first point, checked against a direct evaluation.
        SweepRow direct = ev.evaluate(points.get(0));
        assertEquals("0", t.get(0, "id"));
        assertEquals("lenet5", t.get(0, "model"));
        assertEquals(List.of("8", "ws", "0.25", "int8"), List.of(t.get(0, "array"), t.get(0, "dataflow"), t.get(0, "sram_kb"), t.get(0, "precision")));
        assertEquals(direct.ok() ? "ok" : "invalid", t.get(0, "status"));

        int invalid = 0;
        for (int i = 0; i < t.rows().size(); i++) {
            boolean ok = t.get(i, "status").equals("ok");
            if (!ok) {
                invalid++;
                assertFalse(t.get(i, "reason").isEmpty());
                assertEquals("", t.get(i, "latency_us"));
                assertEquals("false", t.get(i, "pareto"));
            } else {
                assertTrue(Double.parseDouble(t.get(i, "latency_us")) > 0);
                assertTrue(Double.parseDouble(t.get(i, "energy_uj")) > 0);
            }
        }
        // fp16 is not among the base NPU's precisions; a 256-byte buffer holds no tile.
        assertTrue(t.column("reason").stream().anyMatch(r -> r.contains("precision fp16 is not among the NPU's precisions")));
        assertTrue(t.column("reason").stream().anyMatch(r -> r.contains("cannot hold one double-buffered tile")), t.column("reason").toString());
        assertTrue(invalid >= points.size() / 2);
        // The front flag agrees with a brute-force check per model.
        for (String model : List.of("lenet5", "mlp")) {
            List<Integer> rows = new java.util.ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) if (t.get(i, "model").equals(model)) rows.add(i);
            double[][] pts = new double[rows.size()][];
            for (int i = 0; i < pts.length; i++) pts[i] = objectives(t, rows.get(i));
            boolean[] front = Pareto.bruteForce(pts);
            for (int i = 0; i < pts.length; i++) assertEquals(Boolean.toString(front[i]), t.get(rows.get(i), "pareto"));
            assertTrue(t.rows().stream().anyMatch(r -> r.get("model").equals(model) && r.get("pareto").equals("true")));
        }
    }

    @Test
    void aBufferParameterTheBaseNpuHasNoneOfIsAnErrorNamingTheSweepLine() throws Exception {
        StudioException e = assertThrows(StudioException.class, () -> evaluator("  array: [8]\n  activation_kb: [64]\n"));
        assertTrue(e.oneLine().startsWith(tmp.resolve("sweep.yaml") + ": line 4 column 1 (parameters.activation_kb): activation_kb needs unified buffers"),
                e.oneLine());
    }

    private static double[] objectives(CsvOracle.Table t, int row) {
        double[] p = new double[3];
        String[] cols = {"latency_us", "energy_uj", "area_mm2"};
        for (int k = 0; k < 3; k++) p[k] = t.get(row, cols[k]).isEmpty() ? Double.NaN : Double.parseDouble(t.get(row, cols[k]));
        return p;
    }
}
