package org.npustudio.graphview.layout.bench;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.npustudio.graphview.layout.Direction;
import org.npustudio.graphview.layout.LayoutGraph;
import org.npustudio.graphview.layout.LayoutOptions;

/**
 * Runs Eclipse ELK layered on the same graph with settings matching ours: same node sizes, node and layer
 * spacing, direction, polyline edges; ELK's defaults otherwise (network simplex layering, layer-sweep crossing
 * minimisation, Brandes–Köpf placement). Each run gets a fresh ELK graph, built outside the timed region.
 */
final class ElkRunner {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Outcome of one run: the drawing or why there is none, the time, and whether the default stack overflowed. */
    record Run(Drawing drawing, double millis, boolean overflowedDefaultStack, String failure) {}

    private final LayoutGraph graph;
    private final LayoutOptions options;

    ElkRunner(LayoutGraph graph, LayoutOptions options) {
        this.graph = graph;
        this.options = options;
    }

    private ElkNode build(ElkNode[] nodes, ElkEdge[] edges) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, options.direction() == Direction.LEFT_TO_RIGHT
                ? org.eclipse.elk.core.options.Direction.RIGHT : org.eclipse.elk.core.options.Direction.DOWN);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, options.nodeSpacing());
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, options.layerSpacing());
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, options.edgeSpacing());
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, options.edgeSpacing());
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        for (int v = 0; v < nodes.length; v++) {
            nodes[v] = ElkGraphUtil.createNode(root);
            nodes[v].setDimensions(graph.width(v), graph.height(v));
        }
        for (int e = 0; e < edges.length; e++) edges[e] = ElkGraphUtil.createSimpleEdge(nodes[graph.source(e)], nodes[graph.target(e)]);
        return root;
    }

    /** One timed layout in a thread with the given stack size (0 = JVM default), abandoned after capSeconds. */
    Run runOnce(long stackBytes, double capSeconds) throws InterruptedException {
        ElkNode[] nodes = new ElkNode[graph.nodeCount()];
        ElkEdge[] edges = new ElkEdge[graph.edgeCount()];
        ElkNode root = build(nodes, edges);
        AtomicReference<Throwable> error = new AtomicReference<>();
        long[] time = new long[2];
        Thread t = new Thread(null, () -> {
            try {
                time[0] = System.nanoTime();
                new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
                time[1] = System.nanoTime();
            } catch (Throwable ex) {
                error.set(ex);
            }
        }, "elk-layout", stackBytes);
        t.setDaemon(true);
        t.start();
        t.join((long) (capSeconds * 1000));
        if (t.isAlive()) {
            stop(t);
            return new Run(null, capSeconds * 1000, false, "timeout>" + (int) capSeconds + "s");
        }
        Throwable ex = error.get();
        if (ex instanceof StackOverflowError) return new Run(null, 0, true, "StackOverflowError");
        if (ex != null) return new Run(null, 0, false, ex.getClass().getSimpleName());
        return new Run(extract(nodes, edges), (time[1] - time[0]) / 1e6, false, null);
    }

    @SuppressWarnings("deprecation")
    private static void stop(Thread t) throws InterruptedException {
        // ELK does not poll for cancellation inside its phases; Thread.stop is the only way to end a runaway run.
        t.stop();
        t.join(10_000);
    }

    private Drawing extract(ElkNode[] nodes, ElkEdge[] edges) {
        int n = nodes.length;
        double[] x = new double[n], y = new double[n], w = new double[n], h = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = nodes[v].getX();
            y[v] = nodes[v].getY();
            w[v] = nodes[v].getWidth();
            h[v] = nodes[v].getHeight();
        }
        double[][] pts = new double[edges.length][];
        for (int e = 0; e < edges.length; e++) {
            if (edges[e].getSections().isEmpty()) {
                pts[e] = new double[0];
                continue;
            }
            ElkEdgeSection s = edges[e].getSections().get(0);
            double[] p = new double[4 + 2 * s.getBendPoints().size()];
            int i = 0;
            p[i++] = s.getStartX();
            p[i++] = s.getStartY();
            for (ElkBendPoint b : s.getBendPoints()) {
                p[i++] = b.getX();
                p[i++] = b.getY();
            }
            p[i++] = s.getEndX();
            p[i] = s.getEndY();
            pts[e] = p;
        }
        return new Drawing(x, y, w, h, pts);
    }
}
