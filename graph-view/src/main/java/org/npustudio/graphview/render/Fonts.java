package org.npustudio.graphview.render;

import java.util.List;
import javafx.scene.text.Font;
import org.npustudio.graphview.scene.Painter;
import org.npustudio.graphview.scene.SceneStyle;

/** The font family node labels are drawn with: the first installed Helvetica-metric family, else a fallback. */
final class Fonts {
    private static String family;
    private static boolean helveticaMetrics;

    private Fonts() {}

    static synchronized String family() {
        if (family == null) {
            List<String> installed = Font.getFamilies();
            family = "System";
            for (String want : SceneStyle.FONT_FAMILIES) {
                if (installed.contains(want)) {
                    family = want;
                    break;
                }
            }
            helveticaMetrics = Painter.helveticaMetrics(family);
        }
        return family;
    }

    /** Whether {@link #family()} has the metrics the layout measured with (otherwise text is squeezed to fit). */
    static synchronized boolean helveticaMetrics() {
        family();
        return helveticaMetrics;
    }
}
