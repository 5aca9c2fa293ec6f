package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;

class ConvPoolShapesTest {
    @Test
    void convKeepsSymbolicBatchAndAppliesPadsStridesDilations() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, "batch", 3, 224, 224)
                .input("w", DataType.FLOAT, 16, 3, 3, 3);
        t.node("Conv", "x,w", "y", Attribute.of("pads", 1L, 1L, 1L, 1L), Attribute.of("strides", 2L, 2L));
        t.node("Conv", "x,w", "z", Attribute.of("dilations", 2L, 2L));
        t.infer();
        assertEquals("FLOAT[batch,16,112,112]", t.type("y"));
        assertEquals("FLOAT[batch,16,220,220]", t.type("z"));
    }

    @Test
    void symbolicSpatialSizesStayUnknownAxisByAxis() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, "n", 3, "h", 224).input("w", DataType.FLOAT, 16, 3, 3, 3)
                .input("xt", DataType.FLOAT, 1, 16, "h", "w").input("wt", DataType.FLOAT, 16, 4, 2, 2);
        t.node("Conv", "x,w", "y", Attribute.of("auto_pad", "SAME_UPPER"), Attribute.of("strides", 2L, 2L));
        t.node("MaxPool", "x", "p", Attribute.of("kernel_shape", 2L, 2L), Attribute.of("strides", 2L, 2L));
        t.node("ConvTranspose", "xt,wt", "fixed", Attribute.of("output_shape", 20L, 30L));
        t.node("ConvTranspose", "xt,wt", "free", Attribute.of("strides", 2L, 2L));
        t.infer();
        assertEquals("FLOAT[n,16,?,112]", t.type("y"));
        assertEquals("FLOAT[n,3,?,112]", t.type("p"));
        assertEquals("FLOAT[1,4,20,30]", t.type("fixed"));
        assertEquals("FLOAT[1,4,?,?]", t.type("free"));
    }

    @Test
    void autoPadVariants() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 1, 8, 7, 7).input("w", DataType.FLOAT, 4, 8, 3, 3);
        t.node("Conv", "x,w", "upper", Attribute.of("auto_pad", "SAME_UPPER"), Attribute.of("strides", 2L, 2L));
        t.node("Conv", "x,w", "lower", Attribute.of("auto_pad", "SAME_LOWER"));
        t.node("Conv", "x,w", "valid", Attribute.of("auto_pad", "VALID"), Attribute.of("strides", 2L, 2L));
        t.infer();
        assertEquals("FLOAT[1,4,4,4]", t.type("upper"));
        assertEquals("FLOAT[1,4,7,7]", t.type("lower"));
        assertEquals("FLOAT[1,4,3,3]", t.type("valid"));
    }

    @Test
    void groupedConvChecksChannels() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 1, 8, 5, 5).input("w", DataType.FLOAT, 8, 3, 3, 3);
        Node bad = t.node("Conv", "x,w", "y", Attribute.of("group", 2L));
        t.infer();
        assertEquals(ShapeInferenceReport.Status.FAILED, t.status(bad));
        assertTrue(t.report.result(bad.id()).describe().contains("Conv 'Conv_0'"), t.report.result(bad.id()).describe());
    }

    @Test
    void maxPoolCeilModeAndIndices() {
        TestGraph t = new TestGraph(12).input("x", DataType.FLOAT, 1, 1, 4, 4);
        t.node("MaxPool", "x", "floor", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L));
        t.node("MaxPool", "x", "ceil,idx", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("ceil_mode", 1L));
        t.infer();
        assertEquals("FLOAT[1,1,1,1]", t.type("floor"));
        assertEquals("FLOAT[1,1,2,2]", t.type("ceil"));
        assertEquals("INT64[1,1,2,2]", t.type("idx"));
    }

    @Test
    void globalAveragePoolKeepsBatchAndChannels() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, "n", 512, 7, 7);
        t.node("GlobalAveragePool", "x", "y");
        t.infer();
        assertEquals("FLOAT[n,512,1,1]", t.type("y"));
    }

    @Test
    void convTransposeOutputPaddingShapeAndGroup() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 1, 4, 3, 3).input("w", DataType.FLOAT, 4, 2, 3, 3);
        t.node("ConvTranspose", "x,w", "a", Attribute.of("strides", 3L, 2L), Attribute.of("output_padding", 1L, 1L));
        t.node("ConvTranspose", "x,w", "b", Attribute.of("output_shape", 10L, 8L), Attribute.of("strides", 3L, 2L));
        t.node("ConvTranspose", "x,w", "c", Attribute.of("group", 2L), Attribute.of("pads", 1L, 1L, 1L, 1L));
        t.infer();
        assertEquals("FLOAT[1,2,10,8]", t.type("a"));
        assertEquals("FLOAT[1,2,10,8]", t.type("b"));
        assertEquals("FLOAT[1,4,3,3]", t.type("c"));
    }
}
