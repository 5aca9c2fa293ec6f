package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.onnx.OnnxWriter;

class DeterminismTest {
    /** samples/models/ in the source tree (surefire runs with the module as working directory). */
    private static final Path COMMITTED = Path.of(System.getProperty("basedir", "."), "models");

    static List<String> names() {
        return SampleLibrary.names();
    }

    static List<String> committedNames() {
        return SampleLibrary.samples().stream().filter(SampleLibrary.Sample::committed).map(SampleLibrary.Sample::name).toList();
    }

    @ParameterizedTest
    @MethodSource("names")
    void buildingTwiceGivesIdenticalBytes(String name) {
        byte[] again = OnnxWriter.toBytes(SampleLibrary.build(name));
        assertArrayEquals(Built.bytes(name), again, name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void writtenFileHoldsExactlyTheBuiltBytes(String name) throws Exception {
        assertArrayEquals(Built.bytes(name), Files.readAllBytes(Built.file(name)), name);
    }

    @ParameterizedTest
    @MethodSource("committedNames")
    void committedFileIsUpToDate(String name) throws IOException {
        Path file = COMMITTED.resolve(SampleLibrary.sample(name).fileName());
        assertTrue(Files.isRegularFile(file), file + " is missing; regenerate with SampleWriter models "
                + String.join(" ", committedNames()));
        byte[] committed = Files.readAllBytes(file);
        assertTrue(committed.length < 1 << 20, file + " is " + committed.length + " bytes");
        assertArrayEquals(Built.bytes(name), committed, file + " differs from a fresh build; regenerate it with SampleWriter");
    }

    /**
     * The small samples are committed; the large ones are written into the same folder on demand
     * (`npustudio gui --sample resnet50`), so they may be present but must be git-ignored.
     */
    @Test
    void exactlyTheSmallSamplesAreCommittedAndTheLargeOnesIgnored() throws IOException {
        List<String> onDemand = SampleLibrary.samples().stream().filter(s -> !s.committed()).map(SampleLibrary.Sample::fileName).toList();
        try (Stream<Path> files = Files.list(COMMITTED)) {
            List<String> onnx = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".onnx") && !onDemand.contains(f)).sorted().toList();
            assertEquals(committedNames().stream().map(n -> n + ".onnx").sorted().toList(), onnx);
        }
        assertEquals(List.of("lenet5", "mlp", "transformer-encoder"), committedNames());
        List<String> ignored = Files.readAllLines(COMMITTED.getParent().getParent().resolve(".gitignore"));
        for (String f : onDemand) {
            assertTrue(ignored.contains("/samples/models/" + f), f + " is generated on demand and must be listed in .gitignore");
        }
    }
}
