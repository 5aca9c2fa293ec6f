package org.npustudio.app.lesson;

import java.util.List;
import java.util.Set;

/** What a choice, numeric or predict step asks; theory and action steps have none. */
public sealed interface Question {
    /** One option of a choice step; {@code id} is what the student answers (a, b, c… or a word). */
    record Option(String id, String text, boolean correct) {}

    /** Single choice when {@code multiple} is false (exactly one option is correct). */
    record Choice(boolean multiple, List<Option> options) implements Question {
        public Choice {
            options = List.copyOf(options);
        }

        public Set<String> correctIds() {
            return Set.copyOf(options.stream().filter(Option::correct).map(Option::id).toList());
        }
    }

    /** A number the teacher states; accepted within the tolerance. */
    record Numeric(double answer, Tolerance tolerance, String unit) implements Question {}

    /**
     * A number the product computes from the work state when the student commits a prediction
     * (never written in the lesson); the prediction scores when within the tolerance of it.
     */
    record Predict(Measure measure, Tolerance tolerance, String unit) implements Question {}
}
