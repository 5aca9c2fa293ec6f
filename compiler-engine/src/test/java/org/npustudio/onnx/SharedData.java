package org.npustudio.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates ONNX's backend test data beside the project (../shared); tests skip with a reason without it. */
public final class SharedData {
    private SharedData() {}

    public static Path onnxTestData() {
        String dir = System.getProperty("npustudio.shared", "../shared");
        Path p = Path.of(dir, "onnx-testdata");
        Assumptions.assumeTrue(Files.isDirectory(p), "skipped: ONNX test data not found at " + p.toAbsolutePath()
                + " (it lives in ../shared beside the project; absent on a user's clone)");
        return p;
    }

    /** Every .onnx file under the test data, sorted for a deterministic order. */
    public static List<Path> allModels() throws IOException {
        try (Stream<Path> s = Files.walk(onnxTestData())) {
            return s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
    }
}
