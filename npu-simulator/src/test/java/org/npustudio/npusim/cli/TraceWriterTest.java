package org.npustudio.npusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.testdata.TestData;

/** LeNet-5 on the edge NPU under its capability plan (Tanh runs on the CPU, so tensors cross the host link), as a Perfetto trace. */
class TraceWriterTest {
    static final Path ROOT = TestData.root();
    static final Path MODEL = ROOT.resolve("samples/models/lenet5.onnx");
    static final Path NPU = ROOT.resolve("samples/npu/edge-npu-8tops.yaml");

    @TempDir
    static Path dir;
    static SimulationResult run;
    static JsonNode trace;

    @BeforeAll
    static void simulateAndTrace() throws Exception {
        String devices = "version: 1\ndevices:\n  - {name: npu0, kind: npu, description: '" + NPU.toAbsolutePath() + "'}\n"
                + "  - {name: cpu, kind: cpu}\ndefault_device: cpu\n";
        DevicesYaml.Loaded d = DevicesYaml.parse(devices, "devices.yaml", dir);
        Model m = ModelOpener.open(MODEL);
        Plan plan = AutoPartitioner.partition(m.graph(), ModelRef.of(MODEL), d.devices(), d.defaultDevice(), AutoPartitioner.Options.DEFAULT);
        Path planFile = dir.resolve("plan.yaml");
        PlanYaml.write(plan, planFile);
        run = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, planFile, null, OutputFormat.TABLE, null));
        Path out = dir.resolve("lenet.trace.json");
        TraceWriter.write(run, out);
        trace = new ObjectMapper().readTree(Files.readString(out));
    }

    private static List<JsonNode> events(String ph) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : trace.get("traceEvents")) if (e.get("ph").asText().equals(ph)) out.add(e);
        return out;
    }

    /** Thread id by the lane name its thread_name metadata gives. */
    private static Map<String, Integer> tids() {
        Map<String, Integer> tids = new HashMap<>();
        for (JsonNode m : events("M")) {
            if (m.get("name").asText().equals("thread_name")) tids.put(m.get("args").get("name").asText(), m.get("tid").asInt());
        }
        return tids;
    }

    @Test
    void theRunHasTransfersBecauseTanhRunsOnTheCpu() {
        assertTrue(run.nodes().stream().anyMatch(n -> n.opType().equals("Tanh") && n.device().equals("cpu")));
        assertTrue(run.schedule().stream().anyMatch(e -> e.kind() == ScheduleEntry.Kind.TRANSFER));
    }

    @Test
    void oneCompleteEventPerOpOnItsDeviceLaneWithTheSimulatorsLatency() {
        assertEquals("ns", trace.get("displayTimeUnit").asText());
        Map<String, Integer> tids = tids();
        List<JsonNode> ops = events("X").stream().filter(e -> e.get("cat").asText().equals("op")).toList();
        assertEquals(run.nodes().size(), ops.size(), "one X event per node");
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode e : ops) assertEquals(null, byName.put(e.get("name").asText(), e), "each op once");
        for (NodeResult n : run.nodes()) {
            JsonNode e = byName.get(n.id());
            assertNotNull(e, n.id());
            assertEquals(tids.get(n.device()), e.get("tid").asInt(), n.id() + " on lane " + n.device());
            assertEquals(n.latencySeconds() * 1e6, e.get("dur").asDouble(), 1e-9, n.id() + " duration");
            assertEquals(n.startSeconds() * 1e6, e.get("ts").asDouble(), 1e-9, n.id() + " start");
            assertEquals(n.opType(), e.get("args").get("op_type").asText());
            assertEquals(n.macs(), e.get("args").get("macs").asLong());
            assertEquals(n.dramBytes(), e.get("args").get("dram_bytes").asDouble());
            assertEquals(n.bound().label(), e.get("args").get("bound").asText());
            assertEquals(n.fusionGroup(), e.get("args").get("fusion_group").asInt());
        }
    }

    @Test
    void transfersAreOnTheHostLinkLaneWithTheirBytes() {
        int link = tids().get(ScheduleEntry.HOST_LINK);
        List<ScheduleEntry> expected = run.schedule().stream().filter(e -> e.kind() == ScheduleEntry.Kind.TRANSFER).toList();
        List<JsonNode> transfers = events("X").stream().filter(e -> e.get("cat").asText().equals("transfer")).toList();
        assertEquals(expected.size(), transfers.size());
        for (JsonNode t : transfers) {
            assertEquals(link, t.get("tid").asInt());
            ScheduleEntry s = expected.stream().filter(e -> e.name().equals(t.get("name").asText())
                    && Math.abs(e.startSeconds() * 1e6 - t.get("ts").asDouble()) < 1e-9).findFirst().orElseThrow();
            assertEquals(s.bytes(), t.get("args").get("bytes").asDouble());
            assertEquals(s.durationSeconds() * 1e6, t.get("dur").asDouble(), 1e-9);
        }
    }

    @Test
    void eventsOfEachLaneAreInTimeOrderAndNeverOverlap() {
        Map<Integer, Double> lastEnd = new HashMap<>();
        Map<Integer, Double> lastStart = new HashMap<>();
        for (JsonNode e : events("X")) {
            int tid = e.get("tid").asInt();
            double ts = e.get("ts").asDouble();
            assertTrue(ts >= lastStart.getOrDefault(tid, 0.0), "monotone ts on lane " + tid);
            assertTrue(ts >= lastEnd.getOrDefault(tid, 0.0) - 1e-9, "no overlap on lane " + tid + " at " + e.get("name"));
            lastStart.put(tid, ts);
            lastEnd.put(tid, ts + e.get("dur").asDouble());
        }
        assertEquals("NPU Studio", events("M").stream().filter(m -> m.get("name").asText().equals("process_name"))
                .findFirst().orElseThrow().get("args").get("name").asText());
    }

    @Test
    void countersCarrySramPeakAndDramBandwidthPerOp() {
        List<JsonNode> counters = events("C");
        NodeResult conv = run.node("/conv1/Conv");
        double at = conv.startSeconds() * 1e6;
        JsonNode sram = counters.stream().filter(c -> c.get("name").asText().equals("SRAM in use (npu0)") && c.get("ts").asDouble() == at)
                .findFirst().orElseThrow();
        assertEquals(conv.sramPeakBytes(), sram.get("args").get("bytes").asDouble());
        JsonNode bw = counters.stream().filter(c -> c.get("name").asText().equals("DRAM bandwidth (npu0)") && c.get("ts").asDouble() == at)
                .findFirst().orElseThrow();
        assertEquals(conv.dramBytes() / conv.latencySeconds() / 1e9, bw.get("args").get("GB/s").asDouble(), 1e-9);
        assertFalse(counters.stream().anyMatch(c -> c.get("name").asText().contains(ScheduleEntry.HOST_LINK)), "no counters for the link");
    }

    @Test
    void aPathThatCannotBeWrittenIsOneLineNamingIt() throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        Path target = blocker.resolve("t.json");
        StudioException e = assertThrows(StudioException.class, () -> TraceWriter.write(run, target));
        assertTrue(e.oneLine().contains(target.toString()) && !e.oneLine().contains("\n"), e.oneLine());
    }
}
