package org.npustudio.profiler.chart;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.graphview.scene.Painter;

/** Colours and text fitting shared by the charts (text is measured with the painters' own metrics). */
final class ChartText {
    private ChartText() {}

    static final int BACKGROUND = 0xFFFFFFFF;
    static final int TEXT = 0xFF333333;
    static final int AXIS_TEXT = 0xFF4D4D4D;
    static final int GRID = 0xFFE0E0E0;
    static final double SIZE = 11;
    static final double SMALL = 10;
    static final double TITLE = 13;

    /** {@code s}, shortened with an ellipsis until it fits {@code width}. */
    static String fit(String s, double size, double width) {
        if (Painter.textWidth(s, size, false) <= width) return s;
        int n = s.length();
        while (n > 1 && Painter.textWidth(s.substring(0, n - 1) + "…", size, false) > width) n--;
        return s.substring(0, n - 1) + "…";
    }

    /** {@code s} broken at spaces into lines no wider than {@code width} (a single long word stays whole). */
    static List<String> wrap(String s, double size, boolean bold, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && Painter.textWidth(candidate, size, bold) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** A straight line (a two-point polyline). */
    static void line(Painter p, double x1, double y1, double x2, double y2, int argb, double width) {
        p.polyline(new double[] {x1, y1, x2, y2}, 0, argb, width);
    }
}
