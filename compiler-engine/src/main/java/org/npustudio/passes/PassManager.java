package org.npustudio.passes;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * Runs a {@link Pipeline} over a model in place: times each pass, fingerprints the graph before and
 * after to tell whether it changed, keeps a structural snapshot after every pass that changed it
 * (MLIR's print-ir-after-change), and runs the {@link Verifier} after each pass (default on, so the
 * pass that breaks a graph is named at once). Each pass's {@link PassContract} is checked: a pass whose
 * requirement does not hold is skipped with the reason in its record; a pass that does not deliver what
 * it provides, or says "unchanged" after changing the graph, fails.
 * A pass that throws stops the pipeline: the failure names the pass and node, the model is restored
 * to the last good snapshot, and every snapshot taken so far stays in the result.
 */
public final class PassManager {
    private boolean snapshots = true;
    private boolean verify = true;
    private Progress progress = (step, total, pass) -> {};

    /** Told before each pass starts (a GUI shows it; runs on the pipeline's thread). */
    @FunctionalInterface
    public interface Progress {
        void beforePass(int step, int total, String pass);
    }

    public PassManager onProgress(Progress p) {
        progress = p == null ? (step, total, pass) -> {} : p;
        return this;
    }

    /** Keep a snapshot after each changing pass (default on). */
    public PassManager snapshots(boolean on) {
        snapshots = on;
        return this;
    }

    /**
     * Run the verifier after every pass (default on); a pass that leaves a problem the input did not
     * have stops the pipeline. Benchmarks turn it off.
     */
    public PassManager verifyAfterEachPass(boolean on) {
        verify = on;
        return this;
    }

    public PipelineResult run(Model model, Pipeline pipeline) {
        long fp = Fingerprint.of(model);
        Model lastGood = ModelCopy.of(model);
        Snapshot input = snapshots ? new Snapshot(0, "input", fp, lastGood) : null;
        List<PassRecord> records = new ArrayList<>();
        // Problems the input already has are not blamed on the first pass (real models carry some).
        java.util.Set<String> known = verify ? new java.util.HashSet<>(Verifier.check(model)) : java.util.Set.of();
        int step = 0;
        for (Pass pass : pipeline.passes()) {
            step++;
            progress.beforePass(step, pipeline.passes().size(), pass.name());
            PassContext ctx = new PassContext(pass.name());
            String unmet = unmet(pass.contract().requires(), model);
            if (unmet != null) {
                records.add(new PassRecord(step, pass.name(), pass.options(), 0, false, fp, fp, null, List.of(), List.of(), unmet));
                continue;
            }
            long t0 = System.nanoTime();
            boolean said;
            try {
                said = pass.run(model, ctx);
                if (pass.appliesToBodies()) said |= runInBodies(pass, model, model.graph(), ctx);
            } catch (RuntimeException | StackOverflowError e) {
                restore(model, lastGood);
                return new PipelineResult(input, records, failure(pass, step, ctx, e));
            }
            long nanos = System.nanoTime() - t0;
            try {
                GraphEdits.sortTopologically(model.graph());
            } catch (IllegalStateException e) {
                restore(model, lastGood);
                return new PipelineResult(input, records, new PassFailure(pass.name(), step, null, "left a cycle: " + e.getMessage(), e));
            }
            long after = Fingerprint.of(model);
            boolean changed = after != fp;
            String broken = changed && !said ? "said it changed nothing but changed the graph" : unmet(pass.contract().provides(), model);
            if (broken != null) {
                restore(model, lastGood);
                return new PipelineResult(input, records, new PassFailure(pass.name(), step, null,
                        broken.startsWith("said") ? broken : "did not deliver what it provides: " + broken, null));
            }
            List<String> problems = new ArrayList<>();
            if (verify) for (String p : Verifier.check(model)) if (!known.contains(p)) problems.add(p);
            if (!problems.isEmpty()) {
                restore(model, lastGood);
                return new PipelineResult(input, records, new PassFailure(pass.name(), step, null,
                        "left the graph malformed: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))), null));
            }
            Snapshot snap = null;
            if (changed) {
                lastGood = ModelCopy.of(model);
                if (snapshots) snap = new Snapshot(step, pass.name(), after, lastGood);
            }
            records.add(new PassRecord(step, pass.name(), pass.options(), nanos, changed, fp, after, snap, ctx.notes(), problems, null));
            fp = after;
        }
        return new PipelineResult(input, records, null);
    }

    /**
     * Runs {@code pass} on each body nested in {@code g}, innermost last, each as a model of its own with
     * the model's opsets; what the pass imports is imported by the model. The owning node is told, so
     * its graph's look-ups see the body's new captures.
     */
    private static boolean runInBodies(Pass pass, Model model, org.npustudio.ir.Graph g, PassContext ctx) {
        boolean[] changed = {false};
        for (Node n : List.copyOf(g.nodes())) {
            if (n.subgraphs().isEmpty()) continue;
            n.editSubgraphs(() -> {
                for (org.npustudio.ir.Graph body : n.subgraphs()) {
                    Model view = new Model(body);
                    view.setIrVersion(model.irVersion());
                    view.opsetImports().addAll(model.opsetImports());
                    view.functions().addAll(model.functions());
                    boolean outer = ctx.inBody();
                    ctx.setInBody(true);
                    try {
                        changed[0] |= pass.run(view, ctx);
                    } finally {
                        ctx.setInBody(outer);
                    }
                    for (org.npustudio.ir.OpsetId o : view.opsetImports()) {
                        if (model.opsetVersion(o.domain()) < 0) model.opsetImports().add(o);
                    }
                    GraphEdits.sortTopologically(body);
                    changed[0] |= runInBodies(pass, model, body, ctx);
                }
            });
        }
        return changed[0];
    }

    /** The first property that does not hold, as "property: why", or null. */
    private static String unmet(List<PassContract.Property> props, Model model) {
        for (PassContract.Property p : props) {
            String why = p.whyNot(model);
            if (why != null) return p.name() + ": " + why;
        }
        return null;
    }

    private static PassFailure failure(Pass pass, int step, PassContext ctx, Throwable e) {
        String nodeId = e instanceof PassException pe && pe.nodeId() != null ? pe.nodeId() : null;
        Node current = ctx.currentNode();
        if (nodeId == null && current != null) nodeId = current.id();
        String problem = e instanceof PassException ? e.getMessage() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (nodeId != null && current != null && current.id().equals(nodeId)) problem = current.opType() + ": " + problem;
        return new PassFailure(pass.name(), step, nodeId, problem, e);
    }

    /** Puts the last good state back so a failing pass never leaves the caller's model half-rewritten. */
    private static void restore(Model model, Model good) {
        Model copy = ModelCopy.of(good);
        model.setGraph(copy.graph());
        model.opsetImports().clear();
        model.opsetImports().addAll(copy.opsetImports());
    }
}
