package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.cli.Cli;
import org.npustudio.app.cli.Commands;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.samples.SampleLibrary;

/**
 * Mutated and truncated copies of the bundled samples, each run through the real CLI
 * ({@code npustudio inspect --json}): a broken file must give exit status 2 and exactly one line on
 * stderr naming the file; a mutation that still is a valid model, or that uses an op no schema describes
 * (it loads as an opaque node), must be inspected normally (exit 0).
 * Never an internal error (exit 1), never a stack trace, never a hang.
 */
class CliBadInputCorpusTest {
    @TempDir
    Path dir;

    private record Outcome(int status, String err) {}

    private static Outcome inspect(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(Commands.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(new String[] {"inspect", file.toString(), "--json"});
        return new Outcome(status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyMutatedSampleGivesOneLineAndStatusTwoOrLoads() throws Exception {
        List<Path> corpus = new ArrayList<>();
        Map<String, Integer> perKind = new TreeMap<>();
        for (String sample : List.of("lenet5", "mlp", "transformer-encoder", "mobilenetv2")) {
            byte[] bytes = OnnxWriter.toBytes(SampleLibrary.build(sample));
            SplittableRandom rnd = new SplittableRandom(sample.hashCode());
            for (int i = 0; i < 20; i++) corpus.add(write(sample + "-trunc-" + i, java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length)), perKind, "truncated"));
            for (int i = 0; i < 15; i++) {
                byte[] b = bytes.clone();
                for (int k = 0; k < 8; k++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                corpus.add(write(sample + "-flip-" + i, b, perKind, "bit flips"));
            }
            for (int i = 0; i < 10; i++) {
                byte[] b = bytes.clone();
                int at = rnd.nextInt(Math.max(1, Math.min(b.length, 4096)));
                for (int k = 0; k < 16 && at + k < b.length; k++) b[at + k] = (byte) rnd.nextInt(256);
                corpus.add(write(sample + "-header-" + i, b, perKind, "header overwrite"));
            }
            for (Map.Entry<String, byte[]> e : structuralBreaks(SampleLibrary.build(sample)).entrySet()) {
                corpus.add(write(sample + "-" + e.getKey(), e.getValue(), perKind, e.getKey()));
            }
            for (Map.Entry<String, byte[]> e : opaqueOps(SampleLibrary.build(sample)).entrySet()) {
                corpus.add(write(sample + "-" + e.getKey(), e.getValue(), perKind, e.getKey()));
            }
        }
        corpus.add(write("empty", new byte[0], perKind, "empty"));
        assertTrue(corpus.size() >= 200, "corpus has " + corpus.size() + " files");

        int rejected = 0;
        int loaded = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : corpus) {
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> inspect(f), f.toString());
            String[] lines = o.err().isEmpty() ? new String[0] : o.err().split("\n");
            if (o.status() == 2 && lines.length == 1 && lines[0].startsWith("npustudio: " + f) && !o.err().contains("\tat ")) {
                rejected++;
            } else if (o.status() == 0 && lines.length == 0) {
                loaded++;
                String name = f.getFileName().toString();
                if (!name.contains("-flip-") && !name.contains("-header-") && !name.contains("-opaque-")) {
                    problems.add(f.getFileName() + ": a structural break loaded without error");
                }
            } else {
                problems.add(f.getFileName() + ": status " + o.status() + ", stderr: " + o.err().strip());
            }
            if (f.getFileName().toString().contains("-opaque-") && o.status() != 0) {
                problems.add(f.getFileName() + ": an op without a schema must load as an opaque node");
            }
        }
        System.out.println("[cli bad inputs] " + corpus.size() + " files from the samples " + perKind
                + ": " + rejected + " rejected with one line and status 2, " + loaded + " still valid models inspected");
        assertTrue(problems.isEmpty(), problems.size() + " problems: " + problems.subList(0, Math.min(10, problems.size())));
    }

    /** Ops no schema describes: never a reason to refuse a model, they load as opaque nodes (inspected normally). */
    private static Map<String, byte[]> opaqueOps(Model m) {
        Map<String, byte[]> out = new TreeMap<>();
        OnnxProto.ModelProto base = OnnxWriter.toProto(m, false);
        OnnxProto.ModelProto.Builder unknownOp = base.toBuilder();
        unknownOp.getGraphBuilder().getNodeBuilder(0).setOpType("Convolve");
        out.put("opaque-unknown-op", unknownOp.build().toByteArray());
        OnnxProto.ModelProto.Builder unknownDomain = base.toBuilder();
        unknownDomain.getGraphBuilder().getNodeBuilder(0).setDomain("com.example.npu");
        out.put("opaque-unknown-domain", unknownDomain.build().toByteArray());
        return out;
    }

    /** Breaks the ONNX rules on purpose: each one must be rejected. */
    private static Map<String, byte[]> structuralBreaks(Model m) {
        Map<String, byte[]> out = new TreeMap<>();
        OnnxProto.ModelProto base = OnnxWriter.toProto(m, false);
        List<Node> nodes = m.graph().nodes();
        String lastOut = nodes.get(nodes.size() - 1).output(0);

        OnnxProto.ModelProto.Builder cycle = base.toBuilder();
        cycle.getGraphBuilder().getNodeBuilder(0).setInput(0, lastOut);
        out.put("cycle", cycle.build().toByteArray());

        OnnxProto.ModelProto.Builder undefined = base.toBuilder();
        undefined.getGraphBuilder().getNodeBuilder(1).setInput(0, "no_such_value");
        out.put("undefined-input", undefined.build().toByteArray());

        OnnxProto.ModelProto.Builder dup = base.toBuilder();
        dup.getGraphBuilder().getNodeBuilder(1).setOutput(0, nodes.get(0).output(0));
        out.put("duplicate-output", dup.build().toByteArray());


        OnnxProto.ModelProto.Builder negative = base.toBuilder();
        negative.getGraphBuilder().getInitializerBuilder(0).setDims(0, -3);
        out.put("negative-dim", negative.build().toByteArray());

        OnnxProto.ModelProto.Builder overflow = base.toBuilder();
        overflow.getGraphBuilder().getInitializerBuilder(0).clearDims().addDims(1L << 40).addDims(1L << 40);
        out.put("overflowing-dims", overflow.build().toByteArray());

        OnnxProto.ModelProto.Builder escape = base.toBuilder();
        escape.getGraphBuilder().getInitializerBuilder(0).clearRawData()
                .setDataLocation(OnnxProto.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(OnnxProto.StringStringEntryProto.newBuilder().setKey("location").setValue("../../etc/passwd"));
        out.put("external-escape", escape.build().toByteArray());

        OnnxProto.ModelProto.Builder notModel = OnnxProto.ModelProto.newBuilder().setGraph(base.getGraph());
        out.put("no-ir-version", notModel.build().toByteArray());
        out.put("tensor-not-model", base.getGraph().getInitializer(0).toByteArray());
        return out;
    }

    private Path write(String name, byte[] bytes, Map<String, Integer> perKind, String kind) throws Exception {
        perKind.merge(kind, 1, Integer::sum);
        return Files.write(dir.resolve(name + ".onnx"), bytes);
    }
}
