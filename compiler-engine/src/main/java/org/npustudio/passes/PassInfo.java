package org.npustudio.passes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A registered pass: name, one-line description, declared options and how to build an instance. */
public record PassInfo(String name, String description, List<PassOption> options, Function<PassOptions, Pass> factory) {
    public PassInfo {
        options = List.copyOf(options);
    }

    public Pass create(Map<String, ?> given) {
        return factory.apply(PassOptions.of(name, options, given));
    }

    public Pass create() { return create(Map.of()); }
}
