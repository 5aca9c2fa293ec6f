package org.npustudio.app.lesson;

import java.time.Instant;
import java.util.List;

/** A recorded answer to a choice or numeric step: the option ids or the number as typed, and when. */
public record Answer(List<String> values, Instant at) {
    public Answer {
        values = List.copyOf(values);
    }
}
