package org.npustudio.app.lesson;

/**
 * What the IDE shows for a step: the tab to open, a node to select (by ONNX name, checked to exist) and
 * whether to zoom to it. Hints only: the engine never needs them.
 *
 * @param tab    {@code graph}, {@code passes}, {@code partition} or {@code profiler}; null keeps the current tab
 * @param select node name, or null
 */
public record View(String tab, String select, boolean zoom) {
    public static final java.util.List<String> TABS = java.util.List.of("graph", "passes", "partition", "profiler");
    public static final View NONE = new View(null, null, false);
}
