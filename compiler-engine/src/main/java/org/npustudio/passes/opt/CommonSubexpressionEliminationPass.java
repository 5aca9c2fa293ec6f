package org.npustudio.passes.opt;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;

/**
 * Merges nodes that compute the same thing: same standard operator, same inputs, equal attributes.
 * Walks in topological order so chains of duplicates collapse in one run; the first node (in order)
 * survives and keeps its id. Random operators and nodes with subgraphs are never merged, nor are
 * custom-domain operators (their semantics are unknown). Optionally merges identical small
 * initializers first so that nodes reading copies of one constant become duplicates too.
 */
public final class CommonSubexpressionEliminationPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("common-subexpression-elimination",
            "merge nodes with the same operator, inputs and attributes",
            List.of(PassOption.integer("merge-constants-up-to", 4096,
                    "merge identical initializers with at most this many elements (0: never)")),
            CommonSubexpressionEliminationPass::new);

    private static final Set<String> NONDETERMINISTIC = Set.of("RandomNormal", "RandomUniform", "RandomNormalLike",
            "RandomUniformLike", "Multinomial", "Bernoulli");

    public CommonSubexpressionEliminationPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        boolean changed = mergeConstants(g, options().integer("merge-constants-up-to"));
        Map<String, Node> seen = new HashMap<>();
        for (Node n : g.topologicalOrder()) {
            ctx.visit(n);
            if (!GraphEdits.isDefaultDomain(n) || NONDETERMINISTIC.contains(n.opType()) || !n.subgraphs().isEmpty()) continue;
            String key = key(n);
            Node first = seen.putIfAbsent(key, n);
            if (first == null) continue;
            boolean outputIsGraphOutput = n.outputs().stream().anyMatch(o -> GraphEdits.isGraphOutput(g, o));
            if (outputIsGraphOutput || first.outputs().size() != n.outputs().size()) continue;
            g.removeNode(n);
            for (int i = 0; i < n.outputs().size(); i++) {
                if (n.output(i).isEmpty()) continue;
                if (first.output(i).isEmpty()) throw new IllegalStateException("duplicate uses an output the first omits");
                GraphEdits.replaceUses(g, n.output(i), first.output(i));
                g.removeValueInfo(n.output(i));
            }
            ctx.note("merged " + n.opType() + " '" + n.id() + "' into '" + first.id() + "'");
            changed = true;
        }
        return changed;
    }

    private static String key(Node n) {
        StringBuilder b = new StringBuilder(n.opType()).append('|').append(n.overload()).append('|');
        for (String in : n.inputs()) b.append(in).append(',');
        b.append('|').append(n.outputs().size()).append('|');
        n.attributes().values().stream().sorted((x, y) -> x.name().compareTo(y.name()))
                .forEach(a -> b.append(a.name()).append('=').append(attrKey(a)).append(';'));
        return b.toString();
    }

    private static String attrKey(Attribute a) {
        Object v = a.value();
        if (v instanceof long[] l) return a.kind() + Arrays.toString(l);
        if (v instanceof float[] f) return a.kind() + Arrays.toString(f);
        if (v instanceof Long || v instanceof Float || v instanceof com.google.protobuf.ByteString) return a.kind() + String.valueOf(v);
        return a.kind() + "@" + System.identityHashCode(v);
    }

    private static boolean mergeConstants(Graph g, long maxElements) {
        if (maxElements <= 0) return false;
        Map<String, String> byContent = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Tensor> e : List.copyOf(g.initializers().entrySet())) {
            Tensor t = e.getValue();
            String name = e.getKey();
            if (t.dataType() == DataType.STRING || t.dataType() == DataType.UNDEFINED || t.elementCount() > maxElements
                    || g.isGraphInput(name) || GraphEdits.isGraphOutput(g, name)) continue;
            String key = t.dataType() + Arrays.toString(t.dims()) + hex(t.rawBytes());
            String first = byContent.putIfAbsent(key, name);
            if (first != null) {
                GraphEdits.replaceUses(g, name, first);
                g.removeInitializer(name);
                changed = true;
            }
        }
        return changed;
    }

    private static String hex(ByteBuffer b) {
        StringBuilder s = new StringBuilder(b.remaining() * 2);
        ByteBuffer d = b.duplicate();
        while (d.hasRemaining()) {
            int x = d.get() & 0xff;
            s.append(Character.forDigit(x >> 4, 16)).append(Character.forDigit(x & 15, 16));
        }
        return s.toString();
    }
}
