package org.npustudio.partition.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;

class NodeQueryTest {
    private static Graph graph() {
        Graph g = new Graph("q");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8)));
        String prev = "x";
        String[][] nodes = {
            {"/layer1/layer1.0/conv1/Conv", "Conv"}, {"/layer1/layer1.0/relu/Relu", "Relu"},
            {"/layer1/layer1.1/conv1/Conv", "Conv"}, {"/layer10/conv/Conv", "Conv"}, {"head/MatMul", "MatMul"},
        };
        for (String[] n : nodes) {
            g.addNode(new Node(n[0], n[0], n[1], "", List.of(prev), List.of(n[0] + ":0")));
            prev = n[0] + ":0";
        }
        return g;
    }

    @Test
    void criteriaCombineAndEachIsForgiving() {
        Graph g = graph();
        assertEquals(3, new NodeQuery("conv", "", "").select(g).size(), "op types in any case");
        assertEquals(4, new NodeQuery("Conv, relu", "", "").select(g).size());
        assertEquals(List.of("/layer1/layer1.0/conv1/Conv", "/layer1/layer1.0/relu/Relu", "/layer1/layer1.1/conv1/Conv"),
                new NodeQuery("", "", "/layer1/").select(g), "a scope and what is nested below it, not layer10");
        assertEquals(List.of("/layer1/layer1.1/conv1/Conv"), new NodeQuery("Conv", "layer1\\.1", "layer1").select(g));
        assertEquals(List.of("head/MatMul"), new NodeQuery("", "", "head").select(g));
        assertEquals(5, new NodeQuery(" ", null, "").select(g).size());
        assertTrue(new NodeQuery("", "", "").isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> new NodeQuery("", "conv(", "").select(g));
        assertTrue(e.getMessage().startsWith("name pattern: "), e.getMessage());
    }
}
