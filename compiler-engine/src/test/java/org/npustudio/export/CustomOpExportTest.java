package org.npustudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.runtime.OrtExtensions;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.shape.ShapeInference;

/**
 * Custom-domain ops through export and check: the ONNX Runtime extensions library's tokenizer
 * (com.microsoft.extensions) and string op (ai.onnx.contrib), ORT's own contrib op (com.microsoft), and an
 * op nobody implements.
 */
class CustomOpExportTest {
    /** text → BasicTokenizer → StringLength → Cast → com.microsoft Gelu → y. */
    private static Model textModel(String tokenizerDomain) throws Exception {
        Graph g = new Graph("text");
        g.addInput(ValueInfo.tensor("text", DataType.STRING, Shape.of(1)));
        g.addNode(new Node("tok", "tok", "BasicTokenizer", tokenizerDomain, List.of("text"), List.of("tokens")));
        g.addNode(new Node("len", "len", "StringLength", "ai.onnx.contrib", List.of("tokens"), List.of("lengths")));
        Node cast = new Node("cast", "cast", "Cast", "", List.of("lengths"), List.of("f"));
        cast.setAttribute(Attribute.of("to", (long) DataType.FLOAT.code()));
        g.addNode(cast);
        g.addNode(new Node("gelu", "gelu", "Gelu", "com.microsoft", List.of("f"), List.of("y")));
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, null));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        for (String d : List.of(tokenizerDomain, "ai.onnx.contrib", "com.microsoft")) m.opsetImports().add(new OpsetId(d, 1));
        Model read = OnnxReader.read(OnnxWriter.toBytes(m), "text.onnx", null);
        ShapeInference.infer(read);
        return read;
    }

    private static Tensor text(String s) {
        return Tensor.of(OnnxProto.TensorProto.newBuilder().setName("text").setDataType(DataType.STRING.code()).addDims(1)
                .addStringData(ByteString.copyFromUtf8(s)).build());
    }

    @Test
    void extensionOpsExportWithTypesFromOrtAndCheckBitIdentical() throws Exception {
        assertNotNull(OrtExtensions.libraryPath(), "the extensions library loads here: " + OrtExtensions.whyUnavailable());
        Model m = textModel("com.microsoft.extensions");
        // every custom op alone, so each of its outputs crosses a boundary our shape inference cannot type
        PartitionSplitter.Split split = PartitionSplitter.split(m, SplitModels.plan(m, List.of(List.of("tok"), List.of("len"), List.of("cast", "gelu"))));
        PartitionModel p0 = split.pieces().get(0);
        assertEquals(List.of("tokens"), p0.outputs());
        assertEquals(DataType.STRING.code(), p0.proto().getGraph().getOutput(0).getType().getTensorType().getElemType(), "type from ORT");
        PartitionModel p1 = split.pieces().get(1);
        assertEquals(DataType.INT64.code(), p1.proto().getGraph().getOutput(0).getType().getTensorType().getElemType(), "type from ORT");
        Map<String, Tensor> in = Map.of("text", text("Weights stay home, partitions chain by name"));
        SanityChecker.Report r = SanityChecker.check(split, m, in, OrtRunner.Options.DETERMINISTIC);
        assertTrue(r.identical(), r.outputs().toString());
        Tensor y = SanityChecker.runWhole(split, m, in, OrtRunner.Options.DETERMINISTIC).get("y");
        assertEquals(7, y.elementCount(), "seven tokens: six words and a comma");
    }

    @Test
    void anOpNoRuntimeImplementsIsOneLineNamingItAndItsDomain() throws Exception {
        Model m = textModel("com.example.text");
        StudioException e = assertThrows(StudioException.class,
                () -> PartitionSplitter.split(m, SplitModels.plan(m, List.of(List.of("tok"), List.of("len", "cast", "gelu")))));
        assertTrue(e.getMessage().contains("op BasicTokenizer of domain com.example.text cannot run"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
