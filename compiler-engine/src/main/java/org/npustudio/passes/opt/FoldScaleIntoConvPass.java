package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.ValueNames;

/**
 * Folds Mul, Div, Add and Sub by a per-channel (or single-value) constant that directly follow a Conv
 * into its weights and bias, repeating so whole chains collapse: x*s scales W and b, x+c adds to b.
 * The constant must broadcast only along the channel axis ([M,1,1], [1,M,1,1], [1], ...).
 */
public final class FoldScaleIntoConvPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("fold-scale-into-conv",
            "fold Mul/Div/Add/Sub-by-constant chains after a Conv into its weights and bias", List.of(),
            FoldScaleIntoConvPass::new);

    public FoldScaleIntoConvPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public PassContract contract() { return PassContract.requires(PassContract.NO_FUSED_OPS); }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        ValueNames names = new ValueNames(g);
        boolean changed = false;
        boolean again = true;
        while (again) {
            again = false;
            for (Node conv : List.copyOf(g.nodes())) {
                if (conv.graph() != g || !GraphEdits.is(conv, "Conv")) continue;
                ctx.visit(conv);
                Node e = GraphEdits.soleConsumer(g, conv.output(0));
                if (e == null || !GraphEdits.isDefaultDomain(e)) continue;
                String op = e.opType();
                if (!List.of("Mul", "Div", "Add", "Sub").contains(op) || e.inputs().size() != 2) continue;
                boolean convFirst = e.input(0).equals(conv.output(0));
                if (!convFirst && (op.equals("Div") || op.equals("Sub"))) continue;
                Tensor c = GraphEdits.constant(g, e.input(convFirst ? 1 : 0));
                ConvWeights cw = ConvWeights.read(g, conv);
                if (c == null || cw == null || c.dataType() != DataType.FLOAT) continue;
                double[] v = perChannel(c, cw.channels, rankOf(g, conv, cw));
                if (v == null) continue;
                switch (op) {
                    case "Mul" -> cw.scale(v);
                    case "Div" -> {
                        for (int i = 0; i < v.length; i++) v[i] = 1.0 / v[i];
                        cw.scale(v);
                    }
                    case "Add" -> { for (int i = 0; i < v.length; i++) cw.b[i] += v[i]; }
                    default -> { for (int i = 0; i < v.length; i++) cw.b[i] -= v[i]; }
                }
                cw.store(g, names);
                ConvWeights.takeOutput(g, conv, e);
                ctx.note("folded " + op + " '" + e.id() + "' into " + conv.id());
                again = changed = true;
            }
        }
        return changed;
    }

    private static int rankOf(Graph g, Node conv, ConvWeights cw) {
        Shape s = GraphEdits.shape(g, conv.output(0));
        return s != null ? s.rank() : cw.wDims.length;
    }

    /** The constant as one value per output channel, or null when it varies along another axis. */
    static double[] perChannel(Tensor c, int channels, int outRank) {
        long[] d = c.dims();
        if (d.length > outRank) return null;
        int off = outRank - d.length;
        for (int i = 0; i < d.length; i++) {
            int axis = i + off;
            if (d[i] != 1 && !(axis == 1 && d[i] == channels)) return null;
        }
        double[] vals = c.toDoubles();
        double[] out = new double[channels];
        for (int i = 0; i < channels; i++) out[i] = vals.length == 1 ? vals[0] : vals[i];
        return out;
    }
}
