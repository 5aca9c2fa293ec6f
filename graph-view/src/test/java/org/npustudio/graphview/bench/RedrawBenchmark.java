package org.npustudio.graphview.bench;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SyntheticScenes;

/**
 * Redraw time of the canvas renderer on a synthetic 10k-node scene (not a unit test: it prints figures).
 * Run headless with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}.
 * "draw" is the frame as the view issues it on the FX thread; "draw+raster" adds a snapshot, which makes
 * the (software) pipeline rasterise the canvas commands; "snapshot alone" is the fixed cost of the snapshot
 * itself (copying 1600×1000 pixels back), to subtract.
 */
public final class RedrawBenchmark {
    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int width = 1600, height = 1000;
        GraphScene scene = SyntheticScenes.chains(nodes, 100, 42);
        System.out.printf("scene: %d nodes, %d edges, world %.0f x %.0f; canvas %d x %d; prism.order=%s%n",
                scene.nodeCount(), scene.edgeCount(), scene.maxX() - scene.minX(), scene.maxY() - scene.minY(),
                width, height, System.getProperty("prism.order", "(default)"));
        Platform.startup(() -> {});
        try {
            onFx(() -> {
                GraphCanvas canvas = new GraphCanvas();
                canvas.resize(width, height);
                canvas.layout();
                report("empty frame (calibration)", canvas);
                canvas.setScene(scene);
                canvas.fitToView();
                report("overview (scale " + String.format("%.3f", canvas.viewport().scale()) + ")", canvas);
                canvas.viewport().set(1, 0, 0);
                canvas.viewport().centerOn((scene.minX() + scene.maxX()) / 2, (scene.minY() + scene.maxY()) / 2, width, height);
                report("1:1 zoom", canvas);
                canvas.viewport().set(0.35, 0, 0);
                canvas.viewport().centerOn((scene.minX() + scene.maxX()) / 2, (scene.minY() + scene.maxY()) / 2, width, height);
                report("scale 0.35", canvas);
            });
        } finally {
            Platform.exit();
        }
    }

    private static void report(String what, GraphCanvas canvas) {
        double[] draw = new double[40], raster = new double[15], blit = new double[15];
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight());
        for (int i = 0; i < 15; i++) { // warm-up: JIT and glyph caches
            canvas.redraw();
            canvas.canvas().snapshot(params, image);
        }
        for (int i = 0; i < draw.length; i++) {
            long t0 = System.nanoTime();
            canvas.redraw();
            draw[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (int i = 0; i < raster.length; i++) {
            long t0 = System.nanoTime();
            canvas.redraw();
            canvas.canvas().snapshot(params, image);
            raster[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (int i = 0; i < blit.length; i++) { // the snapshot's fixed cost: nothing new to rasterise
            long t0 = System.nanoTime();
            canvas.canvas().snapshot(params, image);
            blit[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("%-22s draw median %6.2f ms (min %.2f)   draw+raster median %7.2f ms (snapshot alone %.2f ms)%n",
                what, median(draw), Arrays.stream(draw).min().orElse(0), median(raster), median(blit));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.MINUTES);
    }
}
