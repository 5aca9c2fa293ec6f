package org.npustudio.graphview.layout.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.LayeredLayout;
import org.npustudio.graphview.layout.LayoutGraph;
import org.npustudio.graphview.layout.LayoutOptions;
import org.npustudio.graphview.layout.LayoutResult;
import org.npustudio.graphview.layout.SyntheticGraphs;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.testdata.TestData;

/**
 * Our layered layout against Eclipse ELK layered, side by side in one JVM, on the light/ model-zoo graphs plus the
 * models given as arguments (--models: models only, --synthetic: synthetic only) and on synthetic networks of 1k to 100k nodes. Quality is measured with our
 * geometric metrics on both drawings. Run it with {@code ./bench layout [MODEL...]}; not a unit test.
 */
public final class LayoutBenchmark {
    private static final double ELK_CAP_SECONDS = 180;
    private static final double ELK_SKIP_NEXT_AFTER_MS = 60_000;

    public static void main(String[] args) throws Exception {
        LayoutOptions options = LayoutOptions.defaults();
        Map<String, LayoutGraph> cases = new LinkedHashMap<>();
        List<Path> models = new ArrayList<>();
        boolean syntheticOnly = false;
        boolean modelsOnly = false;
        for (String a : args) {
            if (a.equals("--synthetic")) syntheticOnly = true;
            else if (a.equals("--models")) modelsOnly = true;
            else models.add(Path.of(a));
        }
        if (!syntheticOnly) models.addAll(0, lightModels());
        for (Path p : models) {
            GraphLayoutInput in = GraphLayoutInput.from(OnnxReader.read(p).graph(), GraphLayoutInput.Settings.defaults());
            cases.put(p.getFileName().toString().replace(".onnx", ""), in.graph());
        }
        if (!modelsOnly) {
            for (int n : new int[] {1_000, 5_000, 20_000, 100_000}) {
                cases.put("residual-" + n / 1000 + "k", SyntheticGraphs.residual(n));
                cases.put("transformer-" + n / 1000 + "k", SyntheticGraphs.transformer(n));
            }
        }
        System.out.printf("Layered layout benchmark: ours vs ELK layered 0.9.1 (polyline, BK, layer sweep); %s, node %.0f / layer %.0f px%n",
                options.direction(), options.nodeSpacing(), options.layerSpacing());
        System.out.println("times: median ms after warm-up; metrics computed by our code on both drawings; ratio = ours / ELK");
        System.out.println("xings: distinct crossing points; pairs: crossing pairs of edge polylines (a shared route crossing counts once per edge)");
        String header = String.format("%-18s %6s %6s | %8s %9s %7s | %6s %6s %5s | %7s %7s %5s | %10s %5s | %9s %5s | %s",
                "graph", "nodes", "edges", "ours ms", "ELK ms", "speedup", "xings", "ELK", "ratio", "pairs", "ELK", "ratio", "length", "ratio", "area", "ratio", "overlaps ours/ELK; notes");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        Map<String, Double> elkMillisByShape = new LinkedHashMap<>();
        for (Map.Entry<String, LayoutGraph> c : cases.entrySet()) {
            String name = c.getKey();
            LayoutGraph g = c.getValue();
            Timed ours = timeOurs(g, options);
            Drawing od = Drawing.of(ours.result);
            String shape = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
            Double previousElk = elkMillisByShape.get(shape);
            String notes = "";
            ElkRunner.Run elk = null;
            double elkMedian = Double.NaN;
            if (previousElk != null && previousElk > ELK_SKIP_NEXT_AFTER_MS) {
                notes = String.format("ELK skipped: previous size took %.0f s", previousElk / 1000);
            } else {
                ElkTimed et = timeElk(g, options);
                elk = et.last;
                elkMedian = et.median;
                notes = et.notes;
                if (elk.drawing() != null) elkMillisByShape.put(shape, elkMedian);
            }
            long ox = od.crossingPoints(), opairs = od.crossings();
            double ol = od.edgeLength(), oa = od.area();
            if (elk != null && elk.drawing() != null) {
                Drawing ed = elk.drawing();
                long ex = ed.crossingPoints(), epairs = ed.crossings();
                double el = ed.edgeLength(), ea = ed.area();
                System.out.printf("%-18s %6d %6d | %8.1f %9.1f %6.1fx | %6d %6d %5s | %7d %7d %5s | %10.0f %5.2f | %9.3g %5.2f | %d/%d %s%n",
                        name, g.nodeCount(), g.edgeCount(), ours.median, elkMedian, elkMedian / ours.median,
                        ox, ex, ratio(ox, ex), opairs, epairs, ratio(opairs, epairs), ol, ol / el, oa, oa / ea, od.overlaps(), ed.overlaps(), notes);
            } else {
                System.out.printf("%-18s %6d %6d | %8.1f %9s %7s | %6d %6s %5s | %7d %7s %5s | %10.0f %5s | %9.3g %5s | %d/- %s%n",
                        name, g.nodeCount(), g.edgeCount(), ours.median, "-", "-", ox, "-", "-", opairs, "-", "-", ol, "-", oa, "-", od.overlaps(), notes);
            }
        }
    }

    private static String ratio(long a, long b) {
        if (b == 0) return a == 0 ? "1.00" : "inf";
        return String.format("%.2f", a / (double) b);
    }

    private record Timed(LayoutResult result, double median) {}

    private static Timed timeOurs(LayoutGraph g, LayoutOptions options) {
        int n = g.nodeCount();
        int warm = n > 50_000 ? 2 : 3;
        int runs = n > 50_000 ? 3 : n > 10_000 ? 5 : 7;
        LayoutResult r = null;
        for (int i = 0; i < warm; i++) r = LayeredLayout.layout(g, options);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = LayeredLayout.layout(g, options);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Timed(r, median(t));
    }

    private record ElkTimed(ElkRunner.Run last, double median, String notes) {}

    /** First run is the warm-up; the number of timed runs shrinks as ELK gets slow. */
    private static ElkTimed timeElk(LayoutGraph g, LayoutOptions options) throws InterruptedException {
        ElkRunner runner = new ElkRunner(g, options);
        long stack = 0;
        String notes = "";
        ElkRunner.Run first = runner.runOnce(stack, ELK_CAP_SECONDS);
        if (first.overflowedDefaultStack()) {
            notes = "ELK StackOverflowError at default stack; rerun with 2 GB stack. ";
            stack = 2L << 30;
            first = runner.runOnce(stack, ELK_CAP_SECONDS);
        }
        if (first.drawing() == null) return new ElkTimed(first, Double.NaN, notes + "ELK failed: " + first.failure());
        int runs = first.millis() > 20_000 ? 0 : first.millis() > 5_000 ? 1 : first.millis() > 1_000 ? 3 : 5;
        if (runs == 0) return new ElkTimed(first, first.millis(), notes + "ELK: single cold run");
        double[] t = new double[runs];
        ElkRunner.Run last = first;
        for (int i = 0; i < runs; i++) {
            last = runner.runOnce(stack, ELK_CAP_SECONDS);
            if (last.drawing() == null) return new ElkTimed(first, first.millis(), notes + "ELK failed on rerun: " + last.failure());
            t[i] = last.millis();
        }
        return new ElkTimed(last, median(t), notes);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static List<Path> lightModels() throws IOException {
        Path dir = TestData.sharedRoot().resolve("onnx-testdata/light"); // a benchmark, not a test: optional
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            System.out.println("(light models not found at " + dir + "; synthetic graphs only)");
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.onnx")) {
            for (Path p : ds) out.add(p);
        }
        out.sort(null);
        return out;
    }
}
