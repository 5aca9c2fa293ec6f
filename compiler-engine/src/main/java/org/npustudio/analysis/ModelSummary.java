package org.npustudio.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;

/**
 * What {@code npustudio inspect} and the IDE's overview show about a model.
 * <p>Node counts, the op histogram and costs cover the main graph; nodes inside If/Loop/Scan bodies
 * are counted separately because how often they run depends on data. Parameters are the initializers
 * of every graph, each counted once however many nodes read it. Costs are summed over nodes whose cost
 * is known; {@link #macs()} is only present when every node's cost is.
 */
public record ModelSummary(
        String name,
        long irVersion,
        String producerName,
        String producerVersion,
        List<OpsetId> opsets,
        List<ValueSummary> inputs,
        List<ValueSummary> outputs,
        int nodes,
        int subgraphNodes,
        Map<String, Integer> opHistogram,
        Map<String, Integer> subgraphOpHistogram,
        int initializers,
        long params,
        long paramBytes,
        long knownMacs,
        long knownFlops,
        int unknownCostNodes) {

    public static ModelSummary of(Model model) {
        return of(model, ShapeLookup.declared(model.graph()));
    }

    /** @param shapes shapes of the main graph's values (null = unknown) */
    public static ModelSummary of(Model model, Function<String, Shape> shapes) {
        Graph g = model.graph();
        OpCostModel costs = new OpCostModel(g, shapes);
        long macs = 0;
        long flops = 0;
        int unknown = 0;
        for (Node n : g.nodes()) {
            OpCost c = costs.cost(n);
            if (c.isKnown()) {
                try {
                    macs = Math.addExact(macs, c.macs().getAsLong());
                    flops = Math.addExact(flops, c.flops().getAsLong());
                } catch (ArithmeticException overflow) {
                    unknown++;
                }
            } else {
                unknown++;
            }
        }
        long params = 0;
        long bytes = 0;
        int inits = 0;
        List<Graph> subgraphs = new ArrayList<>();
        for (Graph each : allGraphs(g)) {
            if (each != g) subgraphs.add(each);
            for (Tensor t : each.initializers().values()) {
                inits++;
                params += t.elementCount();
                bytes += t.byteSize();
            }
        }
        List<Node> subNodes = new ArrayList<>();
        for (Graph s : subgraphs) subNodes.addAll(s.nodes());
        return new ModelSummary(model.displayName(), model.irVersion(), model.producerName(),
                model.producerVersion(), List.copyOf(model.opsetImports()),
                g.inputs().stream().filter(v -> !g.isInitializer(v.name())).map(ValueSummary::of).toList(),
                g.outputs().stream().map(ValueSummary::of).toList(),
                g.nodes().size(), subNodes.size(), histogram(g.nodes()), histogram(subNodes),
                inits, params, bytes, macs, flops, unknown);
    }

    /** Total MACs of the main graph, present only when every node's cost is known. */
    public OptionalLong macs() {
        return unknownCostNodes == 0 ? OptionalLong.of(knownMacs) : OptionalLong.empty();
    }

    /** Total FLOPs of the main graph, present only when every node's cost is known. */
    public OptionalLong flops() {
        return unknownCostNodes == 0 ? OptionalLong.of(knownFlops) : OptionalLong.empty();
    }

    /** Op type (qualified by domain outside the default one) -> count, by count desc then name. */
    static Map<String, Integer> histogram(List<Node> nodes) {
        Map<String, Integer> counts = new HashMap<>();
        for (Node n : nodes) counts.merge(opKey(n), 1, Integer::sum);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : entries) out.put(e.getKey(), e.getValue());
        return Collections.unmodifiableMap(out);
    }

    /** How the histogram names an operator: {@code Conv}, or {@code com.microsoft.FusedConv}. */
    public static String opKey(Node n) {
        return OpsetId.isDefaultDomain(n.domain()) ? n.opType() : n.domain() + "." + n.opType();
    }

    /** The graph and all its nested subgraphs, iteratively. */
    private static List<Graph> allGraphs(Graph root) {
        List<Graph> out = new ArrayList<>();
        ArrayDeque<Graph> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Graph g = todo.poll();
            out.add(g);
            for (Node n : g.nodes()) todo.addAll(n.subgraphs());
        }
        return out;
    }
}
