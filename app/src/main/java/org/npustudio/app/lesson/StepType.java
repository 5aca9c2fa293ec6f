package org.npustudio.app.lesson;

/** What a step asks of the student. */
public enum StepType {
    /** Text and figures only; no checks. */
    THEORY,
    /** Pick one or several options. */
    CHOICE,
    /** A number, accepted within a tolerance. */
    NUMERIC,
    /** Commit a number first, then the view reveals the computed answer; the gap is recorded and scored. */
    PREDICT,
    /** Do something to the work (run passes, edit a plan); checks look at the workspace files. */
    ACTION;

    public String yamlName() { return name().toLowerCase(); }

    /** "a choice step", "an action step": for messages. */
    public String withArticle() { return (this == ACTION ? "an " : "a ") + yamlName() + " step"; }

    /** Parses the lower-case name; null when unknown. */
    public static StepType parse(String s) {
        for (StepType t : values()) if (t.yamlName().equals(s)) return t;
        return null;
    }

    /** Whether the step takes an answer ({@code lesson answer}). */
    public boolean answered() { return this == CHOICE || this == NUMERIC || this == PREDICT; }
}
