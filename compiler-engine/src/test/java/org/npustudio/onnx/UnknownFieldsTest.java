package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.Test;
import org.npustudio.onnx.proto.OnnxProto;

/** Fields from a newer ONNX (or a vendor) that our .proto does not define must survive import/export. */
class UnknownFieldsTest {
    private static UnknownFieldSet extra(int number, String text) {
        return UnknownFieldSet.newBuilder()
                .addField(number, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(text)).build())
                .build();
    }

    @Test
    void unknownFieldsOnEveryLevelRoundTrip() throws Exception {
        OnnxProto.ModelProto base = OnnxWriter.toProto(TestModels.gemmRelu("gemm", "relu"), false);
        OnnxProto.ModelProto.Builder m = base.toBuilder();
        m.setUnknownFields(extra(20, "training-info")); // TrainingInfoProto is not modelled
        OnnxProto.GraphProto.Builder g = m.getGraphBuilder();
        g.setUnknownFields(extra(900, "graph-extra"));
        g.getNodeBuilder(0).setUnknownFields(extra(901, "node-extra"));
        g.getNodeBuilder(0).getAttributeBuilder(0).setUnknownFields(extra(902, "attr-extra"));
        g.getInputBuilder(0).setUnknownFields(extra(903, "value-info-extra"));
        g.getInputBuilder(0).getTypeBuilder().setUnknownFields(extra(904, "type-extra"));
        g.getInitializerBuilder(0).setUnknownFields(extra(905, "tensor-extra"));
        OnnxProto.ModelProto original = m.build();

        byte[] exported = OnnxWriter.toBytes(OnnxReader.read(original.toByteArray(), "unknown-fields.onnx", null));
        OnnxProto.ModelProto back = OnnxProto.ModelProto.parseFrom(exported);
        assertEquals(original, back);
    }
}
