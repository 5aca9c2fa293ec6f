package org.npustudio.app.lesson;

/**
 * One check of a step. {@code type} is the check type's name as written ({@code no_op}, {@code plan_legal}…);
 * {@code rule} evaluates it. A hidden check shows its points and pass/fail, but not its message or detail,
 * to the student ({@link CheckResult#studentMessage()}).
 *
 * @param index   position within the step, from 0
 * @param message what the student reads when it fails (the teacher's words); never null
 */
public record Check(int index, String type, CheckRule rule, int points, boolean hidden, String message, Place place) {
    /** What is checked, in words (generated from the parameters, e.g. "no BatchNormalization node"). */
    public String describe() { return rule.describe(); }
}
