package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;

/** A custom-domain operator goes through every pass untouched, and nothing around it is corrupted. */
class UnknownOperatorsTest {
    @Test
    void everyPassLeavesACustomOpAndItsDeclaredTypesAlone() {
        G g = new G(17).input("x", 1, 3, 8, 8).output("y");
        g.model.opsetImports().add(new OpsetId("com.vendor", 1));
        g.weight("w", -0.5, 0.5, 4, 3, 3, 3).weight("w2", -0.5, 0.5, 4, 4, 1, 1).scalar("k", 2f);
        g.node("conv", "Conv", "x,w", "c", Attribute.of("pads", 1L, 1L, 1L, 1L));
        Node custom = g.node("vendor", "com.vendor", "Conv", "c,k", "v", Attribute.of("mode", "fast"));
        g.node("relu", "Relu", "v", "r");
        g.node("conv2", "Conv", "r,w2", "y");
        g.graph.putValueInfo(ValueInfo.tensor("v", DataType.FLOAT, Shape.of(1, 4, 8, 8)));
        Model m = g.build();
        List<String> all = PassRegistry.all().stream().map(PassInfo::name).filter(n -> !n.equals("quantize")).toList();
        PassCheck.run(m, all.toArray(String[]::new));
        Node after = m.graph().nodeById("vendor");
        assertEquals(List.of("c", "k"), after.inputs());
        assertEquals(List.of("v"), after.outputs());
        assertEquals("com.vendor", after.domain());
        assertEquals("fast", after.attrString("mode", ""));
        assertEquals(Shape.of(1, 4, 8, 8), m.graph().valueInfo("v").tensorType().shape(), "declared type of the custom output kept");
        assertTrue(m.graph().initializers().containsKey("k"));
        assertEquals(List.of(), Verifier.check(m));
        assertTrue(custom != after || custom.graph() == m.graph());
    }
}
