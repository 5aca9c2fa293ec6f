package org.npustudio.app.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A lesson as read from {@code lesson.yaml} (docs/lessons.md): identity, the files a new workspace starts
 * from, and the steps in order. Immutable; {@link LessonReader} makes one.
 *
 * @param folder     the lesson folder (figures, solution/ and relative start files resolve against it)
 * @param file       the lesson.yaml file
 * @param id         stable identifier, e.g. {@code 01-reading-a-graph}; workspaces are bound to it
 * @param version    bumped by the teacher when steps or checks change; a workspace of another version is refused
 * @param minutes    expected student time
 * @param start      workspace files made by {@code lesson start}, by workspace name
 */
public record Lesson(Path folder, Path file, String id, String title, int version, int minutes, String summary,
                     List<StartFile> start, List<Step> steps) {
    public Lesson {
        start = List.copyOf(start);
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Index of a step in {@link #steps()}, -1 when absent. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        return -1;
    }

    public Optional<StartFile> startFile(String workspaceName) {
        return start.stream().filter(f -> f.name().equals(workspaceName)).findFirst();
    }

    /** Sum of every check's points. */
    public int totalPoints() {
        return steps.stream().mapToInt(Step::points).sum();
    }

    /** The reference solution folder (used only by {@code lesson validate}). */
    public Path solutionFolder() { return folder.resolve("solution"); }
}
