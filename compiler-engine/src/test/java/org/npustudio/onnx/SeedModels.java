package org.npustudio.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.testdata.TestData;

/** Valid models that the bad-input corpus is derived from: one built here, more from the shared test data. */
final class SeedModels {
    private SeedModels() {}

    /** X[1,3,8,8] -> Conv(3x3, pad 1) -> Relu -> Flatten -> Gemm -> Y[1,10], with seeded random weights. */
    static Model convReluGemm() {
        Random r = new Random(7);
        Graph g = new Graph("conv_relu_gemm");
        g.addInput(ValueInfo.tensor("X", DataType.FLOAT, Shape.of(1, 3, 8, 8)));
        g.addOutput(ValueInfo.tensor("Y", DataType.FLOAT, Shape.of(1, 10)));
        g.putValueInfo(ValueInfo.tensor("conv_out", DataType.FLOAT, Shape.of(1, 4, 8, 8)));
        g.putInitializer(Tensor.ofFloats("W", new long[] {4, 3, 3, 3}, floats(r, 108)));
        g.putInitializer(Tensor.ofFloats("B", new long[] {4}, floats(r, 4)));
        g.putInitializer(Tensor.ofFloats("W2", new long[] {10, 256}, floats(r, 2560)));
        g.putInitializer(Tensor.ofFloats("B2", new long[] {10}, floats(r, 10)));
        Node conv = new Node("conv", "conv", "Conv", "", List.of("X", "W", "B"), List.of("conv_out"));
        conv.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
        conv.setAttribute(Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.addNode(conv);
        g.addNode(new Node("relu", "relu", "Relu", "", List.of("conv_out"), List.of("relu_out")));
        Node flatten = new Node("flatten", "flatten", "Flatten", "", List.of("relu_out"), List.of("flat"));
        flatten.setAttribute(Attribute.of("axis", 1L));
        g.addNode(flatten);
        Node gemm = new Node("gemm", "gemm", "Gemm", "", List.of("flat", "W2", "B2"), List.of("Y"));
        gemm.setAttribute(Attribute.of("transB", 1L));
        g.addNode(gemm);
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 13));
        return m;
    }

    private static float[] floats(Random r, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) r.nextGaussian() * 0.1f;
        return f;
    }

    /** Seed files by short name: the built-in model, then light/ models and a few node/ models when present. */
    static Map<String, byte[]> all() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("convgemm", OnnxWriter.toBytes(convReluGemm()));
        Path shared = TestData.sharedIfPresent("onnx-testdata").orElse(null);
        if (shared == null) return seeds;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(shared.resolve("light"))) {
            s.filter(p -> p.toString().endsWith(".onnx")).sorted().forEach(files::add);
        }
        for (String c : List.of("test_add", "test_conv_with_strides_padding", "test_gemm_default_matrix_bias", "test_lstm_defaults",
                "test_if", "test_loop11")) {
            Path p = shared.resolve("node").resolve(c).resolve("model.onnx");
            if (Files.isRegularFile(p)) files.add(p);
        }
        for (Path p : files) {
            String name = p.getFileName().toString().equals("model.onnx") ? p.getParent().getFileName().toString()
                    : p.getFileName().toString().replace(".onnx", "");
            seeds.put(name, Files.readAllBytes(p));
        }
        return seeds;
    }
}
