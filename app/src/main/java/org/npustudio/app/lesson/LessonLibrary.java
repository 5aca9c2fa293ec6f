package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;

/**
 * The bundled lessons: every folder of {@code samples/lessons} under the NPU Studio home (system property
 * {@code npustudio.home}, which the launcher sets to the checkout, as for the samples) holding a lesson.yaml.
 */
public final class LessonLibrary {
    private LessonLibrary() {}

    /** The folder of bundled lessons ({@code <home>/samples/lessons}, or {@code samples/lessons} of the working folder). */
    public static Path folder() {
        String home = System.getProperty("npustudio.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve("samples").resolve("lessons").toAbsolutePath();
    }

    /** Lesson folders in name order (not yet read). */
    public static List<Path> folders() throws StudioException {
        Path root = folder();
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(LessonReader.FILE))).sorted().toList();
        } catch (IOException e) {
            throw new StudioException(root.toString(), "", "cannot list: " + e.getMessage());
        }
    }

    /** Every bundled lesson, read; the first lesson with a mistake stops it (one line naming file and line). */
    public static List<Lesson> bundled() throws StudioException {
        List<Lesson> out = new ArrayList<>();
        for (Path p : folders()) out.add(LessonReader.read(p));
        return out;
    }

    /** A lesson by folder or lesson.yaml path, or a bundled lesson by id (or folder name). */
    public static Lesson find(String idOrPath) throws StudioException {
        Path p = Path.of(idOrPath);
        if (Files.isDirectory(p) || Files.isRegularFile(p)) return LessonReader.read(p);
        List<String> ids = new ArrayList<>();
        for (Path folder : folders()) {
            if (folder.getFileName().toString().equals(idOrPath)) return LessonReader.read(folder);
            Lesson l = LessonReader.read(folder);
            if (l.id().equals(idOrPath)) return l;
            ids.add(l.id());
        }
        throw new StudioException(idOrPath, "", "no such lesson folder or bundled lesson" + (ids.isEmpty() ? " (none found in " + folder() + ")"
                : " (bundled: " + String.join(", ", ids) + ")"));
    }
}
