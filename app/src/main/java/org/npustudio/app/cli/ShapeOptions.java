package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.shape.ShapeBinding;
import picocli.CommandLine.Option;

/**
 * The shape options every command that needs shapes shares ({@code --input-shape NAME=DIMS},
 * {@code --dim SYMBOL=N}, {@code --input-value NAME=V}; see docs/shape-inference.md), as a picocli
 * mixin: a command declares {@code @Mixin ShapeOptions shapes;}.
 */
final class ShapeOptions {
    @Option(names = "--input-shape", paramLabel = "NAME=DIMS", description =
            "give input NAME concrete dims, e.g. x=1x3x640x640 (a scalar: NAME=scalar); repeatable; the "
            + "bound model is what the command works on")
    List<String> inputShapes = new ArrayList<>();

    @Option(names = "--dim", paramLabel = "SYMBOL=N", description = "give every dim named SYMBOL the size N (repeatable)")
    List<String> dims = new ArrayList<>();

    @Option(names = "--input-value", paramLabel = "NAME=V", description =
            "specialise the model for input NAME holding V (e.g. sr=16000): NAME becomes a constant, no "
            + "longer an input, and Ifs it decides are replaced by the branch taken; repeatable")
    List<String> inputValues = new ArrayList<>();

    ShapeBinding binding() throws StudioException {
        return ShapeBinding.parse(inputShapes, dims).withValues(inputValues);
    }

    /** Opens MODEL with the binding of the command line. */
    Model open(Path file) throws StudioException {
        return ModelFiles.open(file, binding());
    }
}
