package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * Values read from another tool's file ({@link ExternalValues}) laid on a graph: an entry matches a node
 * when its name is the node's stable id or its ONNX name (ids first, so a profile measured by
 * {@code npustudio measure}, which renames nodes to ids, matches too). Matched nodes are filled on the
 * sequential scale (log when the values span more than two decades) with the value as badge; the others
 * are drawn neutral. A file of which nothing matches is for another model and is refused.
 */
public final class ExternalOverlay {
    /**
     * @param byNodeId  the values of the matched nodes, by node id
     * @param nodes     operator nodes in the graph
     * @param unmatched the file's entries that name no node
     */
    public record Match(ExternalValues values, Map<String, Double> byNodeId, int nodes, List<String> unmatched) {
        public int matched() { return byNodeId.size(); }

        /** "overlay FILE: N of M nodes matched (K entries unmatched)". */
        public String summary() {
            return "overlay " + values.file() + ": " + matched() + " of " + nodes + " nodes matched (" + unmatched.size()
                    + (unmatched.size() == 1 ? " entry" : " entries") + " unmatched)";
        }
    }

    private ExternalOverlay() {}

    /** Matches the file's entries to the graph's nodes; none matching is an error naming the file. */
    public static Match match(ExternalValues v, Graph g, String modelName) throws StudioException {
        Map<String, String> idOf = new HashMap<>();
        for (Node n : g.nodes()) if (!n.name().isEmpty()) idOf.putIfAbsent(n.name(), n.id());
        for (Node n : g.nodes()) idOf.put(n.id(), n.id()); // an id wins over another node's name
        Map<String, Double> matched = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Map.Entry<String, Double> e : v.byName().entrySet()) {
            String id = idOf.get(e.getKey());
            if (id == null) unmatched.add(e.getKey());
            else matched.merge(id, e.getValue(), Double::sum);
        }
        if (matched.isEmpty()) {
            throw new StudioException(v.file().toString(), "", "none of its " + v.byName().size() + " entries (" + v.format().title()
                    + ") names a node of " + modelName + " — is it for another model?");
        }
        return new Match(v, matched, g.nodes().size(), unmatched);
    }

    /** Reads and matches in one step. */
    public static Match load(java.nio.file.Path file, Graph g, String modelName) throws StudioException {
        return match(ExternalValues.read(file), g, modelName);
    }

    /** The overlay the graph view and the exporters draw: fills, badges and a legend. */
    public static Overlay overlay(Match m, Graph g) {
        ExternalValues.Format f = m.values().format();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : m.byNodeId().values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        boolean log = lo > 0 && hi / lo > 100;
        ColorScale scale = new ColorScale(lo, hi, log);
        int neutral = ColorScale.argbOf(ColorScale.NEUTRAL_HEX);
        Overlay.Builder b = Overlay.builder();
        for (Node n : g.nodes()) {
            Double v = m.byNodeId().get(n.id());
            b.fill(n.id(), v == null ? neutral : scale.argb(v));
            b.badge(n.id(), v == null ? "no value" : f.format(v));
        }
        List<Overlay.LegendEntry> entries = new ArrayList<>();
        int stops = ColorScale.SEQUENTIAL_HEX.length;
        for (int i = 0; i < stops; i++) {
            entries.add(new Overlay.LegendEntry(f.format(scale.valueAt((double) i / (stops - 1))), ColorScale.argbOf(ColorScale.SEQUENTIAL_HEX[i])));
        }
        entries.add(new Overlay.LegendEntry("no value", neutral));
        String name = m.values().file().getFileName().toString();
        b.legend(name + ": " + f.quantity() + (log ? " (log scale)" : ""), entries);
        return b.build();
    }
}
