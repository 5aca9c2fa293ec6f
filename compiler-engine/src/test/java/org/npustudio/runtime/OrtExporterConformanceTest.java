package org.npustudio.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.runtime.ConformanceReport.Outcome;
import org.npustudio.testdata.TestData;

/**
 * Checks the exporter against ONNX Runtime: every ONNX node test case is run twice, from the original
 * file and from our re-export, and both results are compared with the case's expected outputs and with
 * each other bit for bit. Cases ORT itself cannot handle are classified, not failed.
 */
class OrtExporterConformanceTest {
    private static final double RTOL = 1e-3;
    private static final double ATOL = 1e-7;

    private static Path testData(String sub) {
        return TestData.shared("onnx-testdata/" + sub);
    }

    @Test
    void nodeCasesRunTheSameFromOriginalAndExportedModel() throws IOException {
        Path root = testData("node");
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted().toList();
        }
        TestData.nonEmpty(cases, "node test cases in " + root);
        long start = System.nanoTime();
        ConformanceReport report = new ConformanceReport();
        for (Path c : cases) classify(c, report, OnnxWriter::toBytes);
        double seconds = (System.nanoTime() - start) / 1e9;
        report.note(String.format("run time: %.1f s for %d cases", seconds, cases.size()));
        String text = report.render("ONNX Runtime conformance of the exporter (node test cases, rtol " + RTOL + ", atol " + ATOL + ")");
        System.out.println(text);
        report.write(Path.of("target", "ort-conformance.txt"), text + report.details());
        assertTrue(cases.size() > 1000, "expected the full node test set, found " + cases.size() + " cases");
        assertEquals(0, report.count(Outcome.EXPORTER_FAULT), "exporter faults:\n" + text);
        assertTrue(report.count(Outcome.PASS) > cases.size() / 2, "fewer than half the cases pass; ORT setup broken?\n" + text);
    }

    /** A deliberately wrong exporter must be caught, or a PASS above would mean nothing. */
    @Test
    void aFaultyExporterIsCaught() throws IOException {
        Path root = testData("node");
        Map<String, String> swaps = Map.of("test_add", "Sub", "test_sub", "Add", "test_mul", "Add");
        ConformanceReport report = new ConformanceReport();
        for (Map.Entry<String, String> swap : swaps.entrySet()) {
            classify(root.resolve(swap.getKey()), report, m -> {
                OnnxProto.ModelProto.Builder b = OnnxWriter.toProto(m, false).toBuilder();
                b.getGraphBuilder().getNodeBuilder(0).setOpType(swap.getValue());
                return b.build().toByteArray();
            });
        }
        classify(root.resolve("test_relu"), report, m -> {
            byte[] good = OnnxWriter.toBytes(m);
            return java.util.Arrays.copyOf(good, good.length / 2);
        });
        System.out.print(report.details());
        assertEquals(4, report.count(Outcome.EXPORTER_FAULT), report.details());
    }

    private static void classify(Path dir, ConformanceReport report, Function<Model, byte[]> exporter) throws IOException {
        String name = dir.getFileName().toString();
        Path modelFile = dir.resolve("model.onnx");
        Model model;
        try {
            model = OnnxReader.read(modelFile);
        } catch (StudioException e) {
            report.add(name, Outcome.EXPORTER_FAULT, "reader rejects the model: " + e.oneLine());
            return;
        }
        Graph g = model.graph();
        List<ValueInfo> feeds = g.inputs().stream().filter(v -> !g.initializers().containsKey(v.name())).toList();
        Path data = dir.resolve("test_data_set_0");
        List<Path> inputFiles = numbered(data, "input_");
        List<Path> outputFiles = numbered(data, "output_");
        String nonTensor = firstNonTensor(feeds.subList(0, Math.min(feeds.size(), inputFiles.size())), g.outputs());
        if (nonTensor != null) {
            report.add(name, Outcome.INPUT_NOT_TENSOR, nonTensor);
            return;
        }
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        Map<String, Tensor> expected = new LinkedHashMap<>();
        try {
            for (int i = 0; i < inputFiles.size() && i < feeds.size(); i++) inputs.put(feeds.get(i).name(), TensorFiles.readTensorProto(inputFiles.get(i)));
            for (int i = 0; i < outputFiles.size() && i < g.outputs().size(); i++) {
                expected.put(g.outputs().get(i).name(), TensorFiles.readTensorProto(outputFiles.get(i)));
            }
        } catch (StudioException e) {
            // The graph declares tensors here, so an unreadable file is our reader's fault, not the data's.
            report.add(name, Outcome.EXPORTER_FAULT, "tensor file unreadable: " + e.oneLine());
            return;
        }
        List<String> outputNames = new ArrayList<>(expected.keySet());
        byte[] exported = exporter.apply(model);

        Map<String, Tensor> original;
        try {
            original = OrtRun.run(Files.readAllBytes(modelFile), inputs, outputNames);
        } catch (OrtRun.Failure f) {
            report.add(name, Outcome.ORT_CANNOT, f.getMessage());
            return;
        }
        String originalMismatch = mismatch(original, expected);
        Map<String, Tensor> mine;
        try {
            mine = OrtRun.run(exported, inputs, outputNames);
        } catch (OrtRun.Failure f) {
            report.add(name, originalMismatch != null ? Outcome.ORT_CANNOT : Outcome.EXPORTER_FAULT,
                    originalMismatch != null ? originalMismatch : "exported model fails where the original runs: " + f.getMessage());
            return;
        }
        String notIdentical = notBitIdentical(mine, original);
        if (originalMismatch != null) {
            report.add(name, Outcome.ORT_CANNOT, originalMismatch);
            if (notIdentical != null) report.note("note: " + name + " (ORT_CANNOT) exported run differs from original run: " + notIdentical);
            return;
        }
        String exportedMismatch = mismatch(mine, expected);
        if (exportedMismatch != null) report.add(name, Outcome.EXPORTER_FAULT, "exported model: " + exportedMismatch);
        else if (notIdentical != null) report.add(name, Outcome.EXPORTER_FAULT, "exported run not bit-identical to original: " + notIdentical);
        else report.add(name, Outcome.PASS, "");
    }

    /** Null when every output is close to its expected value; otherwise the first difference. */
    private static String mismatch(Map<String, Tensor> actual, Map<String, Tensor> expected) {
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            TensorComparison c = TensorComparison.of(actual.get(e.getKey()), e.getValue());
            if (!c.allClose(RTOL, ATOL)) {
                return "ORT's result differs from the expected output (" + e.getValue().dataType().displayName() + ") | output '"
                        + e.getKey() + "': " + c.describe();
            }
        }
        return null;
    }

    private static String notBitIdentical(Map<String, Tensor> a, Map<String, Tensor> b) {
        for (Map.Entry<String, Tensor> e : b.entrySet()) {
            TensorComparison c = TensorComparison.of(a.get(e.getKey()), e.getValue());
            if (!c.bitIdentical()) return "output '" + e.getKey() + "': " + c.describe();
        }
        return null;
    }

    /** Names the first fed input or output whose declared type is not a tensor, or null. */
    private static String firstNonTensor(List<ValueInfo> inputs, List<ValueInfo> outputs) {
        for (ValueInfo v : inputs) {
            if (!(v.type() instanceof TypeInfo.TensorType)) return "input of type " + kind(v.type()) + " | '" + v.name() + "'";
        }
        for (ValueInfo v : outputs) {
            if (!(v.type() instanceof TypeInfo.TensorType)) return "output of type " + kind(v.type()) + " | '" + v.name() + "'";
        }
        return null;
    }

    private static String kind(TypeInfo t) {
        return t == null ? "unspecified" : t.getClass().getSimpleName();
    }

    private static List<Path> numbered(Path dir, String prefix) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; Files.isRegularFile(dir.resolve(prefix + i + ".pb")); i++) files.add(dir.resolve(prefix + i + ".pb"));
        return files;
    }

    @Test
    void lightModelsGiveBitIdenticalResultsAfterExport() throws Exception {
        Path root = testData("light");
        List<Path> models;
        try (Stream<Path> s = Files.list(root)) {
            models = s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
        TestData.nonEmpty(models, "light models in " + root);
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (Path file : models) {
            Model model = OnnxReader.read(file);
            Graph g = model.graph();
            Map<String, Tensor> inputs = new LinkedHashMap<>();
            Random random = new Random(file.getFileName().toString().hashCode());
            for (ValueInfo v : g.inputs()) {
                if (!g.initializers().containsKey(v.name())) inputs.put(v.name(), randomTensor(v, random));
            }
            List<String> outs = g.outputs().stream().map(ValueInfo::name).toList();
            Map<String, Tensor> original = OrtRun.run(Files.readAllBytes(file), inputs, outs);
            Map<String, Tensor> mine = OrtRun.run(OnnxWriter.toBytes(model), inputs, outs);
            String diff = notBitIdentical(mine, original);
            System.out.printf("light %-28s %s%n", file.getFileName(), diff == null ? "bit-identical" : diff);
            if (diff != null) failures.add(file.getFileName() + ": " + diff);
        }
        System.out.printf("light models: %d run twice in %.1f s%n", models.size(), (System.nanoTime() - start) / 1e9);
        assertTrue(failures.isEmpty(), "exported light models differ from the originals: " + failures);
    }

    /** Seeded random values of the declared type; unknown dimensions become 1. */
    private static Tensor randomTensor(ValueInfo v, Random random) {
        TypeInfo.TensorType t = (TypeInfo.TensorType) v.type();
        long[] dims = t.shape().dims().stream().mapToLong(d -> d.isKnown() ? d.value() : 1).toArray();
        long n = 1;
        for (long d : dims) n *= d;
        DataType type = t.elemType();
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(type.bytesFor(n))).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) {
            switch (type) {
                case FLOAT -> b.putFloat(random.nextFloat() * 2 - 1);
                case DOUBLE -> b.putDouble(random.nextDouble() * 2 - 1);
                case INT64 -> b.putLong(random.nextInt(4));
                case INT32 -> b.putInt(random.nextInt(4));
                case UINT8, INT8, BOOL -> b.put((byte) random.nextInt(2));
                default -> throw new IllegalArgumentException("no random generator for " + type + " input '" + v.name() + "'");
            }
        }
        return Tensor.raw(v.name(), type, dims, b.array());
    }
}
