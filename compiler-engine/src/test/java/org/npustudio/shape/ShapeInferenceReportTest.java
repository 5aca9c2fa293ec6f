package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;

/** How inference records results: unknown ops, declared types, value_info and graph outputs. */
class ShapeInferenceReportTest {
    @Test
    void unknownOperatorIsListedAndDownstreamStaysPartial() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 2, 3);
        Node custom = t.node("com.vendor", "FancyOp", "x", "y");
        Node relu = t.node("Relu", "y", "z");
        t.output("z");
        t.infer();
        assertEquals(ShapeInferenceReport.Status.UNSUPPORTED, t.status(custom));
        assertTrue(t.report.result(custom.id()).reason().contains("com.vendor:FancyOp"));
        assertEquals(ShapeInferenceReport.Status.PARTIAL, t.status(relu));
        assertEquals("unknown", t.type("z"));
    }

    @Test
    void declaredTypeOfAnUnknownOpFeedsDownstream() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 2, 3);
        t.node("com.vendor", "FancyOp", "x", "y");
        t.node("Relu", "y", "z");
        t.graph.putValueInfo(ValueInfo.tensor("y", DataType.FLOAT, TestGraph.shape(2, 5)));
        t.infer();
        assertEquals("FLOAT[2,5]", t.type("z"));
    }

    @Test
    void lessSpecificDeclarationsAreRefinedAndConflictsKeepTheDeclaredType() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, "batch", 3);
        t.node("Relu", "x", "a");
        t.node("Relu", "a", "b");
        t.graph.addOutput(ValueInfo.tensor("b", DataType.FLOAT, TestGraph.shape("?", "?")));
        t.graph.putValueInfo(ValueInfo.tensor("a", DataType.FLOAT, TestGraph.shape("?", 3)));
        t.infer();
        assertEquals("FLOAT[batch,3]", ShapeInferenceCorpusTest.describe(t.graph.outputs().get(0).type()));
        assertEquals("FLOAT[batch,3]", t.type("a"));
        assertTrue(t.report.conflicts().isEmpty(), t.report.conflicts().toString());

        // A declared size is more specific than the inferred symbol, so it is kept without a conflict.
        TestGraph k = new TestGraph(17).input("x", DataType.FLOAT, "batch", 3);
        k.node("Relu", "x", "a");
        k.graph.putValueInfo(ValueInfo.tensor("a", DataType.FLOAT, TestGraph.shape(7, 3)));
        k.infer();
        assertEquals("FLOAT[7,3]", k.type("a"));
        assertTrue(k.report.conflicts().isEmpty(), k.report.conflicts().toString());

        TestGraph u = new TestGraph(17).input("x", DataType.FLOAT, 2, 3);
        u.node("Relu", "x", "a");
        u.graph.putValueInfo(ValueInfo.tensor("a", DataType.INT32, TestGraph.shape(2, 4)));
        u.infer();
        assertEquals("INT32[2,4]", u.type("a"));
        assertEquals(1, u.report.conflicts().size());
        assertTrue(u.report.conflicts().get(0).describe().contains("value 'a'"));
    }

    @Test
    void intermediateTypesAreWrittenToValueInfo() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT, 2, 3);
        t.node("Relu", "x", "a");
        t.node("Sigmoid", "a", "b");
        t.output("b");
        t.infer();
        assertNotNull(t.graph.valueInfo("a"));
        assertEquals("FLOAT[2,3]", ShapeInferenceCorpusTest.describe(t.graph.valueInfo("a").type()));
        assertEquals("FLOAT[2,3]", ShapeInferenceCorpusTest.describe(t.graph.outputs().get(0).type()));
        assertTrue(t.report.summary().contains("2 inferred"), t.report.summary());
    }
}
