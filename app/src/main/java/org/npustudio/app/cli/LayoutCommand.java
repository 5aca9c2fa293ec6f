package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.layout.Direction;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.LayeredLayout;
import org.npustudio.graphview.layout.LayoutMetrics;
import org.npustudio.graphview.layout.LayoutOptions;
import org.npustudio.graphview.layout.LayoutResult;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.ir.Model;
import org.npustudio.json.JsonWriter;

/**
 * {@code npustudio layout MODEL [--json] [--horizontal] [--initializers] [--flat]}: lays out the fully expanded
 * graph as the IDE draws it and prints its size, edge crossings and how long the layout took.
 */
@Command(name = "layout", description = "lay out a model's fully expanded graph and print nodes, edges, crossings, size, time",
        footer = """
                nodes and edges are the drawn boxes (operators, graph inputs and outputs) and edges; crossings are the
                distinct points where edges cross; width and height are the drawing's size in pixels at 1:1; millis is
                the wall time of one layout in this process (the first run in a fresh JVM, so it includes warm-up;
                `./bench layout` reports medians of warm runs).""")
final class LayoutCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    String file;

    @Option(names = "--json", description =
            "print one JSON object (keys: file, direction, grouped, nodes, edges, crossings, width, height, "
            + "millis)")
    boolean json;

    @Option(names = "--horizontal", description = "lay the graph out left to right instead of top to bottom")
    boolean horizontal;

    @Option(names = "--initializers", description = "lay out constant inputs (weights) as nodes too")
    boolean initializers;

    @Option(names = "--flat", description =
            "one layered layout of all nodes, without name-scope groups (what `./bench layout` compares with "
            + "ELK); by default every group is open and framed, as in the IDE")
    boolean flat;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        Model model = shapes.open(Path.of(file));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("direction", horizontal ? "left-to-right" : "top-to-bottom");
        m.put("grouped", !flat);
        if (flat) {
            GraphLayoutInput in = GraphLayoutInput.from(model.graph(),
                    GraphLayoutInput.Settings.defaults().withInitializers(initializers));
            LayoutOptions options = LayoutOptions.defaults().withDirection(horizontal ? Direction.LEFT_TO_RIGHT : Direction.TOP_TO_BOTTOM);
            long t0 = System.nanoTime();
            LayoutResult r = LayeredLayout.layout(in.graph(), options);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            put(m, r.nodeCount(), r.edgeCount(), LayoutMetrics.crossingPoints(r), r.width(), r.height(), millis);
        } else {
            long t0 = System.nanoTime();
            GraphScene s = SceneBuilder.build(model.graph(), new SceneBuilder.Settings(initializers, horizontal), LayoutMonitor.none());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            double[][] edges = new double[s.edgeCount()][];
            for (int e = 0; e < edges.length; e++) edges[e] = s.points(e);
            put(m, s.nodeCount(), s.edgeCount(), LayoutMetrics.crossingPoints(edges), s.maxX() - s.minX(), s.maxY() - s.minY(), millis);
        }
        if (json) {
            ctx.out().println(JsonWriter.write(m));
        } else {
            ctx.out().printf("%s: %s layout, %s%n", file, flat ? "flat" : "fully expanded grouped", m.get("direction"));
            for (String k : List.of("nodes", "edges", "crossings", "width", "height", "millis")) ctx.out().printf("  %-10s %d%n", k, (Long) m.get(k));
        }
        return Cli.OK;
    }

    private static void put(Map<String, Object> m, long nodes, long edges, long crossings, double width, double height, long millis) {
        m.put("nodes", nodes);
        m.put("edges", edges);
        m.put("crossings", crossings);
        m.put("width", Math.round(width));
        m.put("height", Math.round(height));
        m.put("millis", millis);
    }
}
