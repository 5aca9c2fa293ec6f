package org.npustudio.shape;

import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/**
 * LSTM, GRU and RNN: X is [seq, batch, input] ([batch, seq, input] with layout=1); Y is
 * [seq, directions, batch, hidden] ([batch, seq, directions, hidden]); Y_h and Y_c are
 * [directions, batch, hidden] ([batch, directions, hidden]). hidden_size comes from the attribute,
 * else from R's last dim.
 */
final class RecurrentShapes {
    private RecurrentShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("LSTM", c -> infer(c, 3));
        m.put("GRU", c -> infer(c, 2));
        m.put("RNN", c -> infer(c, 2));
    }

    private static void infer(InferenceContext c, int stateOutputs) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x != null && x.rank() != 3) throw c.fail("input X must have rank 3, has " + x);
        boolean batchFirst = c.attr("layout", 0) == 1;
        String direction = c.str("direction", "forward");
        Dim dirs = Dim.of(direction.equals("bidirectional") ? 2 : 1);
        long hiddenAttr = c.attr("hidden_size", -1);
        Dim hidden = hiddenAttr > 0 ? Dim.of(hiddenAttr) : c.shape(2) != null && c.shape(2).rank() == 3 ? c.shape(2).dim(2) : Dim.UNKNOWN;
        Dim seq = x == null ? Dim.UNKNOWN : x.dim(batchFirst ? 1 : 0);
        Dim batch = x == null ? Dim.UNKNOWN : x.dim(batchFirst ? 0 : 1);
        var elem = c.elemType(0);
        c.setOutput(0, elem, Shape.of(batchFirst ? java.util.List.of(batch, seq, dirs, hidden) : java.util.List.of(seq, dirs, batch, hidden)));
        Shape state = Shape.of(batchFirst ? java.util.List.of(batch, dirs, hidden) : java.util.List.of(dirs, batch, hidden));
        for (int i = 1; i < stateOutputs; i++) c.setOutput(i, elem, state);
    }
}
