package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.plan.yaml.PlanYaml;

/** The partition, export and check commands through the real CLI on a real model. */
class PartitionCommandsTest {
    @TempDir Path dir;

    private Path model() throws Exception {
        return TestModels.write(TestModels.tinyCnn(), dir.resolve("cnn.onnx"));
    }

    private Path devices() throws Exception {
        return Files.writeString(dir.resolve("devices.yaml"), """
                version: 1
                default_device: host
                devices:
                  - name: npu0
                    kind: npu
                    supported_ops: [Conv, Relu]
                  - name: host
                    kind: cpu
                """);
    }

    private Path costedDevices() throws Exception {
        Files.writeString(dir.resolve("edge.yaml"), org.npustudio.samples.NpuPresets.yaml("edge-npu-8tops"));
        return Files.writeString(dir.resolve("costed-devices.yaml"), """
                version: 1
                default_device: host
                devices:
                  - name: npu0
                    kind: npu
                    description: edge.yaml
                  - name: host
                    kind: cpu
                """);
    }

    private static double latency(CliRun simulate) {
        var m = java.util.regex.Pattern.compile("end-to-end latency: ([0-9.]+) us").matcher(simulate.out());
        assertTrue(m.find(), simulate.out() + simulate.err());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void costStrategyIsNeverWorseThanCapabilityExplainsItselfAndChecksIdentical() throws Exception {
        Path m = TestModels.write(org.npustudio.samples.SampleLibrary.build("lenet5"), dir.resolve("lenet5.onnx"));
        Path devices = costedDevices();
        Path cap = dir.resolve("cap.yaml");
        Path cost = dir.resolve("cost.yaml");
        assertEquals(0, CliRun.of("partition", "auto", m.toString(), "--devices", devices.toString(), "-o", cap.toString()).status());
        CliRun auto = CliRun.of("partition", "auto", m.toString(), "--devices", devices.toString(), "-o", cost.toString(), "--strategy", "cost");
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.out().contains("(capability plan) ->"), auto.out());
        assertTrue(auto.out().contains("kind   partition"), "the table of choices: " + auto.out());
        String npu = dir.resolve("edge.yaml").toString();
        double before = latency(CliRun.of("simulate", m.toString(), "--npu", npu, "--plan", cap.toString()));
        double after = latency(CliRun.of("simulate", m.toString(), "--npu", npu, "--plan", cost.toString()));
        assertTrue(after <= before, after + " us vs " + before + " us");
        assertEquals(0, CliRun.of("partition", "validate", m.toString(), "--plan", cost.toString()).status());
        CliRun c = CliRun.of("check", m.toString(), "--plan", cost.toString());
        assertEquals(0, c.status(), c.out() + c.err());
        assertTrue(c.out().contains("identical:"), c.out());
    }

    @Test
    void costAsCompiledCoversWhatTheCompilerEmitsAndIsNeverWorseAsCompiled() throws Exception {
        // PaddleOCR's classifier: 35 BatchNormalizations after Convs, HardSwish and ReLU activations to fuse.
        Path m = org.npustudio.testdata.TestData.realModel("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        Path devices = costedDevices();
        Path cap = dir.resolve("cap.yaml");
        Path cost = dir.resolve("cost-compiled.yaml");
        String shape = "x=1x3x48x192";
        assertEquals(0, CliRun.of("partition", "auto", m.toString(), "--input-shape", shape, "--devices", devices.toString(), "-o", cap.toString()).status());
        CliRun auto = CliRun.of("partition", "auto", m.toString(), "--input-shape", shape, "--devices", devices.toString(), "-o", cost.toString(),
                "--strategy", "cost", "--pipeline", "default");
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.out().contains("as compiled"), auto.out());
        String npu = dir.resolve("edge.yaml").toString();
        double before = latency(CliRun.of("simulate", m.toString(), "--input-shape", shape, "--npu", npu, "--plan", cap.toString(), "--pipeline", "default"));
        double after = latency(CliRun.of("simulate", m.toString(), "--input-shape", shape, "--npu", npu, "--plan", cost.toString(), "--pipeline", "default"));
        assertTrue(after <= before, after + " us vs " + before + " us, both as compiled");
        assertEquals(0, CliRun.of("partition", "validate", m.toString(), "--input-shape", shape, "--plan", cost.toString()).status(),
                "the plan names the model's own nodes and is legal for it");
        CliRun c = CliRun.of("check", m.toString(), "--input-shape", shape, "--plan", cost.toString());
        assertEquals(0, c.status(), c.out() + c.err());
        CliRun capability = CliRun.of("partition", "auto", m.toString(), "--devices", devices.toString(), "-o", dir.resolve("x.yaml").toString(),
                "--pipeline", "default");
        assertTrue(capability.err().contains("--pipeline applies to --strategy cost"), capability.err());
    }

    @Test
    void badObjectiveEnergyAndMissingNpuAreOneLine() throws Exception {
        Path m = model();
        String out = dir.resolve("p.yaml").toString();
        CliRun bad = CliRun.of("partition", "auto", m.toString(), "--devices", costedDevices().toString(), "-o", out, "--strategy", "cost",
                "--objective", "speed");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown --objective 'speed'; use latency, dram or energy"), bad.err());
        CliRun energy = CliRun.of("partition", "auto", m.toString(), "--devices", costedDevices().toString(), "-o", out, "--strategy", "cost",
                "--objective", "energy");
        assertEquals(0, energy.status(), "every NPU has an energy table (defaults when its file has none): " + energy.err());
        Files.deleteIfExists(Path.of(out));
        CliRun noNpu = CliRun.of("partition", "auto", m.toString(), "--devices", devices().toString(), "-o", out, "--strategy", "cost");
        assertTrue(noNpu.err().contains("--strategy cost needs an NPU description"), noNpu.err());
        assertFalse(Files.exists(Path.of(out)));
        CliRun strategy = CliRun.of("partition", "auto", m.toString(), "--devices", devices().toString(), "-o", out, "--strategy", "best");
        assertTrue(strategy.err().contains("unknown --strategy 'best'; use capability or cost"), strategy.err());
    }

