package org.npustudio.app.ui.help;

import java.util.List;

/**
 * The graph view's mouse gestures and keys, as the code does them (GraphView's installMouse/handleKey,
 * GroupToggles, Minimap, MultiSelect in the partition editor). Kept beside the cheat sheet, not generated:
 * a gesture has no object to walk, so when a gesture changes in graph-view this list changes with it.
 */
public final class Gestures {
    /** One row: where it works, the input and what it does. */
    public record Gesture(String where, String input, String effect) {}

    private Gestures() {}

    public static final List<Gesture> ALL = List.of(
            new Gesture("Graph", "Mouse wheel", "Zoom about the pointer"),
            new Gesture("Graph", "Pinch (trackpad)", "Zoom about the pointer"),
            new Gesture("Graph", "Drag · two-finger scroll · Shift+wheel", "Pan"),
            new Gesture("Graph", "Click a node", "Select it (the inspector shows it); click empty space to clear"),
            new Gesture("Graph", "Double-click a node", "Select it and zoom to it"),
            new Gesture("Graph", "Group toggle · double-click a group", "Open or close the group"),
            new Gesture("Graph", "Click or drag on the minimap", "Centre the view there"),
            new Gesture("Graph", "Arrow keys", "Move the selection along the data flow or to a neighbour"),
            new Gesture("Graph", "Enter", "Zoom to the selection (on a closed group: open it)"),
            new Gesture("Graph", "Backspace", "Close the group around the selection"),
            new Gesture("Graph", "F", "Fit to window"),
            new Gesture("Graph", "+ / −", "Zoom in / out"),
            new Gesture("Graph", "Esc", "Clear the selection"),
            new Gesture("Find field", "Enter / Shift+Enter", "Next / previous match"),
            new Gesture("Find field", "Esc", "Leave the search"),
            new Gesture("Partition editor", "Shift+click", "Add a node to the selection"),
            new Gesture("Partition editor", "Ctrl/Cmd+click", "Toggle a node in the selection"),
            new Gesture("Partition editor", "Shift+drag", "Rubber band: add what it covers (Ctrl/Cmd+Shift+drag removes)"),
            new Gesture("Partition editor", "Drag with the Band or Lasso tool", "Select what the band or lasso covers"),
            new Gesture("Partition editor", "Double-click a name-scope box", "Select the operators inside it"),
            new Gesture("Partition editor", "Ctrl/Cmd+A", "Select every operator"),
            new Gesture("Window", "?", "This cheat sheet (outside text fields)"));
}
