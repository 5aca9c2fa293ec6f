package org.npustudio.app.lesson;

import java.time.Instant;

/**
 * A committed prediction: the student's value and when it was committed, then the answer the product
 * computed at that moment ({@code revealed}, null until revealed) and the gap (revealed − value).
 */
public record Prediction(double value, Instant committed, Double revealed) {
    public Double gap() { return revealed == null ? null : revealed - value; }

    public Prediction reveal(double answer) { return new Prediction(value, committed, answer); }
}
