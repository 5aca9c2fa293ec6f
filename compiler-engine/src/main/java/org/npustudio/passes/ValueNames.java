package org.npustudio.passes;

import java.util.HashSet;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;

/** Value names taken in a graph, to mint new ones ({@code base}, {@code base_1}, ...) without clashes. */
public final class ValueNames {
    private final Set<String> taken = new HashSet<>();

    public ValueNames(Graph g) {
        for (ValueInfo v : g.inputs()) taken.add(v.name());
        for (ValueInfo v : g.outputs()) taken.add(v.name());
        for (ValueInfo v : g.valueInfos()) taken.add(v.name());
        taken.addAll(g.initializers().keySet());
        for (Node n : g.nodes()) {
            taken.addAll(n.inputs());
            taken.addAll(n.outputs());
        }
    }

    /** Names taken in {@code g} and every If/Loop/Scan body nested in it: new names then shadow nothing. */
    public static ValueNames deep(Graph g) {
        ValueNames names = new ValueNames(g);
        java.util.ArrayDeque<Graph> todo = new java.util.ArrayDeque<>();
        for (Node n : g.nodes()) todo.addAll(n.subgraphs());
        while (!todo.isEmpty()) {
            Graph b = todo.poll();
            names.taken.addAll(new ValueNames(b).taken);
            for (Node n : b.nodes()) todo.addAll(n.subgraphs());
        }
        return names;
    }

    public String fresh(String base) {
        String name = base;
        for (int k = 1; !taken.add(name); k++) name = base + "_" + k;
        return name;
    }
}
