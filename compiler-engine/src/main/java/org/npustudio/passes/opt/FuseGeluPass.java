package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.PatternOps;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/**
 * Recognises GELU as exporters write it, exact: x * 0.5 * (1 + erf(x / sqrt 2)) (Div or Mul by
 * 1/sqrt 2; the 0.5 applied first, last or to the sum) and the tanh approximation:
 * 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))) (x^3 as Pow or two Muls), and replaces the
 * pattern by one node with provenance to all of it: Gelu from opset 20, else org.npustudio.Gelu which
 * the legalizer expands back.
 */
public final class FuseGeluPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("fuse-gelu",
            "recognise the Erf and tanh GELU patterns as one Gelu node", List.of(), FuseGeluPass::new);

    public FuseGeluPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        boolean changed = false;
        for (Node n : List.copyOf(g.nodes())) {
            if (n.graph() != g) continue;
            ctx.visit(n);
            List<Node> matched = new ArrayList<>();
            String x;
            String approximate;
            Node onePlus;
            if (GraphEdits.is(n, "Erf")) {
                approximate = "none";
                x = erfInput(g, n, matched);
            } else if (GraphEdits.is(n, "Tanh")) {
                approximate = "tanh";
                x = tanhInput(g, n, matched);
            } else {
                continue;
            }
            if (x == null) continue;
            matched.add(n);
            onePlus = Patterns.next(g, n, "Add");
            if (onePlus == null || !Patterns.isConst(g, Patterns.other(onePlus, n.output(0)), 1.0)) continue;
            matched.add(onePlus);
            if (!tail(g, x, onePlus, matched)) continue;
            Node last = matched.get(matched.size() - 1);
            boolean standard = GraphEdits.opset(model) >= 20;
            Node gelu = new Node(model.freshNodeId(last.id() + "_gelu"), "", PatternOps.GELU, standard ? "" : FusedOps.DOMAIN,
                    List.of(x), List.of(last.output(0)));
            gelu.setName(gelu.id());
            gelu.setAttribute(Attribute.of("approximate", approximate));
            gelu.setProvenance(matched.stream().map(Node::id).toList());
            GraphEdits.insertBefore(g, last, gelu);
            Patterns.removeAll(g, matched);
            if (!standard) GraphEdits.ensureOpset(model, FusedOps.DOMAIN, 1);
            ctx.note("GELU (" + approximate + ") from " + matched.size() + " nodes as " + gelu.id());
            changed = true;
        }
        return changed;
    }

    /** x for erf(x / sqrt 2) or erf(x * 1/sqrt 2); adds the scaling node. */
    private static String erfInput(Graph g, Node erf, List<Node> matched) {
        Node p = g.producer(erf.input(0));
        if (p == null || GraphEdits.soleConsumer(g, p.output(0)) != erf) return null;
        String x = GraphEdits.is(p, "Div") ? Patterns.withConst(g, p, Math.sqrt(2))
                : GraphEdits.is(p, "Mul") ? Patterns.withConst(g, p, Math.sqrt(0.5)) : null;
        if (x != null) matched.add(p);
        return x;
    }

    /** x for tanh(sqrt(2/pi) * (x + 0.044715 * x^3)); adds the nodes computing the argument. */
    private static String tanhInput(Graph g, Node tanh, List<Node> matched) {
        Node scale = g.producer(tanh.input(0));
        if (!GraphEdits.is(scale, "Mul") || GraphEdits.soleConsumer(g, scale.output(0)) != tanh) return null;
        String sumV = Patterns.withConst(g, scale, Math.sqrt(2 / Math.PI));
        Node sum = sumV == null ? null : g.producer(sumV);
        if (!GraphEdits.is(sum, "Add") || GraphEdits.soleConsumer(g, sum.output(0)) != scale) return null;
        for (int side = 0; side < 2; side++) {
            String x = sum.input(side);
            Node cubic = g.producer(sum.input(1 - side));
            if (!GraphEdits.is(cubic, "Mul") || GraphEdits.soleConsumer(g, cubic.output(0)) != sum) continue;
            String x3 = Patterns.withConst(g, cubic, 0.044715);
            List<Node> powNodes = x3 == null ? null : cube(g, g.producer(x3), x, cubic);
            if (powNodes == null) continue;
            matched.addAll(powNodes);
            matched.add(cubic);
            matched.add(sum);
            matched.add(scale);
            return x;
        }
        return null;
    }

    /** Nodes computing x^3 as Pow(x, 3) or Mul(Mul(x, x), x) (read only by {@code reader}), or null. */
    private static List<Node> cube(Graph g, Node p, String x, Node reader) {
        if (p == null || GraphEdits.soleConsumer(g, p.output(0)) != reader) return null;
        if (GraphEdits.is(p, "Pow") && p.input(0).equals(x) && Patterns.isConst(g, p.input(1), 3)) return List.of(p);
        if (!GraphEdits.is(p, "Mul")) return null;
        String sq = Patterns.other(p, x);
        Node s = sq == null ? null : g.producer(sq);
        if (GraphEdits.is(s, "Mul") && s.input(0).equals(x) && s.input(1).equals(x) && GraphEdits.soleConsumer(g, s.output(0)) == p) {
            return List.of(s, p);
        }
        return null;
    }

    /** Matches the multiplications by x and 0.5 after (1 + f); appends them, the final one last. */
    private static boolean tail(Graph g, String x, Node onePlus, List<Node> matched) {
        Node m1 = Patterns.next(g, onePlus, "Mul");
        if (m1 == null) return false;
        String other = Patterns.other(m1, onePlus.output(0));
        if (x.equals(other)) {
            Node m2 = Patterns.next(g, m1, "Mul");
            if (m2 == null || !Patterns.isConst(g, Patterns.other(m2, m1.output(0)), 0.5)) return false;
            matched.add(m1);
            matched.add(m2);
            return true;
        }
        if (Patterns.isConst(g, other, 0.5)) {
            Node m2 = Patterns.next(g, m1, "Mul");
            if (m2 == null || !x.equals(Patterns.other(m2, m1.output(0)))) return false;
            matched.add(m1);
            matched.add(m2);
            return true;
        }
        Node half = other == null ? null : g.producer(other);
        if (GraphEdits.is(half, "Mul") && GraphEdits.soleConsumer(g, half.output(0)) == m1
                && x.equals(Patterns.withConst(g, half, 0.5))) {
            matched.add(half);
            matched.add(m1);
            return true;
        }
        return false;
    }
}
