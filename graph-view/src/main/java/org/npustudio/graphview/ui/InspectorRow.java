package org.npustudio.graphview.ui;

/** One line of the inspector: a section header or a property with its value. */
public record InspectorRow(String name, String value, boolean header) {
    static InspectorRow section(String title) { return new InspectorRow(title, "", true); }

    static InspectorRow of(String name, String value) { return new InspectorRow(name, value, false); }
}