    @Test
    void autoValidateExportAndCheckAgree() throws Exception {
        Path m = model();
        Path plan = dir.resolve("plan.yaml");
        CliRun auto = CliRun.of("partition", "auto", m.toString(), "--devices", devices().toString(), "-o", plan.toString());
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.out().contains("2 partitions (1 on accelerators, 1 on host)"), auto.out());
        assertEquals(List.of("npu0", "host"), PlanYaml.read(plan, null).plan().partitions().stream().map(p -> p.device()).toList());

        CliRun v = CliRun.of("partition", "validate", m.toString(), "--plan", plan.toString());
        assertEquals(0, v.status(), v.out() + v.err());
        assertTrue(v.out().contains("legal (2 partitions, 6 nodes"), v.out());
        assertTrue(v.out().contains("in 1 tensor (768 B)  out 2 tensors (2048 B)"), v.out());

        Path out = dir.resolve("split");
        CliRun e = CliRun.of("export", m.toString(), "--plan", plan.toString(), "-o", out.toString());
        assertEquals(0, e.status(), e.err());
        assertTrue(Files.exists(out.resolve("p0.onnx")) && Files.exists(out.resolve("p1.onnx")) && Files.exists(out.resolve("plan.yaml")));
        OnnxReader.read(out.resolve("p1.onnx"));

        CliRun c = CliRun.of("check", m.toString(), "--plan", plan.toString(), "--seed", "5");
        assertEquals(0, c.status(), c.out() + c.err());
        assertTrue(c.out().contains("identical: 2 partitions, 1 outputs"), c.out());
        assertTrue(c.out().contains("input x: random float32[1,3,8,8] uniform in [-1, 1) (seed 5)"), "says which inputs are made up: " + c.out());
    }

    @Test
    void convertGoesToNestcAndBackAndUserInputsAreUsed() throws Exception {
        Path m = model();
        Path plan = dir.resolve("plan.yaml");
        CliRun.of("partition", "auto", m.toString(), "--devices", devices().toString(), "-o", plan.toString());
        Path nestc = dir.resolve("nestc.yaml");
        CliRun c = CliRun.of("partition", "convert", plan.toString(), "--to", "nestc", "-o", nestc.toString());
        assertEquals(0, c.status(), c.err());
        String text = Files.readString(nestc);
        assertTrue(text.contains("numOfPartitions: 3\n") && text.contains("backendNames: npu0:host:host\n"), text);
        Path back = dir.resolve("back.yaml");
        assertEquals(0, CliRun.of("partition", "convert", nestc.toString(), "--to", "npustudio", "-o", back.toString(), "--model", m.toString()).status());
        CliRun check = CliRun.of("check", m.toString(), "--plan", nestc.toString());
        assertEquals(0, check.status(), check.out() + check.err());

        OnnxProto.TensorProto.Builder t = OnnxProto.TensorProto.newBuilder().setName("x").setDataType(1).addAllDims(List.of(1L, 3L, 8L, 8L));
        for (int i = 0; i < 192; i++) t.addFloatData(i * 0.01f);
        Path input = dir.resolve("x.pb");
        Files.write(input, t.build().toByteArray());
        CliRun withInput = CliRun.of("check", m.toString(), "--plan", back.toString(), "--inputs", input.toString(), "--tolerance", "1e-6");
        assertEquals(0, withInput.status(), withInput.out() + withInput.err());
        assertFalse(withInput.out().contains("random"), "a given input is not random: " + withInput.out());
    }

    @Test
    void badPlansAreOneLineErrorsOrFailedValidations() throws Exception {
        Path m = model();
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ndevices:\n  - {name: cpu, kind: cpu}\npartitions:\n  - name: a\n    device: cpu\n    nodes: [conv1, add\n");
        CliRun r = CliRun.of("partition", "validate", m.toString(), "--plan", bad.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("bad.yaml: line ") && r.err().contains("column"), r.err());

        Path nonConvex = Files.writeString(dir.resolve("nc.yaml"), """
                version: 1
                model: {file: other.onnx, sha256: %s}
                devices: [{name: cpu, kind: cpu}]
                partitions:
                  - {name: outer, device: cpu, nodes: [relu1, add], colour: red}
                """.formatted("0".repeat(64)));
        CliRun v = CliRun.of("partition", "validate", m.toString(), "--plan", nonConvex.toString());
        assertEquals(1, v.status(), v.out() + v.err());
        assertTrue(v.out().contains("relu1 -> conv2 -> relu2 -> add"), v.out());
        assertTrue(v.err().contains("made for other.onnx") && v.err().contains("colour"), v.err());
        Path out = dir.resolve("x");
        CliRun e = CliRun.of("export", m.toString(), "--plan", nonConvex.toString(), "-o", out.toString());
        assertEquals(2, e.status());
        assertTrue(e.err().contains("relu1 -> conv2 -> relu2 -> add"), e.err());
        assertFalse(Files.exists(out));

        assertEquals(2, CliRun.of("partition", "auto", m.toString(), "-o", "p.yaml").status(), "--devices is required");
        assertEquals(2, CliRun.of("check", m.toString(), "--plan", nonConvex.toString(), "--tolerance", "-1").status());
        assertEquals(2, CliRun.of("partition", "shuffle").status());
    }
}
