package org.npustudio.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One entry of the real-model corpus (src/test/resources/real-models/models.yaml): a checked-in file, or a
 * fetched one that fetch.sh puts into the model cache.
 */
public record RealModel(String file, boolean fetched, Path path) {
    public boolean present() {
        return Files.isRegularFile(path);
    }
}
