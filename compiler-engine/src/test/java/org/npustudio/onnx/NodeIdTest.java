package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.onnx.proto.OnnxProto;

class NodeIdTest {
    @Test
    void namedNodesKeepTheirNameAsId() throws Exception {
        Model m = OnnxReader.read(OnnxWriter.toBytes(TestModels.gemmRelu("/fc/Gemm", "/relu/Relu")), "m.onnx", null);
        assertEquals(List.of("/fc/Gemm", "/relu/Relu"), m.graph().nodes().stream().map(Node::id).toList());
        assertFalse(m.graph().nodes().get(0).hasGeneratedId());
    }

    @Test
    void unnamedAndDuplicateNodesGetDeterministicIdsThatAvoidFileNames() throws Exception {
        OnnxProto.ModelProto.Builder b = OnnxWriter.toProto(TestModels.gemmRelu("x", "x"), false).toBuilder();
        // three nodes: "x", "x" (duplicate), and an unnamed Relu whose natural id "Relu_0" is taken by a file name
        b.getGraphBuilder().getNodeBuilder(1).setOutput(0, "r1");
        b.getGraphBuilder().addNode(OnnxProto.NodeProto.newBuilder().setOpType("Relu").addInput("r1").addOutput("r2"));
        b.getGraphBuilder().addNode(OnnxProto.NodeProto.newBuilder().setName("Relu_0").setOpType("Relu").addInput("r2").addOutput("y"));
        byte[] bytes = b.build().toByteArray();
        Model first = OnnxReader.read(bytes, "m.onnx", null);
        List<String> ids = first.graph().nodes().stream().map(Node::id).toList();
        assertEquals(List.of("x", "x__2", "Relu_1", "Relu_0"), ids);
        assertEquals(4, Set.copyOf(ids).size());
        assertTrue(first.graph().nodes().get(2).hasGeneratedId());
        // Same file, same ids; writing keeps the file's (empty) name unless asked to name nodes.
        assertEquals(ids, OnnxReader.read(bytes, "m.onnx", null).graph().nodes().stream().map(Node::id).toList());
        assertEquals("", OnnxWriter.toProto(first, false).getGraph().getNode(2).getName());
        assertEquals("Relu_1", OnnxWriter.toProto(first, true).getGraph().getNode(2).getName());
    }
}
