package org.npustudio.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Jackson layout of {@link JsonWriter}: two-space indent, {@code "key": value}, an empty object or list as
 * {@code {}} / {@code []}, and a list on one line ({@code [1, 2, 3]}) unless its first element is an object
 * or a list, in which case every element goes on its own line. Our documents' lists are all of one kind,
 * so deciding by the first element is what the hand-written writer did by looking at all of them.
 */
final class CompactPrettyPrinter implements PrettyPrinter, Instantiatable<CompactPrettyPrinter> {
    /** Per open list: whether it is written one element a line; null until its first element decides. */
    private final Deque<Boolean> lists = new ArrayDeque<>();
    private int depth;
    private boolean firstPending;

    @Override
    public CompactPrettyPrinter createInstance() {
        return new CompactPrettyPrinter();
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        openInList(g);
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g, depth);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) newline(g, depth);
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        openInList(g);
        g.writeRaw('[');
        depth++;
        lists.push(Boolean.FALSE);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        firstPending = true; // the first element decides: a container opens (openInList) or a plain value follows
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        firstPending = false;
        if (lists.peek()) {
            g.writeRaw(',');
            newline(g, depth);
        } else {
            g.writeRaw(", ");
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        firstPending = false;
        depth--;
        if (lists.pop()) newline(g, depth);
        g.writeRaw(']');
    }

    /** A container that is a list's first element puts that list one element a line. */
    private void openInList(JsonGenerator g) throws IOException {
        if (!firstPending) return;
        firstPending = false;
        lists.pop();
        lists.push(Boolean.TRUE);
        newline(g, depth);
    }

    private static void newline(JsonGenerator g, int indent) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < indent; i++) g.writeRaw("  ");
    }
}
