package org.npustudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.testdata.TestData;

/** {@code npustudio lesson validate} on every bundled lesson folder, so a lesson added later is covered too. */
class BundledLessonsTest {
    static List<Path> lessons() throws Exception {
        try (Stream<Path> s = Files.list(TestData.inCheckout("samples/lessons"))) {
            List<Path> out = s.filter(Files::isDirectory).sorted().toList();
            assertTrue(out.size() >= 2, "the bundled lessons are missing: " + out);
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void validates(Path folder) {
        assertTrue(Files.isRegularFile(folder.resolve("lesson.yaml")), folder + " is in samples/lessons but has no lesson.yaml");
        CliRun r = CliRun.of("lesson", "validate", folder.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("valid: " + folder.getFileName() + " "), "the lesson id is its folder name: " + r.out());
    }
}
