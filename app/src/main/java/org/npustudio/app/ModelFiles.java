package org.npustudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;

/** Opens model files for the CLI and the IDE, turning every user mistake into a one-line error. */
public final class ModelFiles {
    private ModelFiles() {}

    public static Model open(Path file) throws StudioException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new StudioException(name, "", "is a directory, not an ONNX model file");
        }
        if (!Files.exists(file)) throw new StudioException(name, "", "no such file");
        if (!Files.isReadable(file)) throw new StudioException(name, "", "permission denied");
        return OnnxReader.read(file);
    }
}
