package org.npustudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxWriter;

/** Small real ONNX files written by the tests themselves. */
public final class TestModels {
    private TestModels() {}

    /**
     * x[1,3,8,8] -> Conv(4x3x3x3, pad 1) -> Relu -> Conv(4x4x3x3, pad 1) -> Relu -> Add(both Relus)
     * -> MaxPool(2x2, stride 2) -> y[1,4,4,4]; every intermediate shape is declared.
     * MACs: 4*8*8*3*9 + 4*8*8*4*9 = 6,912 + 9,216 = 16,128. FLOPs: 2*16,128 + 3*256 (Relu, Relu,
     * Add) + 64*4 (MaxPool) = 33,280. Parameters: 108 + 144 = 252 floats = 1,008 bytes.
     */
    public static Model tinyCnn() {
        Graph g = new Graph("tiny_cnn");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 3, 8, 8)));
        g.putInitializer(Tensor.ofFloats("w1", new long[] {4, 3, 3, 3}, new float[108]));
        g.putInitializer(Tensor.ofFloats("w2", new long[] {4, 4, 3, 3}, new float[144]));
        g.addNode(conv("conv1", "x", "w1", "c1"));
        g.addNode(new Node("relu1", "relu1", "Relu", "", List.of("c1"), List.of("r1")));
        g.addNode(conv("conv2", "r1", "w2", "c2"));
        g.addNode(new Node("relu2", "relu2", "Relu", "", List.of("c2"), List.of("r2")));
        g.addNode(new Node("add", "add", "Add", "", List.of("r1", "r2"), List.of("s")));
        Node pool = new Node("pool", "pool", "MaxPool", "", List.of("s"), List.of("y"));
        pool.setAttribute(Attribute.of("kernel_shape", 2L, 2L));
        pool.setAttribute(Attribute.of("strides", 2L, 2L));
        g.addNode(pool);
        for (String v : List.of("c1", "r1", "c2", "r2", "s")) {
            g.putValueInfo(ValueInfo.tensor(v, DataType.FLOAT, Shape.of(1, 4, 8, 8)));
        }
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 4, 4, 4)));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.setProducerName("npustudio-test");
        m.setProducerVersion("0.1");
        m.opsetImports().add(new OpsetId("", 17));
        return m;
    }

    private static Node conv(String name, String x, String w, String y) {
        Node n = new Node(name, name, "Conv", "", List.of(x, w), List.of(y));
        n.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
        n.setAttribute(Attribute.of("pads", 1L, 1L, 1L, 1L));
        return n;
    }

    public static Path write(Model m, Path file) throws StudioException {
        OnnxWriter.write(m, file);
        return file;
    }

    /** A file that is not an ONNX model: truncated protobuf garbage. */
    public static Path broken(Path file) throws java.io.IOException {
        Files.write(file, new byte[] {0x08, 0x08, 0x12, 0x7f, 0x01, 0x02});
        return file;
    }
}
