package org.npustudio.app.lesson;

import java.util.List;

/**
 * One step of a lesson.
 *
 * @param text     markdown-ish text (paragraphs, lists, {@code code}, **bold**, {@code ![caption](figures/x.png)})
 * @param figures  image paths named in the text, resolved against the lesson folder (checked to exist)
 * @param question the question of a choice, numeric or predict step; null for theory and action
 * @param checks   in order; empty for theory steps
 */
public record Step(String id, StepType type, String title, String text, List<String> figures, View view,
                   Question question, List<Hint> hints, List<Check> checks, Place place) {
    public Step {
        figures = List.copyOf(figures);
        hints = List.copyOf(hints);
        checks = List.copyOf(checks);
    }

    /** Points of all checks, hidden ones included. */
    public int points() {
        return checks.stream().mapToInt(Check::points).sum();
    }
}
