package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.host.HostProfile;
import org.npustudio.host.HostProfileJson;
import org.npustudio.plan.ModelRef;
import org.npustudio.testdata.CsvOracle;
import org.npustudio.testdata.JsonOracle;
import org.npustudio.testdata.TestData;

/** measure → HOST.json → simulate/report/partition auto --host-profile, and the mismatch and bad-input lines. */
class HostProfileCommandsTest {
    static final Path ROOT = TestData.root();
    static final String LENET = ROOT.resolve("samples/models/lenet5.onnx").toString();
    static final String MLP = ROOT.resolve("samples/models/mlp.onnx").toString();
    // the edge NPU has no Tanh: LeNet-5's four Tanh run on the host CPU
    static final String EDGE = ROOT.resolve("samples/npu/edge-npu-8tops.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void simulateLabelsMeasuredCpuNodesAndUsesTheirTimes() throws Exception {
        Path host = measure(LENET, "lenet5.json");
        HostProfile p = HostProfileJson.read(host);
        CliRun json = CliRun.of("simulate", LENET, "--npu", EDGE, "--host-profile", host.toString(), "--format", "json", "-o", dir.toString());
        assertEquals(0, json.status(), json.err());
        assertTrue(!json.err().contains("measured on"), "same model, same machine: no host-profile warning: " + json.err());
        List<?> nodes = (List<?>) JsonOracle.object(Files.readString(dir.resolve("simulation.json"))).get("nodes");
        int measured = 0;
        for (Object o : nodes) {
            Map<?, ?> n = (Map<?, ?>) o;
            boolean onCpu = n.get("device").equals("host-cpu");
            assertEquals(onCpu ? "measured" : "modelled", n.get("cost_source"), n.toString());
            if (onCpu) {
                measured++;
                double us = ((Number) n.get("latency_us")).doubleValue();
                assertEquals(p.byId().get((String) n.get("id")).medianMicros(), us, 1e-9, "the measured median is the latency");
            }
        }
        assertEquals(4, measured, "LeNet-5's four Tanh fall back to the CPU");
        CliRun csv = CliRun.of("simulate", LENET, "--npu", EDGE, "--format", "csv");
        assertTrue(CsvOracle.read(csv.out()).rows().stream().allMatch(r -> r.get("cost_source").equals("modelled")), "no profile: all modelled");
        CliRun table = CliRun.of("simulate", LENET, "--npu", EDGE, "--host-profile", host.toString());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("/act1/Tanh") && l.matches(".* measured +[0-9.]+$")), table.out());

        Path report = dir.resolve("report");
        CliRun r = CliRun.of("report", LENET, "--npu", EDGE, "--host-profile", host.toString(), "-o", report.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(4, CsvOracle.read(Files.readString(report.resolve("ops.csv"))).rows().stream()
                .filter(x -> x.get("cost_source").equals("measured")).count());
        assertTrue(Files.readString(report.resolve("report.html")).contains("4 measured, 8 modelled"));
    }

    @Test
    void aProfileOfAnotherModelOrMachineWarnsNamingBoth() throws Exception {
        Path host = measure(LENET, "lenet5.json");
        HostProfile p = HostProfileJson.read(host);
        Path other = dir.resolve("other.json");
        HostProfileJson.write(new HostProfile(new ModelRef("lenet5.onnx", "00ff"), "Some Other CPU", 1, p.ortVersion(), p.runs(), p.warmup(),
                p.modelMedianMicros(), p.nodes(), p.unreported()), other);
        CliRun r = CliRun.of("simulate", LENET, "--npu", EDGE, "--host-profile", other.toString());
        assertEquals(0, r.status(), r.err());
        String sha = ModelRef.sha256(Path.of(LENET));
        assertTrue(r.err().contains("sha256 00ff") && r.err().contains("sha256 " + sha), r.err());
        assertTrue(r.err().contains("measured on CPU 'Some Other CPU', this machine is '"), r.err());
        // node ids and ops match, so the times are still used
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("/act1/Tanh") && l.matches(".* measured +[0-9.]+$")), r.out());
        // partition auto only checks the file
        String devices = ROOT.resolve("partition-editor/src/main/resources/org/npustudio/partition/editor/model/builtin-devices.yaml").toString();
        CliRun auto = CliRun.of("partition", "auto", LENET, "--devices", devices, "--host-profile", other.toString(), "-o", dir.resolve("plan.yaml").toString());
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.err().contains("sha256 00ff"), auto.err());
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"npustudio-host-profile\", \"version\": 1}");
        CliRun r = CliRun.of("simulate", LENET, "--npu", EDGE, "--host-profile", bad.toString());
        assertEquals(Cli.USER_ERROR, r.status());
        assertEquals("npustudio: " + bad + ": model: missing", r.err().strip());
        CliRun runs = CliRun.of("measure", MLP, "--runs", "0", "-o", dir.resolve("x.json").toString());
        assertEquals(Cli.USER_ERROR, runs.status());
        assertTrue(runs.err().contains("--runs needs a whole number from 1, not '0'"), runs.err());
    }

    @Test
    void calibrateHostFitsAndWritesACpuTheSimulatorReads() throws Exception {
        Path host = measure(MLP, "mlp.json");
        Path cpu = dir.resolve("cpu.yaml");
        CliRun r = CliRun.of("calibrate-host", host.toString(), "-o", cpu.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("op type") && r.out().contains("mlp.onnx"), r.out());
        var read = org.npustudio.npusim.config.DeviceConfigReader.readAny(cpu, new java.util.ArrayList<>());
        assertTrue(!read.isNpu() && read.cpu().efficiency().containsKey("Gemm"), "a CPU description with the fitted Gemm efficiency");
        CliRun sim = CliRun.of("simulate", MLP, "--npu", EDGE, "--format", "csv");
        assertEquals(0, sim.status(), sim.err());
    }

    private Path measure(String model, String name) throws Exception {
        Path out = dir.resolve(name);
        CliRun r = CliRun.of("measure", model, "--runs", "3", "--warmup", "1", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("wrote " + out), r.out());
        return out;
    }
}
