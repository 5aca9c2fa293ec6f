package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;

/**
 * The type of a value (ONNX TypeProto). Tensors are what the product reasons about; the other kinds
 * are carried so that models using them load, display and round-trip.
 * Each variant keeps the denotation and the wire fields NPU Studio does not model.
 */
public sealed interface TypeInfo {
    String denotation();

    UnknownFieldSet unknownFields();

    /** A dense tensor. {@code shape} is null when the rank is unknown; elemType may be UNDEFINED. */
    record TensorType(DataType elemType, Shape shape, String denotation, UnknownFieldSet unknownFields)
            implements TypeInfo {
        public TensorType(DataType elemType, Shape shape) {
            this(elemType, shape, null, UnknownFieldSet.getDefaultInstance());
        }

        public TensorType withShape(Shape newShape) {
            return new TensorType(elemType, newShape, denotation, unknownFields);
        }
    }

    record SparseTensorType(DataType elemType, Shape shape, String denotation, UnknownFieldSet unknownFields)
            implements TypeInfo {}

    /** elemType null means "sequence of unspecified type". */
    record SequenceType(TypeInfo elemType, String denotation, UnknownFieldSet unknownFields) implements TypeInfo {}

    record OptionalType(TypeInfo elemType, String denotation, UnknownFieldSet unknownFields) implements TypeInfo {}

    record MapType(DataType keyType, TypeInfo valueType, String denotation, UnknownFieldSet unknownFields)
            implements TypeInfo {}

    record OpaqueType(String domain, String name, String denotation, UnknownFieldSet unknownFields)
            implements TypeInfo {}

    /** A TypeProto with none of its value cases set (legal in function bodies and some exporters). */
    record UnspecifiedType(String denotation, UnknownFieldSet unknownFields) implements TypeInfo {}

    static TensorType tensor(DataType elemType, Shape shape) {
        return new TensorType(elemType, shape);
    }
}
