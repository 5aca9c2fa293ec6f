package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.runtime.InputValues;
import org.npustudio.shape.ShapeBinding;

/**
 * The shape options every command that needs shapes shares ({@code --input-shape NAME=DIMS},
 * {@code --dim SYMBOL=N}; see docs/shape-inference.md) and {@code --input-value NAME=V} for commands
 * that run the model. Each command adds {@link #OPTIONS} to its value options and {@link #HELP} to its help.
 */
final class ShapeArgs {
    static final Set<String> OPTIONS = Set.of("--input-shape", "--dim");
    static final String SYNOPSIS = "[--input-shape NAME=DIMS]... [--dim SYMBOL=N]...";
    static final String HELP = """
              --input-shape NAME=DIMS   give input NAME concrete dims, e.g. x=1x3x640x640 (a scalar: NAME=scalar);
                                        repeatable; the bound model is what the command works on
              --dim SYMBOL=N            give every dim named SYMBOL the size N (repeatable)
            """;
    static final String VALUE_SYNOPSIS = "[--input-value NAME=V]...";
    static final String VALUE_HELP = """
              --input-value NAME=V      fill input NAME with the single value V of its element type
                                        (e.g. sr=16000); repeatable
            """;

    private ShapeArgs() {}

    /** {@code others} plus the shape options. */
    static Set<String> with(String... others) {
        Set<String> s = new HashSet<>(OPTIONS);
        s.addAll(Set.of(others));
        return s;
    }

    static ShapeBinding binding(Args a) throws StudioException {
        return ShapeBinding.parse(a.values("--input-shape"), a.values("--dim"));
    }

    /** Opens MODEL with the binding of the command line. */
    static Model open(Args a, Path file) throws StudioException {
        return ModelFiles.open(file, binding(a));
    }

    /** The {@code --input-value} tensors for the (bound) model's inputs. */
    static Map<String, Tensor> values(Args a, Model model) throws StudioException {
        return InputValues.parse(a.values("--input-value"), model.graph());
    }
}
