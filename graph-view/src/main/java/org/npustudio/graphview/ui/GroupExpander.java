package org.npustudio.graphview.ui;

/**
 * What the owner of a {@link GraphView} does when the user opens or closes name-scope groups: lay the graph
 * out again off the FX thread and set the new scene (the view keeps the toggled group where it was on screen).
 */
public interface GroupExpander {
    /** Open ({@code true}) or close the group with this scope path. */
    void setExpanded(String path, boolean expanded);

    /** Open every group around the node with this key, so it is drawn (a search hit inside a collapsed group). */
    void reveal(String key);

    /** Open or close every group. */
    void setAllExpanded(boolean expanded);
}
