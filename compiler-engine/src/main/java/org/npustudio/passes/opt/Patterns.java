package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.passes.GraphEdits;

/** Matching helpers for the pattern-recognition passes. */
final class Patterns {
    private Patterns() {}

    /** True when {@code value} is a constant single element within 1e-3 relative of {@code want}. */
    static boolean isConst(Graph g, String value, double want) {
        double v = GraphEdits.scalar(g, value);
        return !Double.isNaN(v) && Math.abs(v - want) <= 1e-3 * Math.abs(want);
    }

    /** The input of binary {@code n} that is not {@code known}, or null if n does not read known. */
    static String other(Node n, String known) {
        if (n.inputs().size() != 2) return null;
        if (n.input(0).equals(known)) return n.input(1);
        if (n.input(1).equals(known)) return n.input(0);
        return null;
    }

    /** The sole reader of n's output when it is the given standard op, else null. */
    static Node next(Graph g, Node n, String opType) {
        Node c = GraphEdits.soleConsumer(g, n.output(0));
        return GraphEdits.is(c, opType) ? c : null;
    }

    /** Binary op {@code n} reads a constant ≈ want and something else; returns the something else, or null. */
    static String withConst(Graph g, Node n, double want) {
        if (n == null || n.inputs().size() != 2) return null;
        if (isConst(g, n.input(1), want)) return n.input(0);
        if (isConst(g, n.input(0), want) && !n.opType().equals("Div") && !n.opType().equals("Sub")) return n.input(1);
        return null;
    }

    /** Removes matched nodes (all but the last must be read only inside the match) and their value_info. */
    static void removeAll(Graph g, List<Node> nodes) {
        for (Node n : nodes) {
            g.removeNode(n);
            for (String o : n.outputs()) g.removeValueInfo(o);
        }
    }
}
