package org.npustudio.app.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The student's progress, kept in {@code lesson-workspace.yaml}: the lesson it belongs to (id and version),
 * the current step, answers, predictions, how many hints of each step were shown and how many check runs of
 * each step failed. Immutable; the with-methods return a changed copy, {@link WorkspaceFile} reads and writes it.
 */
public record WorkspaceState(String lessonId, int lessonVersion, String currentStep, Map<String, Answer> answers,
                             Map<String, Prediction> predictions, Map<String, Integer> hintsShown,
                             Map<String, Integer> failedChecks) {
    public WorkspaceState {
        answers = Map.copyOf(answers);
        predictions = Map.copyOf(predictions);
        hintsShown = Map.copyOf(hintsShown);
        failedChecks = Map.copyOf(failedChecks);
    }

    public static WorkspaceState fresh(Lesson lesson) {
        String first = lesson.steps().isEmpty() ? null : lesson.steps().get(0).id();
        return new WorkspaceState(lesson.id(), lesson.version(), first, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public WorkspaceState withCurrentStep(String stepId) {
        return new WorkspaceState(lessonId, lessonVersion, stepId, answers, predictions, hintsShown, failedChecks);
    }

    public WorkspaceState withAnswer(String stepId, Answer a) {
        return new WorkspaceState(lessonId, lessonVersion, currentStep, put(answers, stepId, a), predictions, hintsShown, failedChecks);
    }

    public WorkspaceState withPrediction(String stepId, Prediction p) {
        return new WorkspaceState(lessonId, lessonVersion, currentStep, answers, put(predictions, stepId, p), hintsShown, failedChecks);
    }

    public WorkspaceState withHintsShown(String stepId, int n) {
        return new WorkspaceState(lessonId, lessonVersion, currentStep, answers, predictions, put(hintsShown, stepId, n), failedChecks);
    }

    public WorkspaceState withFailedCheck(String stepId) {
        return new WorkspaceState(lessonId, lessonVersion, currentStep, answers, predictions, hintsShown,
                put(failedChecks, stepId, failedChecks.getOrDefault(stepId, 0) + 1));
    }

    public int hintsShown(String stepId) { return hintsShown.getOrDefault(stepId, 0); }

    public int failedChecks(String stepId) { return failedChecks.getOrDefault(stepId, 0); }

    private static <V> Map<String, V> put(Map<String, V> m, String k, V v) {
        Map<String, V> copy = new LinkedHashMap<>(m);
        copy.put(k, v);
        return copy;
    }
}
