package org.npustudio.graphview.layout.bench;

import java.nio.file.Path;
import org.npustudio.graphview.layout.*;
import org.npustudio.onnx.OnnxReader;

/** Developer diagnostics: drawing extents of ours and ELK for one model. */
public class Diag {
    public static void main(String[] a) throws Exception {
        LayoutGraph g = GraphLayoutInput.from(OnnxReader.read(Path.of(a[0])).graph(), GraphLayoutInput.Settings.defaults()).graph();
        LayoutOptions o = LayoutOptions.defaults();
        LayoutResult r = LayeredLayout.layout(g, o);
        int maxLayer = 0;
        for (int v = 0; v < g.nodeCount(); v++) maxLayer = Math.max(maxLayer, r.layer(v));
        System.out.printf("ours: %.0f x %.0f, layers %d, dummies %d, xings %d%n", r.width(), r.height(), maxLayer + 1, r.dummyCount(), LayoutMetrics.crossings(r));
        ElkRunner.Run e = new ElkRunner(g, o).runOnce(0, 100);
        Drawing d = e.drawing();
        double mx = 0, my = 0;
        for (int v = 0; v < d.x().length; v++) { mx = Math.max(mx, d.x()[v] + d.w()[v]); my = Math.max(my, d.y()[v] + d.h()[v]); }
        System.out.printf("elk: %.0f x %.0f xings %d%n", mx, my, d.crossings());
        if (a.length > 1) {
            int maxL = Integer.parseInt(a[1]);
            for (int v = 0; v < g.nodeCount(); v++) if (r.layer(v) <= maxL) System.out.printf("node %d layer %d x %.0f w %.0f | elk x %.0f y %.0f%n", v, r.layer(v), r.x(v), r.width(v), d.x()[v], d.y()[v]);
            for (int i = 0; i < g.edgeCount(); i++) if (r.layer(g.target(i)) <= maxL) System.out.println("edge " + g.source(i) + "->" + g.target(i) + " " + java.util.Arrays.toString(r.edgePoints(i)) + " elk " + java.util.Arrays.toString(d.edges()[i]));
        }
        // longest edges of ours
        double[] len = new double[g.edgeCount()];
        for (int i = 0; i < len.length; i++) len[i] = LayoutMetrics.totalEdgeLength(new double[][] {r.edgePoints(i)});
        Integer[] idx = new Integer[len.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(len[y], len[x]));
        for (int k = 0; k < 5; k++) {
            int i = idx[k];
            System.out.printf("edge %d %d->%d layers %d->%d len %.0f pts %d%n", i, g.source(i), g.target(i), r.layer(g.source(i)), r.layer(g.target(i)), len[i], r.edgePoints(i).length / 2);
        }
    }
}
