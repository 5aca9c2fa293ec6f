package org.npustudio.app.lesson;

/** One evaluated check: points earned (all or nothing) and what was found. */
public record CheckResult(Check check, boolean passed, int earned, String detail) {
    public int possible() { return check.points(); }

    /**
     * What a student is shown: for a visible check its description, and on failure the teacher's message
     * and the detail; for a hidden one only "hidden check" (its points and pass/fail are shown elsewhere).
     */
    public String studentMessage() {
        if (check.hidden()) return "hidden check";
        if (passed) return check.describe();
        return check.message() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
