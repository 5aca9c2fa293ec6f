package org.npustudio.error;

/**
 * A problem with user input that the product reports instead of crashing. Every instance names the
 * file (or other source), the place inside it and the problem, and renders as one line.
 */
public class StudioException extends Exception {
    private final String source;
    private final String place;
    private final String problem;

    public StudioException(String source, String place, String problem, Throwable cause) {
        super(format(source, place, problem), cause);
        this.source = source;
        this.place = place;
        this.problem = problem;
    }

    public StudioException(String source, String place, String problem) {
        this(source, place, problem, null);
    }

    private static String format(String source, String place, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) b.append(source).append(": ");
        if (place != null && !place.isEmpty()) b.append(place).append(": ");
        return b.append(problem).toString();
    }

    public String source() { return source; }

    public String place() { return place; }

    public String problem() { return problem; }

    /** The single line shown to a user (no stack trace). */
    public String oneLine() {
        return getMessage().replace('\n', ' ');
    }

    /**
     * The one line to show a user for any failure of a background action: a StudioException's own line,
     * advice for out-of-memory, otherwise "internal error: Type: message". Never a stack trace.
     */
    public static String describe(Throwable failure) {
        if (failure instanceof StudioException s) return s.oneLine();
        if (failure instanceof OutOfMemoryError) return "out of memory; give Java more heap (-Xmx)";
        return "internal error: " + failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).replace('\n', ' ');
    }
}
