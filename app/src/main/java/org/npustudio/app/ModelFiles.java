package org.npustudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.runtime.OpaqueTypeProbe;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;

/**
 * Opens model files for the CLI and the IDE, turning every user mistake into a one-line error.
 * Opening means: read and validate, then infer shapes (value_info) so costs and labels are known.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static Model open(Path file) throws StudioException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new StudioException(name, "", "is a directory, not an ONNX model file");
        }
        if (!Files.exists(file)) throw new StudioException(name, "", "no such file");
        if (!Files.isReadable(file)) throw new StudioException(name, "", "permission denied");
        Model model = OnnxReader.read(file);
        ShapeInference.infer(model);
        OpaqueTypeProbe.fill(model); // ops without a schema: output types from one ONNX Runtime run
        return model;
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
