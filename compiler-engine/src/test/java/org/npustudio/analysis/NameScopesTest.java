package org.npustudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Node;

class NameScopesTest {
    private static List<Node> nodes(String... names) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new Node("id" + i, names[i], "Relu", "", List.of(), List.of("o" + i)));
        }
        return out;
    }

    @Test
    void segmentsOfCommonExporterNames() {
        assertEquals(List.of("layer1", "layer1.0", "conv1"), NameScopes.scopeSegments("/layer1/layer1.0/conv1/Conv"));
        assertEquals(List.of("model", "dense"), NameScopes.scopeSegments("model/dense/MatMul"));
        assertEquals(List.of(), NameScopes.scopeSegments("Conv_0"));
        assertEquals(List.of(), NameScopes.scopeSegments("/Conv"));
        assertEquals(List.of(), NameScopes.scopeSegments(""));
        assertEquals(List.of("a", "b"), NameScopes.scopeSegments("a//b/"));
    }

    @Test
    void pytorchStyleTree() {
        NameScopes s = NameScopes.of(nodes(
                "/conv1/Conv",
                "/layer1/layer1.0/conv1/Conv",
                "/layer1/layer1.0/relu/Relu",
                "/layer1/layer1.1/conv1/Conv",
                "/layer2/layer2.0/conv1/Conv",
                "Flatten_0",
                "/fc/Gemm"));
        Scope root = s.root();
        assertEquals(7, root.totalNodeCount());
        assertEquals(List.of("id5"), root.memberNodeIds());
        assertEquals(List.of("conv1", "layer1", "layer2", "fc"), root.children().stream().map(Scope::name).toList());
        Scope layer1 = root.child("layer1");
        assertEquals(3, layer1.totalNodeCount());
        assertEquals(List.of(), layer1.memberNodeIds());
        Scope block = s.find("layer1/layer1.0");
        assertEquals("layer1.0", block.name());
        assertSame(layer1, block.parent());
        assertEquals(2, block.totalNodeCount());
        assertEquals(List.of("conv1", "relu"), block.children().stream().map(Scope::name).toList());
        assertEquals(List.of("id1"), s.find("layer1/layer1.0/conv1").memberNodeIds());
        assertSame(s.find("layer1/layer1.0/relu"), s.scopeOf("id2"));
        assertEquals(3, s.find("layer1/layer1.0/relu").depth());
        assertSame(root, s.scopeOf("id5"));
        assertNull(s.find("layer3"));
        // conv1, layer1, layer1/layer1.0, its conv1 and relu, layer1/layer1.1, its conv1, layer2, layer2.0, conv1, fc
        assertEquals(11, s.scopeCount());
    }

    @Test
    void tensorflowStyleAndUnnamedNodes() {
        NameScopes s = NameScopes.of(nodes("model/dense/MatMul", "model/dense/BiasAdd", "model/Softmax", ""));
        assertEquals(3, s.find("model").totalNodeCount());
        assertEquals(List.of("id2"), s.find("model").memberNodeIds());
        assertEquals(List.of("id0", "id1"), s.find("model/dense").memberNodeIds());
        assertEquals(List.of("id3"), s.root().memberNodeIds());
    }

    @Test
    void largeAndDeepGraphsBuildWithoutRecursion() {
        int count = 100_000;
        String[] names = new String[count];
        for (int i = 0; i < count; i++) names[i] = "/block" + (i / 1000) + "/layer" + (i / 10) + "/op" + i;
        NameScopes s = NameScopes.of(nodes(names));
        assertEquals(count, s.root().totalNodeCount());
        assertEquals(100 + 10_000, s.scopeCount());
        assertEquals(1000, s.find("block7").totalNodeCount());

        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 3000; i++) deep.append("/s").append(i);
        NameScopes d = NameScopes.of(nodes(deep + "/Op"));
        assertEquals(3000, d.scopeOf("id0").depth());
        assertTrue(d.scopeOf("id0").path().startsWith("s0/s1/s2"));
    }
}
