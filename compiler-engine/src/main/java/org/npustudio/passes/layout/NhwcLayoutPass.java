package org.npustudio.passes.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.PatternOps;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.ValueNames;

/**
 * Converts 4-D activations to NHWC for a device that wants channels last. Each layout-sensitive
 * node (Conv, FusedConv, pools) becomes org.npustudio.Nhwc (same id, the operator kept in attribute
 * {@code op}) between a Transpose to NHWC and a Transpose back; then the transposes back to NCHW are
 * pushed down through element-wise operators (all tensor inputs NHWC or already transposed to NHWC
 * elsewhere; constants scalar or per-channel)
 * and adjacent NCHW→NHWC pairs cancel, until only transposes at the region boundaries (graph inputs and
 * outputs, Flatten/Reshape, unknown ops) remain. Weights keep ONNX's OIHW layout.
 */
public final class NhwcLayoutPass extends BasePass {
    static final long[] TO_NHWC = {0, 2, 3, 1};
    static final long[] TO_NCHW = {0, 3, 1, 2};
    static final List<String> LAYOUT_OPS = List.of("Conv", "FusedConv", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool");
    private static final Set<String> ELEMENTWISE = Set.of("Relu", "Clip", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid",
            "HardSwish", "Elu", "Neg", "Abs", "Exp", "Sqrt", "Erf", "Softplus", "Add", "Sub", "Mul", "Div", "Max", "Min", "Sum");

    public static final PassInfo INFO = new PassInfo("layout-nhwc",
            "run 4-D Conv/pool activations in NHWC, transposing only at region boundaries",
            List.of(PassOption.strings("ops", LAYOUT_OPS, "operators to run in NHWC, of " + LAYOUT_OPS)),
            NhwcLayoutPass::new);

    public NhwcLayoutPass(PassOptions o) {
        super(INFO.name(), o);
        for (String op : o.strings("ops")) {
            if (!LAYOUT_OPS.contains(op)) throw new IllegalArgumentException("layout-nhwc cannot convert '" + op + "' (supported: " + LAYOUT_OPS + ")");
        }
    }

    @Override
    public PassContract contract() { return PassContract.requires(PassContract.SHAPES_INFERRED); }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        ValueNames names = new ValueNames(g);
        boolean changed = false;
        for (Node n : List.copyOf(g.nodes())) {
            if (!convertible(g, n)) continue;
            ctx.visit(n);
            wrap(model, g, n, names);
            changed = true;
        }
        if (!changed) return false;
        GraphEdits.ensureOpset(model, FusedOps.DOMAIN, 1);
        boolean again = true;
        while (again) {
            again = false;
            GraphEdits.sortTopologically(g);
            for (Node n : List.copyOf(g.nodes())) {
                if (n.graph() != g) continue;
                again |= cancel(g, n) || push(model, g, n, names);
            }
        }
        List<Node> reversed = new java.util.ArrayList<>(g.topologicalOrder());
        java.util.Collections.reverse(reversed);
        for (Node n : reversed) {
            if (GraphEdits.is(n, "Transpose") && g.consumers(n.output(0)).isEmpty() && !GraphEdits.isGraphOutput(g, n.output(0))) {
                g.removeNode(n);
                g.removeValueInfo(n.output(0));
            }
        }
        return true;
    }

    private boolean convertible(Graph g, Node n) {
        boolean fused = FusedOps.DOMAIN.equals(n.domain()) && n.opType().equals(FusedOps.FUSED_CONV);
        if (!fused && !GraphEdits.isDefaultDomain(n)) return false;
        if (!options().strings("ops").contains(n.opType()) || n.outputs().size() != 1) return false;
        Shape s = GraphEdits.shape(g, n.input(0));
        return s != null && s.rank() == 4;
    }

    private static void wrap(Model model, Graph g, Node n, ValueNames names) {
        String op = n.opType();
        String x = n.input(0), y = n.output(0);
        String xn = names.fresh(x + "_nhwc"), yn = names.fresh(y + "_nhwc");
        Node t1 = transpose(model, n.id() + "_to_nhwc", x, xn, TO_NHWC);
        Node t2 = transpose(model, n.id() + "_to_nchw", yn, y, TO_NCHW);
        GraphEdits.insertBefore(g, n, t1);
        n.setAttribute(Attribute.of("op", op));
        n.setOpType(PatternOps.NHWC);
        n.setDomain(FusedOps.DOMAIN);
        n.setInput(0, xn);
        n.setOutput(0, yn);
        GraphEdits.insertAfter(g, n, t2);
        declare(g, xn, x);
        declare(g, yn, y);
    }

