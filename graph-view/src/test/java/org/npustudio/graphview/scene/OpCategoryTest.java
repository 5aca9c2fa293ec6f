package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpCategoryTest {
    @Test
    void commonOperatorsFallIntoTheirFamilies() {
        assertEquals(OpCategory.CONV, OpCategory.of("Conv"));
        assertEquals(OpCategory.CONV, OpCategory.of("QLinearConv"));
        assertEquals(OpCategory.LINEAR, OpCategory.of("Gemm"));
        assertEquals(OpCategory.ACTIVATION, OpCategory.of("Relu"));
        assertEquals(OpCategory.NORMALISATION, OpCategory.of("LayerNormalization"));
        assertEquals(OpCategory.POOLING, OpCategory.of("GlobalAveragePool"));
        assertEquals(OpCategory.SHAPE, OpCategory.of("Reshape"));
        assertEquals(OpCategory.QUANTISATION, OpCategory.of("DequantizeLinear"));
        assertEquals(OpCategory.CONTROL_FLOW, OpCategory.of("Loop"));
        assertEquals(OpCategory.ELEMENTWISE, OpCategory.of("Add"));
        assertEquals(OpCategory.OTHER, OpCategory.of("MyCustomOp"));
    }

    @Test
    void categoriesHaveDistinctColoursAndReadableTitles() {
        Set<Integer> fills = new HashSet<>();
        for (OpCategory c : OpCategory.values()) {
            assertTrue(fills.add(c.fill()), c + " shares its colour");
            double bg = Colors.luminance(c.fill()), fg = Colors.luminance(c.text());
            double contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
            assertTrue(contrast >= 4.5, c + " title contrast " + contrast + " is below WCAG AA");
        }
    }
}
