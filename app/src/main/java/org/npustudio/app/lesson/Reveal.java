package org.npustudio.app.lesson;

/** What a committed prediction revealed: the student's number, the computed answer, the gap and whether it scores. */
public record Reveal(String stepId, double predicted, double answer, boolean within, String unit, String measured) {
    public double gap() { return answer - predicted; }
}
