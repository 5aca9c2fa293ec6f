package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.ValueInfo;

/** Checks every sample shares: header, static input/output declarations, PyTorch-style naming. */
final class ModelAssertions {
    private ModelAssertions() {}

    static void assertExportConventions(Model m, long[] inputShape, long[] outputShape) {
        assertEquals(8, m.irVersion());
        assertEquals(java.util.List.of(new OpsetId("", 17)), m.opsetImports());
        assertEquals("npustudio-samples", m.producerName());
        assertFalse(m.producerVersion().isEmpty());
        assertDeclared(m.graph().inputs(), "input", inputShape);
        assertDeclared(m.graph().outputs(), "output", outputShape);
        Set<String> names = new HashSet<>();
        for (Node n : m.graph().nodes()) {
            assertFalse(n.hasGeneratedId(), () -> n + " has no unique name of its own");
            assertTrue(names.add(n.name()), () -> "duplicate node name " + n.name());
            assertTrue(n.name().startsWith("/") && n.name().endsWith("/" + n.opType())
                    || n.name().matches(".*/" + n.opType() + "_\\d+"), () -> "not an exporter-style name: " + n.name());
            String out = n.output(0);
            assertTrue(out.equals("output") || out.equals(n.name() + "_output_0"), () -> n.name() + " writes " + out);
        }
    }

    private static void assertDeclared(java.util.List<ValueInfo> values, String name, long[] shape) {
        assertEquals(1, values.size());
        ValueInfo v = values.get(0);
        assertEquals(name, v.name());
        assertNotNull(v.tensorType());
        assertEquals(DataType.FLOAT, v.tensorType().elemType());
        assertTrue(v.tensorType().shape().isStatic());
        assertArrayEquals(shape, v.tensorType().shape().sizes());
    }

    static Node node(Model m, String name) {
        Node n = m.graph().nodeById(name);
        assertNotNull(n, () -> "no node " + name);
        return n;
    }
}
