package org.npustudio.npusim.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.Compilation;
import org.npustudio.passes.Fingerprint;
import org.npustudio.passes.Pass;
import org.npustudio.passes.Pipeline;

/**
 * The compiled graphs of one owner's recent as-compiled simulations, so an NPU edit (array, clock, SRAM,
 * dataflow…) re-simulates without re-running the pipeline and its verifier. A compilation depends only on
 * the model's state, the pipeline as the run's NPUs configure it ({@link TargetPipeline}: the activations
 * every NPU supports) and the plan's device regions; that triple is the key. The model counts by identity
 * and by its structural {@link Fingerprint}, so an edit in place misses the cache instead of reading a stale
 * graph. Entries hold the opened model; an owner keeps one cache per open model (the IDE's profiling
 * session) and drops it with the model. Thread-safe; the compiled model is only read after it is stored.
 */
public final class CompiledGraphs {
    /**
     * Entries kept: the current state and the one before (a plan edit and its undo both hit). Each entry holds
     * the compiled copy's folded weights (about the model's weight size: ~100 MB for ResNet-50 in fp32), so few.
     */
    static final int CAPACITY = 2;

    private record Key(Model model, long fingerprint, String pipeline, Map<String, String> regions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.model == model && k.fingerprint == fingerprint && k.pipeline.equals(pipeline) && k.regions.equals(regions);
        }

        @Override
        public int hashCode() { return System.identityHashCode(model) * 31 + Long.hashCode(fingerprint) * 17 + pipeline.hashCode() + regions.hashCode(); }
    }

    private final Map<Key, Compilation.Result> entries = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Compilation.Result> eldest) { return size() > CAPACITY; }
    };
    private long compilations;
    private long hits;

    /** The compiled copy of {@code opened} under {@code pipeline} and {@code regions}, compiled only on a miss. */
    synchronized Compilation.Result compile(Model opened, Pipeline pipeline, Map<String, String> regions) throws StudioException {
        Key key = new Key(opened, Fingerprint.of(opened), signature(pipeline), Map.copyOf(regions));
        Compilation.Result r = entries.get(key);
        if (r != null) {
            hits++;
            return r;
        }
        r = Compilation.compile(opened, pipeline, regions);
        compilations++;
        entries.put(key, r);
        return r;
    }

    /** How many times the pipeline ran (misses). */
    public synchronized long compilations() { return compilations; }

    /** How many simulations reused a compiled graph. */
    public synchronized long hits() { return hits; }

    public synchronized void clear() { entries.clear(); }

    /** The pipeline as run: its name and every pass with its options (a target-restricted fuse-activation differs). */
    private static String signature(Pipeline p) {
        StringBuilder b = new StringBuilder(p.name());
        List<Pass> passes = p.passes();
        for (Pass pass : passes) b.append('|').append(pass.name()).append(pass.options());
        return b.toString();
    }
}
