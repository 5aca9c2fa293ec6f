package org.npustudio.app.lesson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.npustudio.app.cli.Cli;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.onnx.OnnxWriter;

/** What a scripted student does to a workspace, with the real CLI and real files. */
final class Student {
    private Student() {}

    /** Runs {@code npustudio ARGS} in-process; fails the test when it does not exit 0. */
    static String npustudio(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = Cli.standard(ps, ps, Map.of()).run(args);
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (status != 0) throw new AssertionError("npustudio " + String.join(" ", args) + " exited " + status + ": " + out);
        return out;
    }

    /** Scales the weights of one node of model.onnx by {@code factor} (a change that alters the outputs). */
    static void scaleWeights(Path ws, String nodeName, float factor) throws Exception {
        Path file = ws.resolve(Workspaces.MODEL);
        Model m = ModelOpener.open(file);
        Node n = m.graph().nodeById(nodeName);
        Tensor w = m.graph().initializers().get(n.inputs().get(1));
        float[] v = w.toFloats();
        for (int i = 0; i < v.length; i++) v[i] *= factor;
        m.graph().putInitializer(Tensor.ofFloats(w.name(), w.dims(), v));
        OnnxWriter.write(m, file);
    }

    /** Devices and the rest partition every test plan shares; partitions follow. */
    private static final String PLAN_HEADER = """
            version: 1
            devices:
              - {name: npu0, kind: npu}
              - {name: cpu, kind: cpu}
            rest: {name: rest, device: cpu}
            partitions:
            """;

    /** A partition plan for LeNet-5: the feature extractor on the NPU (conv1 fused with its Tanh and pool), the rest on the CPU. */
    static void writeGoodPlan(Path ws) throws Exception {
        Files.writeString(ws.resolve(Workspaces.PLAN), PLAN_HEADER + """
                  - name: p0
                    device: npu0
                    nodes: [/conv1/Conv, /act1/Tanh, /pool1/AveragePool, /conv2/Conv, /act2/Tanh, /pool2/AveragePool]
                    fusion_groups:
                      - [/conv1/Conv, /act1/Tanh, /pool1/AveragePool]
                """);
    }

    /** A plan whose NPU partition skips conv1's Tanh and pool (not convex) and holds /fc1/Gemm; no fusion. */
    static void writeBadPlan(Path ws) throws Exception {
        Files.writeString(ws.resolve(Workspaces.PLAN), PLAN_HEADER + """
                  - name: p0
                    device: npu0
                    nodes: [/conv1/Conv, /conv2/Conv, /fc1/Gemm]
                """);
    }
}
