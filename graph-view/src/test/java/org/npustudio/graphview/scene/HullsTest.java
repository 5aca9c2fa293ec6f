package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HullsTest {
    private final GraphScene scene = SyntheticScenes.chains(40, 10, 1);

    @Test
    void aConnectedSetGetsOneHullAroundEveryMemberAndDistantPiecesGetTheirOwn() {
        Overlay o = Overlay.builder().outline("p0", List.of("n1", "n2", "n3", "n25", "n26"), 0xFF1E88E5, 2).build();
        List<Hulls.Hull> hulls = o.resolve(scene).hulls();
        assertEquals(2, hulls.size(), "n1..n3 and n25..n26 are not connected");
        Hulls.Hull big = hulls.get(0);
        assertTrue(big.first() && !hulls.get(1).first(), "the label goes on the larger piece");
        for (String k : List.of("n1", "n2", "n3")) {
            int i = scene.indexOf(k);
            assertTrue(SceneHitTest.contains(big.polygon(), scene.centerX(i), scene.centerY(i)), k);
            assertTrue(big.minX() <= scene.x(i) - Hulls.PAD + 1e-9 && big.maxY() >= scene.y(i) + scene.height(i));
        }
        int outside = scene.indexOf("n5");
        assertFalse(SceneHitTest.contains(big.polygon(), scene.centerX(outside), scene.centerY(outside)));
        double[] p = big.polygon();
        assertEquals(p[0], p[p.length - 2], 1e-12, "closed");
        assertEquals(p[1], p[p.length - 1], 1e-12);
    }

    @Test
    void outlinesAreDrawnByEveryExporter() {
        Overlay o = Overlay.builder().outline("npu part", List.of("n0", "n1"), 0xFFD81B60, 2).build();
        String svg = SvgExporter.export(scene, o, ExportOptions.wholeGraph(false));
        assertTrue(svg.contains("npu part"), "label drawn");
        assertTrue(svg.toLowerCase().contains("#d81b60"), "outline colour drawn");
        assertTrue(Overlay.builder().build().resolve(scene).hulls().isEmpty());
    }
}
