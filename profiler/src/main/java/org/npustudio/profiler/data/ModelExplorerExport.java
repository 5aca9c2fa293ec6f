package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.json.JsonWriter;

/**
 * Node data for Google's Model Explorer ("node data provider" JSON): {@code {graphId: {results:
 * {nodeId: {value}}, gradient: [{stop, bgColor}]}}}. Model Explorer's ONNX adapter names nodes by their
 * ONNX node names, so results are keyed by name (our generated id when the file had none). Nodes
 * without a value (NaN) are left out, as Model Explorer then draws them uncoloured.
 */
public final class ModelExplorerExport {
    private ModelExplorerExport() {}

    public static String render(Profile p, Metric metric, String graphId) {
        Map<String, Object> results = new LinkedHashMap<>();
        for (NodeMetrics n : p.nodes()) {
            double v = metric.of(n);
            if (Double.isNaN(v) || Double.isInfinite(v)) continue;
            results.put(n.name(), Map.of("value", v));
        }
        List<Object> gradient = new ArrayList<>();
        String[] stops = ColorScale.SEQUENTIAL_HEX;
        for (int i = 0; i < stops.length; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stop", (double) i / (stops.length - 1));
            s.put("bgColor", stops[i]);
            gradient.add(s);
        }
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("results", results);
        graph.put("gradient", gradient);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(graphId, graph);
        return JsonWriter.write(doc);
    }
}
