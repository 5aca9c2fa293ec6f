package org.npustudio.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassRecord;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;

/**
 * The pass pipeline and the diff at scale: the default pipeline plus legalize (15 passes) on a model,
 * per-pass times, the heap its snapshots keep, and node matching between two models (by stable id, and
 * structurally by name or by op type and neighbours when names are gone). Prints figures; not a test.
 */
public final class PipelineBenchmark {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private PipelineBenchmark() {}

    /** @param input builds a fresh copy of the model for every run (passes edit in place) */
    public static void run(String label, java.util.function.Supplier<Model> input, PrintStream out) throws Exception {
        Model probe = input.get();
        int nodes = probe.graph().nodes().size();
        Pipeline pipeline = fifteenPasses();
        out.printf("pipeline benchmark: %s, %,d nodes, %d passes, %d warm-up + %d measured runs, medians%n",
                label, nodes, pipeline.passes().size(), WARMUP, RUNS);

        // Only the per-pass records are kept across runs: snapshots of big models would add up.
        List<List<PassRecord>> runs = new ArrayList<>();
        double total = Measure.median(WARMUP, RUNS, () -> {
            PipelineResult r = new PassManager().verifyAfterEachPass(false).run(input.get(), pipeline);
            if (!r.succeeded()) throw new IllegalStateException(r.failure().getMessage());
            runs.add(r.records().stream().map(PipelineBenchmark::withoutSnapshot).toList());
            return r;
        });
        out.printf("  whole pipeline (incl. fingerprints, snapshots)   %9.1f ms%n", total);
        List<List<PassRecord>> measured = runs.subList(WARMUP, runs.size());
        for (int p = 0; p < pipeline.passes().size(); p++) {
            double[] ms = new double[measured.size()];
            for (int i = 0; i < ms.length; i++) ms[i] = measured.get(i).get(p).millis();
            java.util.Arrays.sort(ms);
            PassRecord rec = measured.get(0).get(p);
            out.printf("    %-36s %9.1f ms  %s%n", rec.pass(), ms[ms.length / 2], rec.changed() ? "changed" : "-");
        }
        runs.clear();

        Model model = input.get();
        long before = Measure.usedHeapAfterGc();
        PipelineResult r = new PassManager().verifyAfterEachPass(false).run(model, pipeline);
        long withSnapshots = Measure.usedHeapAfterGc();
        out.printf("  heap kept by the run (%d snapshots + edited model) %7.1f MB%n", r.snapshots().size(), (withSnapshots - before) / 1e6);

        Model first = r.input().model(), last = r.lastGoodSnapshot().model();
        ModelDiff[] keep = new ModelDiff[1];
        double byId = Measure.median(WARMUP, RUNS, () -> keep[0] = ModelDiffer.pipeline(first, last));
        out.printf("  diff input vs output by stable id                %9.1f ms  (%s)%n", byId, keep[0].summary());
        double named = Measure.median(WARMUP, RUNS, () -> keep[0] = ModelDiffer.models(first, last));
        out.printf("  diff as two arbitrary models (names, neighbours) %9.1f ms  (%s)%n", named, keep[0].summary());
        Model a = unnamed(first), b = unnamed(ModelCopy.of(first));
        double anonymous = Measure.median(WARMUP, RUNS, () -> keep[0] = ModelDiffer.models(a, b));
        out.printf("  diff of two unnamed copies (neighbours only)     %9.1f ms  (%s)%n", anonymous, keep[0].summary());
        java.lang.ref.Reference.reachabilityFence(r);
    }

    /** The default pipeline followed by legalize, as `compile` runs it before writing a file. */
    static Pipeline fifteenPasses() {
        List<String> names = new ArrayList<>(PassRegistry.DEFAULT_PIPELINE);
        names.add("legalize");
        return Pipeline.of("default+legalize", names.toArray(String[]::new));
    }

    private static PassRecord withoutSnapshot(PassRecord r) {
        return new PassRecord(r.step(), r.pass(), r.options(), r.nanos(), r.changed(), r.fingerprintBefore(), r.fingerprintAfter(),
                null, List.of(), List.of(), r.skipped());
    }

    private static Model unnamed(Model m) {
        Model c = ModelCopy.of(m);
        for (Node n : c.graph().nodes()) n.setName("");
        return c;
    }
}
