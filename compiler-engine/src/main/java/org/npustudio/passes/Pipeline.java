package org.npustudio.passes;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of configured passes. */
public record Pipeline(String name, List<Pass> passes) {
    public Pipeline {
        passes = List.copyOf(passes);
    }

    /** The pipeline `compile` runs when none is given; see docs/passes.md. */
    public static Pipeline defaultPipeline() {
        List<Pass> p = new ArrayList<>();
        for (String n : PassRegistry.DEFAULT_PIPELINE) p.add(PassRegistry.get(n).create());
        return new Pipeline("default", p);
    }

    /** Passes by name with default options. */
    public static Pipeline of(String name, String... passNames) {
        List<Pass> p = new ArrayList<>();
        for (String n : passNames) {
            PassInfo info = PassRegistry.get(n);
            if (info == null) throw new IllegalArgumentException("unknown pass '" + n + "' " + PassRegistry.validNames());
            p.add(info.create());
        }
        return new Pipeline(name, p);
    }
}
