package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.ValueNames;

/**
 * Folds an inference BatchNormalization into the Conv or Gemm feeding it (when BN is that node's only
 * reader): with s = scale / sqrt(var + eps), W' = W * s per output channel and b' = (b - mean) * s +
 * bias. The Conv/Gemm keeps its id and takes over BN's output; BN is deleted.
 */
public final class FoldBatchNormPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("fold-batchnorm",
            "fold BatchNormalization into the preceding Conv or Gemm", List.of(), FoldBatchNormPass::new);

    public FoldBatchNormPass(PassOptions o) {
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
        for (Node bn : List.copyOf(g.nodes())) {
            if (!GraphEdits.is(bn, "BatchNormalization") || bn.attrLong("training_mode", 0) != 0) continue;
            ctx.visit(bn);
            if (bn.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty() && !g.consumers(o).isEmpty())) continue;
            Node p = g.producer(bn.input(0));
            if (p == null || !(GraphEdits.is(p, "Conv") || GraphEdits.is(p, "Gemm")) || GraphEdits.soleConsumer(g, p.output(0)) != bn) continue;
            double[][] params = new double[4][];
            for (int i = 0; i < 4; i++) {
                Tensor t = GraphEdits.constant(g, bn.input(i + 1));
                if (t == null || t.dataType() != DataType.FLOAT) break;
                params[i] = t.toDoubles();
            }
            if (params[3] == null) continue;
            ConvWeights cw = ConvWeights.read(g, p);
            if (cw == null || params[0].length != cw.channels || params[1].length != cw.channels
                    || params[2].length != cw.channels || params[3].length != cw.channels) continue;
            double eps = bn.attrFloat("epsilon", 1e-5f);
            double[] s = new double[cw.channels];
            for (int c = 0; c < s.length; c++) s[c] = params[0][c] / Math.sqrt(params[3][c] + eps);
            for (int c = 0; c < s.length; c++) cw.b[c] -= params[2][c];
            cw.scale(s);
            for (int c = 0; c < s.length; c++) cw.b[c] += params[1][c];
            cw.store(g, names);
            ConvWeights.takeOutput(g, p, bn);
            ctx.note("folded " + bn.id() + " into " + p.id());
            changed = true;
        }
        return changed;
    }
}
