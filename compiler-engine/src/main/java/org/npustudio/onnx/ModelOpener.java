package org.npustudio.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.runtime.OpaqueTypeProbe;
import org.npustudio.shape.ShapeInference;

/**
 * The one way every command and the IDE open a model file: file checks with one-line errors, read and
 * validate ({@link OnnxReader}), bind the user's input shapes ({@link ShapeBinding}), infer shapes once;
 * with input values, specialise the model for them ({@link Specialization}) and infer again.
 */
public final class ModelOpener {
    private ModelOpener() {}

    public static Model open(Path file) throws StudioException {
        return open(file, ShapeBinding.NONE);
    }

    public static Model open(Path file, ShapeBinding binding) throws StudioException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new StudioException(name, "", "is a directory, not an ONNX model file");
        if (!Files.exists(file)) throw new StudioException(name, "", "no such file");
        if (!Files.isReadable(file)) throw new StudioException(name, "", "permission denied");
        Model model = OnnxReader.read(file);
        binding.bind(model); // before the one inference pass, so it sees the bound dims
        ShapeInference.infer(model);
        if (!binding.inputValues().isEmpty()) {
            Specialization.apply(model, binding.inputValues()); // needs the inputs' inferred shapes
            ShapeInference.infer(model);
        }
        OpaqueTypeProbe.fill(model); // ops without a schema: output types from one ONNX Runtime run (only when some are untyped)
        return model;
    }
}
