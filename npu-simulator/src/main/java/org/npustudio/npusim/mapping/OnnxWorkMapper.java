package org.npustudio.npusim.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.GemmShape;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.FreeWork;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.MoveWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.Uncosted;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.VectorWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.shape.WindowGeometry;

/**
 * Turns an ONNX graph into simulator work. Conv, ConvTranspose, Gemm and (batched) MatMul become GEMMs;
 * a grouped conv is {@code group} GEMMs of M x (N/g) x (K/g) (depthwise: group = channels, so K = kh*kw
 * and one filter column per group), unlike SCALE-Sim topologies, whose rows are taken literally.
 * ONNX pads are honoured; dilation widens the window. Shapes come from {@link ShapeTable}.
 */
public final class OnnxWorkMapper {
    private final Graph graph;
    private final ShapeTable shapes;
    private final Set<String> constants = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> loopTrips;

    private OnnxWorkMapper(Graph graph, ShapeTable shapes, Map<String, Long> loopTrips) {
        this.graph = graph;
        this.shapes = shapes;
        this.loopTrips = loopTrips;
    }

    public static WorkGraph map(Graph graph) {
        return map(graph, Map.of());
    }

    /**
     * Maps the graph; {@code loopTrips} gives the trip count of Loop nodes (by node id, also inside bodies)
     * whose count is not a constant (without one such a Loop is not costed).
     */
    public static WorkGraph map(Graph graph, Map<String, Long> loopTrips) {
        List<Node> topo = graph.topologicalOrder();
        OnnxWorkMapper m = new OnnxWorkMapper(graph, ShapeTable.resolve(graph, topo), Map.copyOf(loopTrips));
        m.constants.addAll(graph.initializers().keySet());
        List<WorkNode> nodes = new ArrayList<>(topo.size());
        for (Node n : topo) {
            if (n.opType().equals("Constant")) m.constants.addAll(n.outputs());
            OpWork w = m.work(n);
            if (w instanceof BodyWork b) {
                // The rule that chose the body and the trip count is an assumption the user should see.
                m.warnings.add("node '" + n.id() + "' (" + n.opType() + "): costed as " + b.label());
                nodes.add(new WorkNode(n.id(), n.opType(), ControlFlowMapper.inputsOf(n), ControlFlowMapper.outputsOf(n), w));
            } else {
                nodes.add(new WorkNode(n.id(), n.opType(), n.inputs(), n.outputs(), w, OpCatalog.needs(n)));
            }
        }
        Set<String> outputs = new HashSet<>();
        for (ValueInfo v : graph.outputs()) outputs.add(v.name());
        Map<String, long[]> known = new HashMap<>();
        for (Node n : topo) {
            for (String v : n.inputs()) put(known, v, m.shapes.get(v));
            for (String v : n.outputs()) put(known, v, m.shapes.get(v));
        }
        return new WorkGraph(graph.name(), nodes, known, outputs, m.warnings);
    }

    private static void put(Map<String, long[]> known, String v, long[] s) {
        if (s != null && !v.isEmpty()) known.put(v, s);
    }

    /** The works of a body's nodes in order, or the first node's work that is not costed (an {@link UnknownWork}). */
    List<OpWork> mapBody(Graph body, Map<String, long[]> inputShapes) {
        ShapeTable table = ShapeTable.body(body, shapes);
        for (var e : inputShapes.entrySet()) table.assume(e.getKey(), e.getValue());
        OnnxWorkMapper child = new OnnxWorkMapper(body, table, loopTrips);
        child.constants.addAll(constants);
        child.constants.addAll(body.initializers().keySet());
        List<OpWork> works = new ArrayList<>();
        for (Node n : body.topologicalOrder()) {
            if (n.opType().equals("Constant")) child.constants.addAll(n.outputs());
            OpWork w = child.work(n);
            if (w instanceof UnknownWork u) {
                return List.of(new UnknownWork(u.opType(), "body node '" + n.id() + "' (" + n.opType() + "): " + u.reason(), u.kind(),
                        u.inputElements(), u.constantInputs(), u.outputElements()));
            }
            works.add(w);
        }
        return works;
    }

    ShapeTable shapes() { return shapes; }

    Long loopTrips(String nodeId) { return loopTrips.get(nodeId); }

