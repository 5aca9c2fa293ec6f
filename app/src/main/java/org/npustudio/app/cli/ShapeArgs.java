package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.shape.ShapeBinding;

/**
 * The shape options every command that needs shapes shares ({@code --input-shape NAME=DIMS},
 * {@code --dim SYMBOL=N}, {@code --input-value NAME=V}; see docs/shape-inference.md). Each command adds
 * {@link #OPTIONS} to its value options and {@link #HELP} to its help.
 */
final class ShapeArgs {
    static final Set<String> OPTIONS = Set.of("--input-shape", "--dim", "--input-value");
    static final String SYNOPSIS = "[--input-shape NAME=DIMS]... [--dim SYMBOL=N]... [--input-value NAME=V]...";
    static final String HELP = """
              --input-shape NAME=DIMS   give input NAME concrete dims, e.g. x=1x3x640x640 (a scalar: NAME=scalar);
                                        repeatable; the bound model is what the command works on
              --dim SYMBOL=N            give every dim named SYMBOL the size N (repeatable)
              --input-value NAME=V      specialise the model for input NAME holding V (e.g. sr=16000): NAME
                                        becomes a constant, no longer an input, and Ifs it decides are
                                        replaced by the branch taken; repeatable
            """;

    private ShapeArgs() {}

    /** {@code others} plus the shape options. */
    static Set<String> with(String... others) {
        Set<String> s = new HashSet<>(OPTIONS);
        s.addAll(Set.of(others));
        return s;
    }

    static ShapeBinding binding(Args a) throws StudioException {
        return ShapeBinding.parse(a.values("--input-shape"), a.values("--dim")).withValues(a.values("--input-value"));
    }

    /** Opens MODEL with the binding of the command line. */
    static Model open(Args a, Path file) throws StudioException {
        return ModelFiles.open(file, binding(a));
    }
}
