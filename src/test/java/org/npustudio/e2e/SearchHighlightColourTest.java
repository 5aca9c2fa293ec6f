package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.graphview.diff.DiffPalette;
import org.npustudio.graphview.scene.Colors;
import org.npustudio.graphview.scene.OpCategory;
import org.npustudio.graphview.scene.OpTypeColours;
import org.npustudio.graphview.scene.SceneTheme;
import org.npustudio.partition.editor.overlay.PartitionColors;
import org.npustudio.profiler.data.ColorScale;

/**
 * The search highlight must not be mistaken for anything an overlay paints: every colour of the profiler's
 * scales (the sequential ramp at 101 points, the categorical palette, the A/B ramps), the partition palette
 * and its outlines, the diff colours, the op-category and op-type fills, and the selection and hover outlines
 * of the same theme. "Not on any scale" is measured as CIELAB distance (ΔE76): 2.3 is a just-noticeable
 * difference; under 40 two outline colours are easily confused at a glance (the old amber #ffd54f was 7.5 from
 * the partition yellow and about as close to the top of the viridis ramp).
 */
class SearchHighlightColourTest {
    private static final double MIN_DELTA_E = 40;

    private static Map<String, Integer> paintedColours(SceneTheme theme) {
        Map<String, Integer> c = new LinkedHashMap<>();
        ColorScale ramp = new ColorScale(0, 100, false);
        for (int v = 0; v <= 100; v++) c.put("sequential scale at " + v + " %", ramp.argb(v));
        for (String h : ColorScale.CATEGORICAL_HEX) c.put("categorical " + h, ColorScale.argbOf(h));
        int base = ColorScale.argbOf("#f2f2f2");
        for (String end : new String[] {ColorScale.FASTER_HEX, ColorScale.SLOWER_HEX, ColorScale.NEUTRAL_HEX}) {
            for (int t = 0; t <= 20; t++) c.put("A/B ramp to " + end + " at " + t * 5 + " %", Colors.mix(base, ColorScale.argbOf(end), t / 20.0));
        }
        for (int k = 0; k < 24; k++) {
            c.put("partition " + k, PartitionColors.of(k));
            c.put("partition outline " + k, PartitionColors.outline(k));
        }
        c.put("partition rest", PartitionColors.REST);
        c.put("partition rest outline", PartitionColors.REST_OUTLINE);
        c.put("partition error", PartitionColors.ERROR);
        c.put("diff same", DiffPalette.SAME);
        c.put("diff changed", DiffPalette.CHANGED);
        c.put("diff new", DiffPalette.NEW);
        c.put("diff deleted", DiffPalette.DELETED);
        for (OpCategory cat : OpCategory.values()) c.put("op category " + cat, cat.fill());
        // Op types no family knows take a hashed palette colour: try enough names to meet every entry.
        for (int k = 0; k < 200; k++) c.put("op type Custom" + k, OpTypeColours.of("Custom" + k));
        c.put("selection", theme.selection());
        c.put("hover", theme.hover());
        return c;
    }

    @Test
    void theSearchHighlightIsOnNoOverlayScaleInEitherTheme() {
        for (SceneTheme theme : new SceneTheme[] {SceneTheme.STANDARD, SceneTheme.highContrast(1)}) {
            int hit = theme.searchHit();
            String nearest = null;
            double best = Double.MAX_VALUE;
            for (Map.Entry<String, Integer> e : paintedColours(theme).entrySet()) {
                double d = deltaE(hit, e.getValue());
                if (d < best) {
                    best = d;
                    nearest = e.getKey() + " " + Colors.hex(e.getValue());
                }
            }
            assertTrue(best >= MIN_DELTA_E, "search highlight " + Colors.hex(hit) + " is only ΔE " + Math.round(best) + " from " + nearest);
        }
    }

    /** CIE76 colour difference of two sRGB colours (D65). */
    static double deltaE(int a, int b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(int argb) {
        double r = lin(Colors.red(argb)), g = lin(Colors.green(argb)), b = lin(Colors.blue(argb));
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) { return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116; }
}
