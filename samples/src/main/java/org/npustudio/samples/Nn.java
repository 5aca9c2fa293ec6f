package org.npustudio.samples;

import static org.npustudio.samples.ShapeMath.require;

import java.util.List;
import org.npustudio.ir.Attribute;

/**
 * The torch.nn vocabulary the samples are written in. Methods named after an nn module take the
 * module's qualified name ({@code "layer1.0.conv1"}), create its parameters under PyTorch's state_dict
 * names and emit the nodes PyTorch's ONNX exporter (opset 17, eval mode, BatchNorm not folded) emits
 * for it. Functional ops take the path of the module whose forward calls them ("" = the model).
 * Every method returns the name of the value it produces.
 */
final class Nn {
    private final GraphBuilder b;

    Nn(GraphBuilder b) {
        this.b = b;
    }

    GraphBuilder builder() { return b; }

    long channels(String x) { return b.shape(x)[1]; }

    // ---- modules -----------------------------------------------------------------------------

    /** nn.Conv2d with a square kernel, dilation 1. */
    String conv2d(String path, String x, long outChannels, long kernel, long stride, long pad, long groups, boolean bias) {
        long in = channels(x);
        require(in % groups == 0 && outChannels % groups == 0, path + ": channels not divisible by groups " + groups);
        long fanIn = in / groups * kernel * kernel;
        long[] wDims = {outChannels, in / groups, kernel, kernel};
        float[] weight = b.init().kaiming(path + ".weight", count(wDims), fanIn);
        String w = b.param(path + ".weight", wDims, weight);
        List<String> inputs = bias
                ? List.of(x, w, b.param(path + ".bias", new long[] {outChannels},
                        b.init().bias(path + ".bias", (int) outChannels, fanIn)))
                : List.of(x, w);
        String y = b.node(b.call(path), "Conv", inputs, ShapeMath.window2d(b.shape(x), outChannels, kernel, stride, pad),
                Attribute.of("dilations", 1L, 1L), Attribute.of("group", groups),
                Attribute.of("kernel_shape", kernel, kernel), Attribute.of("pads", pad, pad, pad, pad),
                Attribute.of("strides", stride, stride));
        // Tracked for the BatchNorm that follows; convs with a bias (LeNet) feed none.
        if (!bias && b.stats(x) != null) {
            b.setStats(y, ActivationStats.conv(b.stats(x), weight, (int) outChannels, (int) groups));
        }
        return y;
    }

