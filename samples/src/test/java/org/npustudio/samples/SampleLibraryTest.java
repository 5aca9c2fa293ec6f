package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleLibraryTest {
    private static final Path DIR = Built.DIR.resolve("library");

    @Test
    void listsTheFiveSamples() {
        assertEquals(List.of("resnet50", "mobilenetv2", "lenet5", "mlp", "transformer-encoder"), SampleLibrary.names());
        for (SampleLibrary.Sample s : SampleLibrary.samples()) {
            assertEquals(s.name() + ".onnx", s.fileName());
            assertTrue(!s.description().isBlank(), s.name());
        }
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleLibrary.build("resnet18"));
        assertTrue(e.getMessage().contains("resnet18"), e.getMessage());
        for (String n : SampleLibrary.names()) assertTrue(e.getMessage().contains(n), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleLibrary.ensure("nope", DIR));
    }

    @Test
    void ensureWritesOnlyWhenTheFileIsMissing() throws Exception {
        Path dir = DIR.resolve("ensure");
        Path file = dir.resolve("mlp.onnx");
        Files.deleteIfExists(file);
        assertEquals(file, SampleLibrary.ensure("mlp", dir));
        assertArrayEquals(Built.bytes("mlp"), Files.readAllBytes(file));
        Files.writeString(file, "left alone");
        assertEquals(file, SampleLibrary.ensure("mlp", dir));
        assertEquals("left alone", Files.readString(file, StandardCharsets.UTF_8));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "temporary files left behind");
        }
    }

    @Test
    void writeAllWritesEverySampleInLibraryOrder() throws Exception {
        Path dir = DIR.resolve("all");
        List<Path> files = SampleLibrary.writeAll(dir);
        assertEquals(SampleLibrary.names().stream().map(n -> dir.resolve(n + ".onnx")).toList(), files);
        for (String n : SampleLibrary.names()) {
            assertArrayEquals(Built.bytes(n), Files.readAllBytes(dir.resolve(n + ".onnx")), n);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(5, left.count(), "temporary files left behind");
        }
    }
}
