package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.ir.IrEquality;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.testdata.TestData;

/**
 * Every model of the real-model corpus (checked in, plus the fetched ones in the cache) reads, writes and
 * re-reads to the same IR, and ONNX Runtime loads what we wrote with the same inputs and outputs as the
 * original. The corpus comes from {@link TestData#realModels()}: a missing checked-in model fails in strict
 * mode, a fetched one not in the cache is left out with a note on the console.
 */
class RealModelRoundTripTest {
    static List<Path> models() {
        return TestData.realModels();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void readsWritesAndLoadsInOnnxRuntime(Path file) throws Exception {
        Model model = OnnxReader.read(file);
        assertTrue(model.graph().nodes().size() > 0, file + " has no nodes");
        byte[] written = OnnxWriter.toBytes(model);
        Model again = OnnxReader.read(written, file.toString(), file.getParent());
        List<String> diffs = IrEquality.differences(model, again);
        assertTrue(diffs.isEmpty(), file.getFileName() + ": " + diffs.subList(0, Math.min(5, diffs.size())));
        String name = file.getFileName().toString();
        try (OrtRunner original = OrtRunner.open(Files.readAllBytes(file), name, OrtRunner.Options.DETERMINISTIC);
                OrtRunner ours = OrtRunner.open(written, name + " (re-exported)", OrtRunner.Options.DETERMINISTIC)) {
            assertEquals(original.inputNames(), ours.inputNames());
            assertEquals(original.outputNames(), ours.outputNames());
        }
    }
}
