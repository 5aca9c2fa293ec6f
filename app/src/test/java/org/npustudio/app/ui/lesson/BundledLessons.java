package org.npustudio.app.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.npustudio.testdata.TestData;

/** Every lesson folder under samples/lessons of the checkout, so a lesson added there is walked too. */
final class BundledLessons {
    private BundledLessons() {}

    static List<Path> folders() throws IOException {
        Path root = TestData.inCheckout("samples/lessons");
        try (Stream<Path> s = Files.list(root)) {
            List<Path> out = s.filter(p -> Files.isRegularFile(p.resolve("lesson.yaml"))).sorted().toList();
            if (out.isEmpty()) throw new AssertionError("no lessons in " + root);
            return out;
        }
    }

    /** Lessons whose action steps the correct student does with the real views (the rest apply the solution's files). */
    static boolean walkedThroughViews(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith("01-") || name.startsWith("02-") || name.startsWith("03-") || name.startsWith("04-") || name.startsWith("05-") || name.startsWith("06-");
    }
}
