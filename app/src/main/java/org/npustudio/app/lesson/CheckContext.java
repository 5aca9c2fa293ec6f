package org.npustudio.app.lesson;

/**
 * What a check sees: the lesson, the step it belongs to, the work state (workspace files, lazily opened and
 * cached, plus the lesson's start state) and the recorded answers and predictions.
 */
public record CheckContext(Lesson lesson, Step step, WorkState work, WorkspaceState answers) {}
