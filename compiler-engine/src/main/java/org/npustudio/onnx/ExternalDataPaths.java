package org.npustudio.onnx;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves an external-data location and refuses any that is absolute or leaves the model's folder. */
final class ExternalDataPaths {
    private ExternalDataPaths() {}

    static Path resolve(Path baseDir, String location, String file, String place) throws ModelLoadException {
        Path rel;
        try {
            rel = Path.of(location);
        } catch (InvalidPathException e) {
            throw new ModelLoadException(ModelLoadException.Kind.EXTERNAL_DATA, file, place,
                    "external data location '" + location + "' is not a valid path");
        }
        if (rel.isAbsolute() || location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*")) {
            throw new ModelLoadException(ModelLoadException.Kind.EXTERNAL_DATA, file, place,
                    "external data location '" + location + "' is absolute; it must be relative to the model's folder");
        }
        if (baseDir == null) {
            throw new ModelLoadException(ModelLoadException.Kind.EXTERNAL_DATA, file, place,
                    "tensor uses external data but the model was not read from a folder");
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Path resolved = base.resolve(rel).normalize();
        if (!resolved.startsWith(base)) {
            throw new ModelLoadException(ModelLoadException.Kind.EXTERNAL_DATA, file, place,
                    "external data location '" + location + "' escapes the model's folder");
        }
        return resolved;
    }
}
