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

    /** The bundled lessons that read, and one error per folder that did not (file, line and problem). */
    public record Scan(List<Lesson> lessons, List<StudioException> problems) {}

    /** Reads every bundled lesson; a broken one is reported, not in the way of the others. */
    public static Scan scan() throws StudioException {
        List<Lesson> lessons = new ArrayList<>();
        List<StudioException> problems = new ArrayList<>();
        for (Path p : folders()) {
            try {
                lessons.add(LessonReader.read(p));
            } catch (StudioException e) {
                problems.add(e);
            }
        }
        return new Scan(lessons, problems);
    }

    /** Every bundled lesson, read; the first lesson with a mistake stops it (one line naming file and line). */
    public static List<Lesson> bundled() throws StudioException {
        Scan s = scan();
        if (!s.problems().isEmpty()) throw s.problems().get(0);
        return s.lessons();
    }

    /** A lesson by folder or lesson.yaml path, or a bundled lesson by folder name or id (a broken other lesson is no obstacle). */
    public static Lesson find(String idOrPath) throws StudioException {
        Path p = Path.of(idOrPath);
        if (Files.isDirectory(p) || Files.isRegularFile(p)) return LessonReader.read(p);
        for (Path folder : folders()) {
            if (folder.getFileName().toString().equals(idOrPath)) return LessonReader.read(folder);
        }
        Scan s = scan();
        for (Lesson l : s.lessons()) if (l.id().equals(idOrPath)) return l;
        List<String> ids = s.lessons().stream().map(Lesson::id).toList();
        throw new StudioException(idOrPath, "", "no such lesson folder or bundled lesson" + (ids.isEmpty() ? " (none found in " + folder() + ")"
                : " (bundled: " + String.join(", ", ids) + ")"));
    }
}
