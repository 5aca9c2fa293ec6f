package org.npustudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeBinding;

/**
 * Opens model files for the CLI and the IDE, turning every user mistake into a one-line error.
 * Opening is compiler-engine's {@link ModelOpener}: read and validate, bind input shapes, infer shapes.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static Model open(Path file) throws StudioException {
        return ModelOpener.open(file, ShapeBinding.NONE);
    }

    /** Opens with the user's input shapes bound before shape inference. */
    public static Model open(Path file, ShapeBinding binding) throws StudioException {
        return ModelOpener.open(file, binding);
    }

    /**
     * Where bundled samples are written on demand: {@code samples/models} of the NPU Studio checkout
     * (the launcher passes it as {@code npustudio.home}) when writable, else {@code ~/.npustudio/samples}.
     */
    public static Path sampleFolder() {
        String home = System.getProperty("npustudio.home");
        if (home != null) {
            Path p = Path.of(home, "samples", "models");
            if (Files.isDirectory(p) && Files.isWritable(p)) return p;
        }
        return Path.of(System.getProperty("user.home"), ".npustudio", "samples");
    }

    /** The file of a bundled sample, built and written first if it is not there yet. */
    public static Path sample(String name) throws StudioException {
        try {
            return SampleLibrary.ensure(name, sampleFolder());
        } catch (IllegalArgumentException e) {
            throw new StudioException("--sample", "", e.getMessage());
        }
    }
}
