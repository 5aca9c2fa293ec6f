package org.npustudio.graphview.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void zoomKeepsThePointUnderTheCursorInPlace() {
        Viewport v = new Viewport();
        v.set(0.5, 30, -20);
        double wx = v.toWorldX(200), wy = v.toWorldY(150);
        v.zoomAbout(3, 200, 150);
        assertEquals(1.5, v.scale(), 1e-12);
        assertEquals(200, v.toScreenX(wx), 1e-9);
        assertEquals(150, v.toScreenY(wy), 1e-9);
    }

    @Test
    void fitCentresTheRectangleAndRespectsTheLimits() {
        Viewport v = new Viewport();
        v.fit(0, 0, 1000, 500, 520, 520, 10, 1);
        assertEquals(0.5, v.scale(), 1e-12);
        assertEquals(260, v.toScreenX(500), 1e-9);
        assertEquals(260, v.toScreenY(250), 1e-9);
        v.fit(0, 0, 10, 10, 500, 500, 0, 1);
        assertEquals(1, v.scale(), 1e-12, "never beyond maxScale");
        v.zoomAbout(1e9, 0, 0);
        assertEquals(Viewport.MAX_SCALE, v.scale());
        double[] world = v.visibleWorld(600, 300);
        assertEquals(600 / Viewport.MAX_SCALE, world[2] - world[0], 1e-9);
    }
}