    /** Moves a Transpose-to-NCHW below element-wise op {@code e} when all its tensor inputs allow it. */
    private static boolean push(Model model, Graph g, Node e, ValueNames names) {
        if (!GraphEdits.isDefaultDomain(e) || !ELEMENTWISE.contains(e.opType()) || e.outputs().size() != 1) return false;
        Shape out = GraphEdits.shape(g, e.output(0));
        if (out == null || out.rank() != 4) return false;
        long channels = out.dim(1).value();
        String[] newInputs = new String[e.inputs().size()];
        boolean any = false;
        for (int i = 0; i < newInputs.length; i++) {
            String in = e.input(i);
            Node t = g.producer(in);
            if (in.isEmpty()) {
                newInputs[i] = in;
            } else if (GraphEdits.is(t, "Transpose") && Arrays.equals(t.attrLongs("perm"), TO_NCHW)) {
                newInputs[i] = t.input(0);
                any = true;
            } else if (GraphEdits.constant(g, in) != null) {
                newInputs[i] = channelsLast(g, GraphEdits.constant(g, in), channels, names);
                if (newInputs[i] == null) return false;
            } else {
                // An NCHW value someone already transposes to NHWC (e.g. the block input of a residual).
                newInputs[i] = existingNhwc(g, in);
                if (newInputs[i] == null) return false;
            }
        }
        if (!any) return false;
        String y = e.output(0), yn = names.fresh(y + "_nhwc");
        for (int i = 0; i < newInputs.length; i++) e.setInput(i, newInputs[i]);
        e.setOutput(0, yn);
        declare(g, yn, y);
        GraphEdits.insertAfter(g, e, transpose(model, e.id() + "_to_nchw", yn, y, TO_NCHW));
        return true;
    }

    private static String existingNhwc(Graph g, String nchw) {
        for (Node c : g.consumers(nchw)) {
            if (GraphEdits.is(c, "Transpose") && Arrays.equals(c.attrLongs("perm"), TO_NHWC)) return c.output(0);
        }
        return null;
    }

    /** A scalar stays; a per-channel constant ([C,1,1], [1,C,1,1]) becomes [1,1,1,C]; else null. */
    private static String channelsLast(Graph g, Tensor c, long channels, ValueNames names) {
        if (c.elementCount() == 1) return c.name();
        long[] d = c.dims();
        if (c.elementCount() != channels || d.length > 4 || d.length < 3 || d[d.length - 3] != channels) return null;
        String name = names.fresh(c.name() + "_nhwc");
        g.putInitializer(Tensor.raw(name, c.dataType(), new long[] {1, 1, 1, channels}, bytes(c)));
        return name;
    }

    private static byte[] bytes(Tensor t) {
        java.nio.ByteBuffer b = t.rawBytes().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Transpose-to-NHWC reading a Transpose-to-NCHW: its readers read the NHWC value directly. */
    private static boolean cancel(Graph g, Node t2) {
        if (!GraphEdits.is(t2, "Transpose") || !Arrays.equals(t2.attrLongs("perm"), TO_NHWC)) return false;
        Node t1 = g.producer(t2.input(0));
        if (!GraphEdits.is(t1, "Transpose") || !Arrays.equals(t1.attrLongs("perm"), TO_NCHW)) return false;
        return GraphEdits.bypass(g, t2, t1.input(0));
    }

    private static Node transpose(Model model, String base, String in, String out, long[] perm) {
        Node t = new Node(model.freshNodeId(base), "", "Transpose", "", List.of(in), List.of(out));
        t.setName(t.id());
        t.setAttribute(Attribute.of("perm", perm));
        return t;
    }

    /** Declares NHWC value {@code nhwc} with the permuted type of NCHW value {@code nchw}, when known. */
    private static void declare(Graph g, String nhwc, String nchw) {
        TypeInfo t = g.typeOf(nchw);
        if (!(t instanceof TypeInfo.TensorType tt) || tt.shape() == null || tt.shape().rank() != 4) return;
        Shape s = tt.shape();
        Shape p = Shape.of(List.of(s.dim(0), s.dim(2), s.dim(3), s.dim(1)));
        g.putValueInfo(new ValueInfo(nhwc, new TypeInfo.TensorType(tt.elemType() == null ? DataType.UNDEFINED : tt.elemType(), p), "", null, null));
    }
}
