package org.npustudio.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.graphview.layout.HierarchicalResult;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.GroupedLayout;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.shape.ShapeInference;

/**
 * Time to first graph. The steps from a model file to a scene as the IDE takes them (read and validate, infer
 * shapes, summarise, prepare the grouped layout input, lay out the initial expansion, build the scene), each
 * timed on this thread; and, separately, the whole thing in the real IDE window: from asking it to open the
 * file to the first frame that draws the graph (hand-overs between threads, the workspace, its controls and the
 * summary included). Each model's first open is reported on its own, then the median of warm runs; in a fresh
 * process the first model's first open also pays JIT and JavaFX warm-up, as a user's first open does. Not a test.
 */
public final class OpenBenchmark {
    private static final int WARM_RUNS = 5;
    private static final double TARGET_MS = 1000;
    private static final String[] STEPS = {"read", "infer", "summary", "prepare", "layout", "scene"};

    private OpenBenchmark() {}

    public static void run(List<Path> models, PrintStream out) throws Exception {
        String[] why = new String[1];
        try (WindowOpen window = WindowOpen.start(why)) {
            out.printf("open benchmark: time to first graph, ms (first open of each model, then median of %d warm runs)%n", WARM_RUNS);
            out.printf("groups open while the drawing stays within %,d boxes (GroupExpansion.DEFAULT_BUDGET)%n", GroupExpansion.DEFAULT_BUDGET);
            out.println("steps: timed one by one on one thread; window: open -> first frame with the graph in the IDE window");
            if (window == null) out.println("window not timed: " + why[0]);
            String header = String.format("%-20s %5s %5s %-5s |%s | %7s | %7s  %s", "model", "ops", "boxes", "run",
                    String.join("", Arrays.stream(STEPS).map(s -> String.format(" %7s", s)).toList()), "sum", "window", "target <= 1000 ms");
            out.println(header);
            out.println("-".repeat(header.length()));
            for (Path model : models) {
                double firstWindow = window == null ? Double.NaN : window.open(model);
                double[] first = steps(model);
                double[][] warm = new double[WARM_RUNS][];
                double[] warmWindow = new double[WARM_RUNS];
                for (int i = 0; i < WARM_RUNS; i++) {
                    warm[i] = steps(model);
                    warmWindow[i] = window == null ? Double.NaN : window.open(model);
                }
                Arrays.sort(warmWindow);
                print(out, model, first, firstWindow, "first");
                print(out, model, medians(warm), warmWindow[WARM_RUNS / 2], "warm");
            }
        }
    }

    /** Per step ms, then ops and boxes drawn. */
    private static double[] steps(Path file) throws Exception {
        double[] t = new double[STEPS.length + 2];
        long t0 = System.nanoTime();
        Model model = OnnxReader.read(file);
        long t1 = System.nanoTime();
        ShapeInference.infer(model);
        long t2 = System.nanoTime();
        ModelSummary.of(model);
        long t3 = System.nanoTime();
        GroupedLayout grouped = GroupedLayout.of(model.graph(), SceneBuilder.Settings.defaults());
        long t4 = System.nanoTime();
        HierarchicalResult r = grouped.arrange(grouped.initialExpansion(), LayoutMonitor.none());
        long t5 = System.nanoTime();
        GraphScene scene = grouped.toScene(r);
        long t6 = System.nanoTime();
        long[] marks = {t0, t1, t2, t3, t4, t5, t6};
        for (int i = 0; i + 1 < marks.length; i++) t[i] = (marks[i + 1] - marks[i]) / 1e6;
        t[STEPS.length] = model.graph().nodes().size();
        t[STEPS.length + 1] = scene.nodeCount();
        return t;
    }

    private static double[] medians(double[][] runs) {
        double[] m = new double[runs[0].length];
        for (int k = 0; k < m.length; k++) {
            double[] col = new double[runs.length];
            for (int i = 0; i < runs.length; i++) col[i] = runs[i][k];
            Arrays.sort(col);
            m[k] = col[col.length / 2];
        }
        return m;
    }

    private static void print(PrintStream out, Path model, double[] t, double window, String run) {
        List<String> cells = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < STEPS.length; i++) {
            cells.add(String.format(" %7.1f", t[i]));
            sum += t[i];
        }
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        String verdict = Double.isNaN(window) ? "(window not timed)" : window <= TARGET_MS ? "met" : "NOT met";
        out.printf("%-20s %5d %5d %-5s |%s | %7.1f | %7s  %s%n", name, (long) t[STEPS.length], (long) t[STEPS.length + 1], run,
                String.join("", cells), sum, Double.isNaN(window) ? "-" : String.format("%.1f", window), verdict);
    }
}
