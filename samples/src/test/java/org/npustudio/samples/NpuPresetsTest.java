package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.testdata.TestData;

class NpuPresetsTest {
    @Test
    void everyFileInTheFolderIsBundledWithTheSameText() throws Exception {
        Path dir = TestData.inCheckout("samples/npu");
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(n -> files.add(n.substring(0, n.length() - 5)));
        }
        TestData.nonEmpty(files, "NPU presets in " + dir);
        assertEquals(files, new TreeSet<>(NpuPresets.NAMES), "register new presets in NpuPresets.NAMES");
        for (String n : NpuPresets.NAMES) assertEquals(Files.readString(dir.resolve(n + ".yaml")), NpuPresets.yaml(n), n);
    }

    @Test
    void anUnknownPresetIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpuPresets.yaml("nope"));
        assertEquals(true, e.getMessage().contains("'nope'"));
    }
}
