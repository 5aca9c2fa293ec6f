package org.npustudio.npusim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.passes.Pass;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;

/**
 * A pipeline as a compiler for the run's NPUs would configure it: {@code fuse-activation} fuses only the
 * activations every NPU of the run supports. An NPU compiler does not fuse a Tanh its hardware cannot run
 * into a Conv, which would push the whole Conv to the host; the Conv stays on the NPU and the Tanh goes
 * where it can run. Other passes are target-independent and kept as given.
 */
public final class TargetPipeline {
    private TargetPipeline() {}

    static final String FUSE_ACTIVATION = "fuse-activation";

    public static Pipeline of(Pipeline given, DeviceSet devices) {
        List<Pass> passes = new ArrayList<>();
        boolean changed = false;
        for (Pass p : given.passes()) {
            if (!p.name().equals(FUSE_ACTIVATION)) {
                passes.add(p);
                continue;
            }
            List<String> wanted = p.options().strings("activations");
            List<String> runnable = wanted.stream().filter(a -> devices.all().stream().allMatch(d -> !d.isNpu() || d.npu().supports(a))).toList();
            changed |= runnable.size() != wanted.size();
            passes.add(runnable.size() == wanted.size() ? p : PassRegistry.get(FUSE_ACTIVATION).create(Map.of("activations", runnable)));
        }
        return changed ? new Pipeline(given.name(), passes) : given;
    }
}
