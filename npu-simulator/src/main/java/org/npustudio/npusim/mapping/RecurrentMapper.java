package org.npustudio.npusim.mapping;

import java.util.Arrays;
import org.npustudio.ir.Node;
import org.npustudio.npusim.GemmShape;
import org.npustudio.npusim.work.RecurrentWork;

/**
 * ONNX LSTM (4 gates), GRU (3) and RNN (1) as {@link RecurrentWork}: per direction one input-projection
 * GEMM over the whole sequence and one recurrent GEMM per step, plus vector work per step and hidden unit:
 * LSTM 13 (add the two projections for 4 gates, 3 sigmoids and a tanh, c = f·c + i·g, h = o·tanh(c)),
 * GRU 10 (2 adds and 2 sigmoids for z and r, r·(R·h), add, tanh, h = (1 − z)·h' + z·h), RNN 2 (add, tanh).
 * Biases are added in the array's accumulators.
 */
final class RecurrentMapper {
    private RecurrentMapper() {}

    static boolean handles(String op) { return op.equals("LSTM") || op.equals("GRU") || op.equals("RNN"); }

    static int gates(String op) {
        return switch (op) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            default -> 1;
        };
    }

    static long vectorOpsPerUnit(String op) {
        return switch (op) {
            case "LSTM" -> 13;
            case "GRU" -> 10;
            default -> 2;
        };
    }

    static RecurrentWork work(Node n, ShapeTable shapes, long[] in, boolean[] cst, long[] out) {
        String op = n.opType();
        long[] x = shapes.get(n.input(0));
        long[] w = shapes.get(n.input(1));
        long[] r = shapes.get(n.input(2));
        require(x != null && x.length == 3 && w != null && w.length == 3 && r != null && r.length == 3,
                op + " needs 3-D X, W and R, got " + Arrays.toString(x) + ", " + Arrays.toString(w) + ", " + Arrays.toString(r));
        boolean batchFirst = n.attrLong("layout", 0) == 1;
        long seq = batchFirst ? x[1] : x[0];
        long batch = batchFirst ? x[0] : x[1];
        long inputSize = x[2];
        long g = gates(op);
        long hidden = n.attrLong("hidden_size", r[2]);
        long dirs = w[0];
        String direction = n.attrString("direction", "forward");
        require(dirs == (direction.equals("bidirectional") ? 2 : 1), op + " direction '" + direction + "' does not match W's " + dirs + " directions");
        require(w[1] == g * hidden && w[2] == inputSize, op + " W " + Arrays.toString(w) + " does not match " + g + " gates x hidden " + hidden
                + " x input " + inputSize);
        require(r[1] == g * hidden && r[2] == hidden, op + " R " + Arrays.toString(r) + " does not match " + g + " gates x hidden " + hidden);
        long[] produced = {Math.multiplyExact(seq, dirs * batch * hidden), dirs * batch * hidden, dirs * batch * hidden};
        for (int i = 0; i < out.length && i < produced.length; i++) if (!n.output(i).isEmpty()) out[i] = produced[i];
        GemmShape input = new GemmShape(Math.multiplyExact(seq, batch), g * hidden, inputSize);
        GemmShape recurrent = new GemmShape(batch, g * hidden, hidden);
        long steps = Math.multiplyExact(seq, dirs);
        long vector = Math.multiplyExact(Math.multiplyExact(steps, Math.multiplyExact(batch, hidden)), vectorOpsPerUnit(op));
        return new RecurrentWork(op, input, recurrent, dirs, steps, vector, in, cst, out);
    }

    private static void require(boolean ok, String problem) {
        if (!ok) throw new IllegalArgumentException(problem);
    }
}