    /**
     * nn.BatchNorm2d in eval mode. The running statistics are the ones the input is expected to have
     * (see {@link ActivationStats}), so the layer roughly normalises, as a trained one does; running_var
     * is kept strictly positive. The affine weight is drawn near 1 and the bias near 0.
     */
    String batchNorm2d(String path, String x) {
        ActivationStats in = b.stats(x);
        require(in != null, path + ": BatchNorm input statistics unknown");
        int c = (int) channels(x);
        long[] dims = {c};
        WeightInit r = b.init();
        float[] gamma = r.uniform(path + ".weight", c, 0.8, 1.2);
        float[] beta = r.uniform(path + ".bias", c, -0.1, 0.1);
        float[] mean = new float[c];
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            mean[i] = (float) in.mean()[i];
            var[i] = (float) Math.max(in.var()[i], 1e-3);
        }
        String w = b.param(path + ".weight", dims, gamma);
        String bias = b.param(path + ".bias", dims, beta);
        String rm = b.param(path + ".running_mean", dims, mean);
        String rv = b.param(path + ".running_var", dims, var);
        // PyTorch writes its momentum 0.1 as ONNX's 1 - momentum.
        String y = b.node(b.call(path), "BatchNormalization", List.of(x, w, bias, rm, rv), b.shape(x),
                Attribute.of("epsilon", 1e-5f), Attribute.of("momentum", 0.9f));
        b.setStats(y, ActivationStats.affine(gamma, beta));
        return y;
    }

    String relu(String path, String x) {
        return rectified(x, b.node(b.call(path), "Relu", List.of(x), b.shape(x)));
    }

    /** nn.ReLU6 as opset >= 11 exports it: Clip with min and max given as inputs. */
    String relu6(String path, String x) {
        // Statistics as for ReLU: with unit-scale inputs the cap at 6 is almost never reached.
        return rectified(x, b.node(b.call(path), "Clip", List.of(x, b.constant(0f), b.constant(6f)), b.shape(x)));
    }

    private String rectified(String x, String y) {
        if (b.stats(x) != null) b.setStats(y, b.stats(x).relu());
        return y;
    }

    String tanh(String path, String x) {
        return b.node(b.call(path), "Tanh", List.of(x), b.shape(x));
    }

    /** Statistics pass through unchanged: an underestimate, as a window's max exceeds its typical element. */
    String maxPool2d(String path, String x, long kernel, long stride, long pad) {
        String y = b.node(b.call(path), "MaxPool", List.of(x), ShapeMath.window2d(b.shape(x), channels(x), kernel, stride, pad),
                Attribute.of("ceil_mode", 0L), Attribute.of("kernel_shape", kernel, kernel),
                Attribute.of("pads", pad, pad, pad, pad), Attribute.of("strides", stride, stride));
        b.setStats(y, b.stats(x));
        return y;
    }

    String avgPool2d(String path, String x, long kernel, long stride) {
        return b.node(b.call(path), "AveragePool", List.of(x), ShapeMath.window2d(b.shape(x), channels(x), kernel, stride, 0),
                Attribute.of("ceil_mode", 0L), Attribute.of("count_include_pad", 1L),
                Attribute.of("kernel_shape", kernel, kernel), Attribute.of("pads", 0L, 0L, 0L, 0L),
                Attribute.of("strides", stride, stride));
    }

    /**
     * nn.Linear. On a 2-D input PyTorch exports Gemm with the [out, in] weight (transB); on higher
     * ranks MatMul with the weight stored transposed as [in, out], then Add with the bias first.
     */
    String linear(String path, String x, long outFeatures) {
        long[] xs = b.shape(x);
        long in = xs[xs.length - 1];
        boolean gemm = xs.length == 2;
        long[] wDims = gemm ? new long[] {outFeatures, in} : new long[] {in, outFeatures};
        String w = b.param(path + ".weight", wDims, b.init().kaiming(path + ".weight", count(wDims), in));
        String bias = b.param(path + ".bias", new long[] {outFeatures}, b.init().bias(path + ".bias", (int) outFeatures, in));
        String scope = b.call(path);
        if (gemm) {
            return b.node(scope, "Gemm", List.of(x, w, bias), new long[] {xs[0], outFeatures},
                    Attribute.of("alpha", 1f), Attribute.of("beta", 1f), Attribute.of("transB", 1L));
        }
        String mm = b.node(scope, "MatMul", List.of(x, w), ShapeMath.matmul(xs, wDims));
        return b.node(scope, "Add", List.of(bias, mm), b.shape(mm));
    }

    /** nn.LayerNorm over the last dimension (the opset 17 LayerNormalization op). */
    String layerNorm(String path, String x) {
        long[] xs = b.shape(x);
        int d = (int) xs[xs.length - 1];
        String w = b.param(path + ".weight", new long[] {d}, b.init().uniform(path + ".weight", d, 0.8, 1.2));
        String bias = b.param(path + ".bias", new long[] {d}, b.init().uniform(path + ".bias", d, -0.1, 0.1));
        return b.node(b.call(path), "LayerNormalization", List.of(x, w, bias), xs,
                Attribute.of("axis", -1L), Attribute.of("epsilon", 1e-5f));
    }

    /** nn.GELU (exact), exported as x * 0.5 * (1 + erf(x / sqrt 2)): Div, Erf, Add, Mul, Mul. */
    String gelu(String path, String x) {
        String scope = b.call(path);
        long[] s = b.shape(x);
        String scaled = b.node(scope, "Div", List.of(x, b.constant((float) Math.sqrt(2))), s);
        String erf = b.node(scope, "Erf", List.of(scaled), s);
        String onePlus = b.node(scope, "Add", List.of(erf, b.constant(1f)), s);
        String gated = b.node(scope, "Mul", List.of(x, onePlus), s);
        return b.node(scope, "Mul", List.of(gated, b.constant(0.5f)), s);
    }

    // ---- functional ops ----------------------------------------------------------------------

    String add(String path, String x, String y) {
        String sum = b.node(b.within(path), "Add", List.of(x, y), ShapeMath.broadcast(b.shape(x), b.shape(y)));
        if (b.stats(x) != null && b.stats(y) != null) b.setStats(sum, b.stats(x).plus(b.stats(y)));
        return sum;
    }

    String div(String path, String x, float divisor) {
        return b.node(b.within(path), "Div", List.of(x, b.constant(divisor)), b.shape(x));
    }

    String matmul(String path, String x, String y) {
        return b.node(b.within(path), "MatMul", List.of(x, y), ShapeMath.matmul(b.shape(x), b.shape(y)));
    }

    String softmax(String path, String x) {
        return b.node(b.within(path), "Softmax", List.of(x), b.shape(x), Attribute.of("axis", -1L));
    }

    String reshape(String path, String x, long... shape) {
        require(ShapeMath.elements(shape) == ShapeMath.elements(b.shape(x)), path + ": reshape changes the element count");
        return b.node(b.within(path), "Reshape", List.of(x, b.constant(shape)), shape);
    }

    String transpose(String path, String x, long... perm) {
        return b.node(b.within(path), "Transpose", List.of(x), ShapeMath.transpose(b.shape(x), perm), Attribute.of("perm", perm));
    }

    /** torch.flatten(x, 1). */
    String flatten(String path, String x) {
        long[] s = b.shape(x);
        long rest = ShapeMath.elements(s) / s[0];
        return b.node(b.within(path), "Flatten", List.of(x), new long[] {s[0], rest}, Attribute.of("axis", 1L));
    }

    /** adaptive_avg_pool2d(x, (1, 1)), which exports as GlobalAveragePool. */
    String globalAvgPool(String path, String x) {
        long[] s = b.shape(x);
        return b.node(b.within(path), "GlobalAveragePool", List.of(x), new long[] {s[0], s[1], 1, 1});
    }

    private static int count(long[] dims) {
        return Math.toIntExact(ShapeMath.elements(dims));
    }
}
