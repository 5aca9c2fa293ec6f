package org.npustudio.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/** Sends tensors of every type through a real ONNX Runtime session and back. */
class OrtTensorsTest {
    /** A one-node model y = op(x), written by our own exporter. */
    private static byte[] oneNode(String op, DataType in, DataType out, long[] dims, Attribute... attrs) {
        Graph g = new Graph("one_node");
        g.addInput(ValueInfo.tensor("x", in, Shape.of(dims)));
        g.addOutput(ValueInfo.tensor("y", out, Shape.of(dims)));
        Node n = new Node("n", "n", op, "", List.of("x"), List.of("y"));
        for (Attribute a : attrs) n.setAttribute(a);
        g.addNode(n);
        Model m = new Model(g);
        m.setIrVersion(10);
        m.opsetImports().add(new OpsetId("", 21));
        return OnnxWriter.toBytes(m);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE", "FLOAT16", "BFLOAT16", "INT8", "INT16", "INT32", "INT64", "UINT8", "BOOL"})
    void numericTensorsSurviveARoundTripBitForBit(DataType type) throws Exception {
        long[] dims = {2, 3, 4};
        byte[] bytes = new byte[(int) type.bytesFor(24)];
        new Random(type.ordinal()).nextBytes(bytes);
        if (type == DataType.BOOL) for (int i = 0; i < bytes.length; i++) bytes[i] &= 1;
        Tensor x = Tensor.raw("x", type, dims, bytes);
        Tensor y = OrtRun.run(oneNode("Identity", type, type, dims), Map.of("x", x), List.of("y")).get("y");
        assertEquals(type, y.dataType());
        assertArrayEquals(dims, y.dims());
        assertTrue(TensorComparison.of(y, x).bitIdentical(), TensorComparison.of(y, x).describe());
    }

    @Test
    void stringScalarAndEmptyTensorsSurvive() throws Exception {
        TensorProto.Builder s = TensorProto.newBuilder().setName("x").setDataType(DataType.STRING.code()).addDims(2).addDims(2);
        for (String v : List.of("a", "é", "", "longer text")) s.addStringData(ByteString.copyFromUtf8(v));
        Tensor strings = Tensor.of(s.build());
        Tensor back = OrtRun.run(oneNode("Identity", DataType.STRING, DataType.STRING, new long[] {2, 2}), Map.of("x", strings), List.of("y")).get("y");
        assertTrue(TensorComparison.of(back, strings).bitIdentical(), TensorComparison.of(back, strings).describe());

        Tensor scalar = Tensor.ofFloats("x", new long[0], new float[] {0.5f});
        Tensor neg = OrtRun.run(oneNode("Neg", DataType.FLOAT, DataType.FLOAT, new long[0]), Map.of("x", scalar), List.of("y")).get("y");
        assertArrayEquals(new long[0], neg.dims());
        assertArrayEquals(new float[] {-0.5f}, neg.toFloats());

        Tensor empty = Tensor.ofFloats("x", new long[] {0, 3}, new float[0]);
        Tensor e = OrtRun.run(oneNode("Identity", DataType.FLOAT, DataType.FLOAT, new long[] {0, 3}), Map.of("x", empty), List.of("y")).get("y");
        assertArrayEquals(new long[] {0, 3}, e.dims());
        assertEquals(0, e.elementCount());
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"UINT16", "UINT32", "UINT64"})
    void unsignedResultsAreReadBackWithTheirOwnType(DataType type) throws Exception {
        long[] values = {0, 1, 2, 65535};
        Tensor x = Tensor.ofLongs("x", new long[] {4}, values);
        Tensor y = OrtRun.run(oneNode("Cast", DataType.INT64, type, new long[] {4}, Attribute.of("to", (long) type.code())),
                Map.of("x", x), List.of("y")).get("y");
        assertEquals(type, y.dataType());
        assertArrayEquals(values, y.toLongs());
    }

    @Test
    void typesTheJavaApiCannotCreateGiveAClearError() {
        assertFalse(OrtTensors.canCreate(DataType.UINT32));
        Tensor u = Tensor.raw("ids", DataType.UINT32, new long[] {1}, new byte[4]);
        StudioException e = assertThrows(StudioException.class, () -> OrtTensors.toOrt(OrtRun.env(), u));
        assertTrue(e.getMessage().contains("tensor 'ids'") && e.getMessage().contains("cannot create uint32 tensors"), e.getMessage());
    }
}
