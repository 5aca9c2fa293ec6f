package org.npustudio.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the checkout's root folder (the parent pom that lists the modules) from wherever a test runs:
 * surefire starts each module's tests in that module's folder, an IDE may start them elsewhere.
 */
final class CheckoutRoot {
    private CheckoutRoot() {}

    /** The property's folder when it is the root, else the first root above {@code start}. */
    static Optional<Path> find(String property, Path start) {
        if (property != null && !property.isBlank() && !property.startsWith("${")) {
            Path p = Path.of(property).toAbsolutePath().normalize();
            if (isRoot(p)) return Optional.of(p);
        }
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (isRoot(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The parent pom: it names the project's parent artifact and lists compiler-engine as a module. */
    static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) return false;
        try {
            String s = Files.readString(pom);
            return s.contains("<artifactId>npustudio-parent</artifactId>") && s.contains("<module>compiler-engine</module>");
        } catch (IOException e) {
            return false;
        }
    }
}
