package org.npustudio.onnx;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

/**
 * Canonical form of a protobuf message for comparisons: a singular field explicitly set to its
 * default value is treated as absent (proto2 keeps that distinction on the wire, ONNX does not).
 */
final class ProtoCanon {
    private ProtoCanon() {}

    static Message canon(Message m) {
        Message.Builder b = m.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            Object v = e.getValue();
            if (f.isRepeated()) {
                if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    b.clearField(f);
                    for (Object item : (List<?>) v) b.addRepeatedField(f, canon((Message) item));
                }
            } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                b.setField(f, canon((Message) v));
            } else if (f.getContainingOneof() == null && v.equals(f.getDefaultValue())) {
                b.clearField(f);
            }
        }
        return b.build();
    }
}
