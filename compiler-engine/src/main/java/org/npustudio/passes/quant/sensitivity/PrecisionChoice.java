package org.npustudio.passes.quant.sensitivity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.npustudio.plan.Precision;

/**
 * What the automatic precision choice found: the chosen assignment (every analysed layer, node id →
 * precision) with its measured accuracy and cost, every assignment it measured on the way (for the
 * accuracy-vs-cost chart), and one line saying the outcome.
 *
 * @param met     false when no measured assignment meets the budget; {@code chosen} is then the most accurate one
 * @param message one line: what was chosen and its figures, or that the budget is unreachable and the best figure
 */
public record PrecisionChoice(Budget budget, String quantity, Map<String, Precision> chosen, Accuracy accuracy, double cost,
                              boolean met, List<Point> points, String message) {
    /** A measured assignment: how it came about, its accuracy and cost, and whether it is the chosen one. */
    public record Point(String label, Kind kind, Map<String, Precision> assignment, Accuracy accuracy, double cost, boolean chosen) {
        public Point {
            assignment = Map.copyOf(assignment);
        }
    }

    /** Uniform: every layer at one precision; step: an intermediate assignment of the greedy path. */
    public enum Kind { UNIFORM, STEP }

    public PrecisionChoice {
        chosen = Map.copyOf(chosen);
        points = List.copyOf(points);
    }

    public Point chosenPoint() {
        for (Point p : points) if (p.chosen()) return p;
        return null;
    }

    /** "12 int4w8a, 30 int8, 12 fp16" in precision order. */
    public static String counts(Map<String, Precision> a) {
        Map<Precision, Long> n = new EnumMap<>(Precision.class);
        for (Precision p : a.values()) n.merge(p, 1L, Long::sum);
        return n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().key()).collect(Collectors.joining(", "));
    }
}
