package org.npustudio.npusim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.plan.Precision;

/** Small IR graphs and NPU descriptions built in code for the simulator tests. */
final class TestGraphs {
    private TestGraphs() {}

    /** A graph builder over NCHW float tensors; declares only the input and output shapes. */
    static final class Builder {
        final Graph g;
        private int k;

        Builder(String name, String input, long... shape) {
            g = new Graph(name);
            g.addInput(ValueInfo.tensor(input, DataType.FLOAT, Shape.of(shape)));
        }

        String conv(String id, String x, long inCh, long outCh, long kernel, long stride, long pad, long group) {
            String w = id + ".weight";
            g.putInitializer(Tensor.ofFloats(w, new long[] {outCh, inCh / group, kernel, kernel}, new float[(int) (outCh * inCh / group * kernel * kernel)]));
            Node n = node(id, "Conv", List.of(x, w));
            n.setAttribute(Attribute.of("kernel_shape", kernel, kernel));
            n.setAttribute(Attribute.of("strides", stride, stride));
            n.setAttribute(Attribute.of("pads", pad, pad, pad, pad));
            if (group != 1) n.setAttribute(Attribute.of("group", group));
            return n.output(0);
        }

        String op(String id, String opType, String... inputs) {
            return node(id, opType, List.of(inputs)).output(0);
        }

        String maxPool(String id, String x, long kernel, long stride) {
            Node n = node(id, "MaxPool", List.of(x));
            n.setAttribute(Attribute.of("kernel_shape", kernel, kernel));
            n.setAttribute(Attribute.of("strides", stride, stride));
            return n.output(0);
        }

        Node node(String id, String opType, List<String> inputs) {
            Node n = new Node(id, id, opType, "", inputs, List.of(id + ".out" + (k++)));
            g.addNode(n);
            return n;
        }

        Graph output(String value, long... shape) {
            g.addOutput(ValueInfo.tensor(value, DataType.FLOAT, Shape.of(shape)));
            return g;
        }
    }

    /** VGG-19 (VGGNet-E) up to conv3_1 with its ReLUs and pools, input 1x3x224x224. */
    static Graph vggFront() {
        Builder b = new Builder("vgg19-front", "image", 1, 3, 224, 224);
        String x = b.op("relu1_1", "Relu", b.conv("conv1_1", "image", 3, 64, 3, 1, 1, 1));
        x = b.op("relu1_2", "Relu", b.conv("conv1_2", x, 64, 64, 3, 1, 1, 1));
        x = b.maxPool("pool1", x, 2, 2);
        x = b.op("relu2_1", "Relu", b.conv("conv2_1", x, 64, 128, 3, 1, 1, 1));
        x = b.op("relu2_2", "Relu", b.conv("conv2_2", x, 128, 128, 3, 1, 1, 1));
        x = b.maxPool("pool2", x, 2, 2);
        x = b.op("relu3_1", "Relu", b.conv("conv3_1", x, 128, 256, 3, 1, 1, 1));
        return b.output(x, 1, 256, 56, 56);
    }

    static NpuConfig npu(String name, int rows, int cols, Dataflow df, SramConfig sram, Precision p, double dramGBps) {
        return new NpuConfig(name, 1000, rows, cols, df, cols, Map.of(), sram, dramGBps * 1e9, 100e-9, List.of(p), p,
                Set.of(), 8e9, 10e-6);
    }
}
