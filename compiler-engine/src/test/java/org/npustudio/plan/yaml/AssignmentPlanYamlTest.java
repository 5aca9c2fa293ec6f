package org.npustudio.plan.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;

/** The simulator's device-assignment YAML is read by the one plan reader, as a Plan. */
class AssignmentPlanYamlTest {
    private static final String CPU = "kind: cpu\nname: host-cpu\npeak_gflops: 100\nmemory_gbps: 10\n";
    private static final String NPU = "name: big-npu\nclock_mhz: 1000\n";

    private static PlanFiles.Opened read(Path dir, String text) throws StudioException {
        try {
            return PlanFiles.read(Files.writeString(dir.resolve("plan.yaml"), text), null, null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void devicesAssignmentsFusionAndPrecisionBecomeAPlan(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.yaml"), CPU);
        Files.writeString(dir.resolve("npu.yaml"), NPU);
        Files.writeString(dir.resolve("tpu.cfg"), "[general]\nrun_name = my_tpu\n[architecture_presets]\nArrayHeight: 8\n");
        PlanFiles.Opened o = read(dir, """
                version: 1
                devices:
                  - {name: cpu, file: cpu.yaml}
                  - {file: npu.yaml}
                  - {file: tpu.cfg}
                assign:
                  cpu: [softmax, softmax]
                  big-npu: [conv1, conv2]
                fusion:
                  - [conv1, relu1]
                precision: INT4w8a
                """);
        assertEquals(PlanFiles.Format.ASSIGNMENT, o.format());
        assertTrue(o.warnings().isEmpty(), o.warnings().toString());
        Plan p = o.plan();
        assertEquals(List.of("cpu", "big-npu", "my_tpu"), p.devices().stream().map(Device::name).toList(),
                "named in the plan, else by the file's name or SCALE-Sim run_name");
        assertEquals(List.of(DeviceKind.CPU, DeviceKind.NPU, DeviceKind.NPU), p.devices().stream().map(Device::kind).toList());
        assertEquals(List.of("cpu.yaml", "npu.yaml", "tpu.cfg"), p.devices().stream().map(Device::description).toList());
        assertEquals(List.of(new Partition("cpu", "cpu", "int4w8a", List.of(new NodeRef("softmax", "")), List.of(), List.of(), ""),
                new Partition("big-npu", "big-npu", "int4w8a", List.of(new NodeRef("conv1", ""), new NodeRef("conv2", "")), List.of(), List.of(), "")),
                p.partitions());
        assertEquals(new Partition("rest", "", "int4w8a", List.of(), List.of(List.of("conv1", "relu1")), List.of(), ""), p.rest(),
                "no default_device: the catch-all runs on the NPU the simulator is given");
    }

    @Test
    void theDefaultDeviceRunsTheCatchAllWhoseNameStaysFree(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.yaml"), CPU);
        Plan p = read(dir, "devices:\n  - {file: cpu.yaml}\ndefault_device: host-cpu\nassign:\n  rest: [a]\n").plan();
        assertEquals("host-cpu", p.rest().device());
        assertEquals("rest_2", p.rest().name());
        assertEquals(List.of("rest"), p.partitions().stream().map(Partition::name).toList());
    }

    @Test
    void anEmptyFileIsAnEmptyPlanAndOurPlansAreNotTakenForOne(@TempDir Path dir) throws Exception {
        PlanFiles.Opened empty = read(dir, "version: 1\n");
        assertEquals(PlanFiles.Format.ASSIGNMENT, empty.format());
        assertEquals(List.of(), empty.plan().devices());
        assertEquals(List.of(), empty.plan().partitions());
        PlanFiles.Opened ours = read(dir, "version: 1\ndevices:\n  - {name: npu0, kind: npu}\n");
        assertEquals(PlanFiles.Format.NPUSTUDIO, ours.format(), "devices with a kind are our format, even without partitions");
    }

    @Test
    void unknownKeysAreWarningsWithTheirLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.yaml"), CPU);
        PlanFiles.Opened o = read(dir, "version: 1\ndevices:\n  - {name: cpu, file: cpu.yaml, speed: 2}\nextra: 1\n");
        assertEquals(2, o.warnings().size(), o.warnings().toString());
        assertTrue(o.warnings().get(0).contains("line 4: unknown key 'extra'"), o.warnings().toString());
        assertTrue(o.warnings().get(1).contains("line 3: unknown key 'devices[0].speed'"), o.warnings().toString());
    }

    @Test
    void mistakesNameFileLineAndProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.yaml"), CPU);
        assertError(dir, "version: 1\nfusion:\n  - [c1]\nprecision: int3\n", "line 4", "unknown precision 'int3'; use int8, int4, int4w8a, int4w16a, int8w16a, fp16, bf16, fp32");
        assertError(dir, "version: 2\n", "line 1", "unsupported plan version; use 1");
        assertError(dir, "assign:\n  cpu: [a]\n  npu: [b, a]\n", "line 3", "node 'a' is assigned to both 'cpu' and 'npu'");
        assertError(dir, "fusion:\n  - []\n", "line 2", "a fusion group lists no nodes");
        assertError(dir, "devices:\n  - {file: cpu.yaml}\n  - {file: cpu.yaml}\n", "line 3", "device 'host-cpu' is defined twice");
        assertError(dir, "devices:\n  - {name: x}\n", "line 2", "missing required key 'file'");
        StudioException missing = assertThrows(StudioException.class, () -> read(dir, "devices:\n  - {name: x, file: nothere.yaml}\n"));
        assertTrue(missing.oneLine().contains("nothere.yaml") && missing.oneLine().contains("cannot read"), missing.oneLine());
    }

    private static void assertError(Path dir, String text, String place, String problem) {
        StudioException e = assertThrows(StudioException.class, () -> read(dir, text), text);
        String line = e.oneLine();
        assertTrue(line.startsWith(dir.resolve("plan.yaml") + ": " + place) && line.endsWith(problem), line);
    }
}
