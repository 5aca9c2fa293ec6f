package org.npustudio.passes;

import java.util.stream.Collectors;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * A compact MLIR-like text of a model's main graph, one line per node in topological order:
 * {@code %y = Conv(%x, %w) {pads=[1, 1, 1, 1]}  # conv1}. Golden-graph tests compare it, and the
 * textual IR pane can show and diff it.
 */
public final class IrText {
    private IrText() {}

    public static String of(Model m) {
        Graph g = m.graph();
        StringBuilder b = new StringBuilder();
        b.append(inputsLine(g)).append('\n');
        for (Node n : g.topologicalOrder()) b.append(line(g, n)).append('\n');
        b.append(outputsLine(g));
        return b.toString();
    }

    /** The first line: the graph inputs that are not initializers. */
    public static String inputsLine(Graph g) {
        return "inputs: " + g.inputs().stream().map(ValueInfo::name).filter(n -> !g.isInitializer(n))
                .map(n -> "%" + n).collect(Collectors.joining(", "));
    }

    /** The last line: the graph outputs. */
    public static String outputsLine(Graph g) {
        return "outputs: " + g.outputs().stream().map(v -> "%" + v.name()).collect(Collectors.joining(", "));
    }

    public static String line(Graph g, Node n) {
        StringBuilder b = new StringBuilder();
        b.append(n.outputs().stream().map(o -> o.isEmpty() ? "_" : "%" + o).collect(Collectors.joining(", "))).append(" = ");
        if (!n.domain().isEmpty()) b.append(n.domain()).append('.');
        b.append(n.opType()).append('(');
        b.append(n.inputs().stream().map(i -> i.isEmpty() ? "_" : operand(g, i)).collect(Collectors.joining(", "))).append(')');
        if (!n.attributes().isEmpty()) {
            b.append(" {").append(n.attributes().values().stream().map(Attribute::toString).collect(Collectors.joining(", "))).append('}');
        }
        b.append("  # ").append(n.id());
        if (!n.provenance().isEmpty()) b.append(" <- ").append(String.join(", ", n.provenance()));
        return b.toString();
    }

    private static String operand(Graph g, String v) {
        Tensor t = g.isGraphInput(v) ? null : g.initializers().get(v);
        if (t == null) return "%" + v;
        if (t.elementCount() == 1 && (t.dataType().isFloatingPoint() || t.dataType().isInteger())) {
            double d = t.toDoubles()[0];
            return "%" + v + "<" + (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d)) + ">";
        }
        return "%" + v + "<" + t.dataType().displayName() + java.util.Arrays.toString(t.dims()) + ">";
    }
}