    private OpWork work(Node n) {
        String op = n.opType();
        if (OpCatalog.FREE.contains(op)) return new FreeWork(op, n.inputs().size(), n.outputs().size());
        if (ControlFlowMapper.handles(op)) return ControlFlowMapper.work(this, n);
        long[] in = new long[n.inputs().size()];
        boolean[] cst = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            String v = n.input(i);
            cst[i] = constants.contains(v);
            if (v.isEmpty()) continue;
            long[] s = shapes.get(v);
            if (s == null) return unknown(n, "the shape of input '" + v + "' is unknown", Uncosted.UNKNOWN_SHAPE, in, cst);
            in[i] = ShapeTable.elements(s);
        }
        long[] out = new long[n.outputs().size()];
        for (int i = 0; i < out.length; i++) {
            long[] s = shapes.get(n.output(i));
            // LSTM/GRU/RNN outputs follow from X and R (shape inference has no rule for them).
            if (s == null && !n.output(i).isEmpty() && !RecurrentMapper.handles(op)) return unknown(n, "the shape of output '" + n.output(i) + "' is unknown", Uncosted.UNKNOWN_SHAPE, in, cst);
            out[i] = s == null ? 0 : ShapeTable.elements(s);
        }
        try {
            // A fused activation runs in the array's output stage as results stream out: same GEMM, no extra DRAM trip.
            if (op.equals("Conv") || OpCatalog.isFused(n, "FusedConv")) return conv(n, in, cst, out);
            if (op.equals("ConvTranspose")) return convTranspose(n, in, cst, out);
            if (op.equals("Gemm") || OpCatalog.isFused(n, "FusedGemm")) return gemm(n, in, cst, out);
            if (op.equals("MatMul")) return matmul(n, in, cst, out);
            if (RecurrentMapper.handles(op)) return RecurrentMapper.work(n, shapes, in, cst, out);
            if (OpCatalog.POOL.contains(op)) return pool(n, in, cst, out);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return unknown(n, e.getMessage(), Uncosted.UNKNOWN_SHAPE, in, cst);
        }
        if (OpCatalog.ELEMENTWISE.contains(op)) return new VectorWork(op, out.length == 0 ? 0 : out[0], in, cst, out, 2);
        if (OpCatalog.PER_INPUT.contains(op)) {
            return new VectorWork(op, in.length == 0 ? 0 : in[0], in, cst, out, op.equals("BatchNormalization") ? 2 : 0);
        }
        if (OpCatalog.MOVE.contains(op)) {
            // A gather or slice reads only the elements it keeps.
            if (Set.of("Slice", "Gather", "GatherElements", "GatherND", "Compress").contains(op) && out.length > 0 && in.length > 0) {
                in[0] = Math.min(in[0], out[0]);
            }
            return new MoveWork(op, in, cst, out);
        }
        return unknown(n, "the cost model has no rule for " + op, Uncosted.OPAQUE_OP, in, cst);
    }

    UnknownWork unknown(Node n, String reason, Uncosted kind, long[] in, boolean[] cst) {
        warnings.add("node '" + n.id() + "' (" + n.opType() + "): " + reason);
        long[] out = new long[n.outputs().size()];
        for (int i = 0; i < out.length; i++) {
            long[] s = shapes.get(n.output(i));
            out[i] = s == null ? 0 : ShapeTable.elements(s);
        }
        return new UnknownWork(n.opType(), reason, kind, in, cst, out);
    }

    private OpWork conv(Node n, long[] in, boolean[] cst, long[] out) {
        long[] x = shapes.get(n.input(0));
        long[] w = shapes.get(n.input(1));
        require(x.length >= 3 && w.length == x.length, "Conv needs an N x C x spatial input and a matching weight, got "
                + Arrays.toString(x) + " and " + Arrays.toString(w));
        long g = n.attrLong("group", 1);
        long c = x[1];
        long f = w[0];
        require(g > 0 && c % g == 0 && f % g == 0 && w[1] * g == c, "group " + g + " does not divide channels " + c + " / filters " + f);
        long[] spatial = Arrays.copyOfRange(x, 2, x.length);
        WindowGeometry geo = WindowGeometry.of(n, Arrays.copyOfRange(w, 2, w.length));
        long[] outSpatial = geo.outputs(spatial);
        require(outSpatial != null, "the kernel is larger than the padded input");
        long positions = ShapeTable.elements(outSpatial);
        GemmShape gemm = new GemmShape(x[0] * positions, f / g, (c / g) * geo.kernelSize());
        in[0] = x[0] * c * geo.touchedInputs(spatial, outSpatial);
        return new GemmWork("Conv", gemm, g, in, cst, out, windowRows(geo));
    }

    private OpWork convTranspose(Node n, long[] in, boolean[] cst, long[] out) {
        long[] x = shapes.get(n.input(0));
        long[] w = shapes.get(n.input(1));
        require(x.length >= 3 && w.length == x.length, "ConvTranspose needs an N x C x spatial input and a matching weight");
        long g = n.attrLong("group", 1);
        require(g > 0 && x[1] % g == 0 && w[0] == x[1], "group " + g + " does not divide channels " + x[1]);
        long kernel = ShapeTable.elements(Arrays.copyOfRange(w, 2, w.length));
        // Input-centric: every input pixel scatters a (F/g) x kernel patch; MACs are exact, no zero-insertion.
        GemmShape gemm = new GemmShape(x[0] * ShapeTable.elements(Arrays.copyOfRange(x, 2, x.length)), w[1] * kernel, x[1] / g);
        long[] s = n.attrLongs("strides");
        long stride = s == null || s.length == 0 ? 1 : s[0];
        int rows = (int) ((w[2] + stride - 1) / stride + 1);
        return new GemmWork("ConvTranspose", gemm, g, in, cst, out, rows);
    }

    private OpWork gemm(Node n, long[] in, boolean[] cst, long[] out) {
        long[] a = shapes.get(n.input(0));
        long[] b = shapes.get(n.input(1));
        require(a.length == 2 && b.length == 2, "Gemm needs 2-D operands");
        long m = n.attrLong("transA", 0) != 0 ? a[1] : a[0];
        long k = n.attrLong("transA", 0) != 0 ? a[0] : a[1];
        long cols = n.attrLong("transB", 0) != 0 ? b[0] : b[1];
        long kb = n.attrLong("transB", 0) != 0 ? b[1] : b[0];
        require(k == kb, "Gemm inner dimensions differ: " + k + " vs " + kb);
        return new GemmWork("Gemm", new GemmShape(m, cols, k), 1, in, cst, out, 0);
    }

    private OpWork matmul(Node n, long[] in, boolean[] cst, long[] out) {
        long[] a = shapes.get(n.input(0));
        long[] b = shapes.get(n.input(1));
        require(a.length >= 1 && b.length >= 1, "MatMul of scalars");
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        long k = a2[a2.length - 1];
        require(k == b2[b2.length - 2], "MatMul inner dimensions differ: " + Arrays.toString(a) + " x " + Arrays.toString(b));
        long m = a2[a2.length - 2];
        long cols = b2[b2.length - 1];
        // The broadcast batch dimensions are the inferred output's leading dimensions.
        long[] y = shapes.get(n.output(0));
        require(y != null, "MatMul output shape is unknown (the batch dimensions do not broadcast?)");
        long batches = ShapeTable.elements(Arrays.copyOf(y, Math.max(0, y.length - (a.length == 1 || b.length == 1 ? 1 : 2))));
        long batchB = ShapeTable.elements(Arrays.copyOf(b2, b2.length - 2));
        if (batchB == 1) return new GemmWork("MatMul", new GemmShape(batches * m, cols, k), 1, in, cst, out, 0);
        return new GemmWork("MatMul", new GemmShape(m, cols, k), batches, in, cst, out, 0);
    }

    private OpWork pool(Node n, long[] in, boolean[] cst, long[] out) {
        long[] x = shapes.get(n.input(0));
        long[] k = n.attrLongs("kernel_shape");
        if (k == null || k.length != x.length - 2) return unknown(n, "kernel_shape missing or of the wrong rank", Uncosted.UNKNOWN_SHAPE, in, cst);
        WindowGeometry geo = WindowGeometry.of(n, k);
        return new VectorWork(n.opType(), Math.multiplyExact(out[0], geo.kernelSize()), in, cst, out, windowRows(geo));
    }

    /** Rows of the first spatial axis a line buffer must hold: the window's extent plus one stride. */
    private static int windowRows(WindowGeometry geo) {
        if (geo.rank() == 0) return 0;
        return (int) Math.min(Integer.MAX_VALUE, geo.extent(0) + geo.stride(0));
    }

    private static void require(boolean ok, String problem) {
        if (!ok) throw new IllegalArgumentException(problem);
    }
}
