package org.npustudio.analysis;

import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/** Short text for a value type, as shown by the CLI and the IDE: {@code float32[1,3,224,224]}. */
public final class TypeText {
    private TypeText() {}

    public static String of(TypeInfo type) {
        if (type instanceof TypeInfo.TensorType t) return t.elemType().displayName() + shape(t.shape());
        if (type instanceof TypeInfo.SparseTensorType t) return "sparse " + t.elemType().displayName() + shape(t.shape());
        if (type instanceof TypeInfo.SequenceType t) return "seq(" + of(t.elemType()) + ")";
        if (type instanceof TypeInfo.OptionalType t) return "optional(" + of(t.elemType()) + ")";
        if (type instanceof TypeInfo.MapType t) return "map(" + t.keyType().displayName() + "," + of(t.valueType()) + ")";
        if (type instanceof TypeInfo.OpaqueType t) return "opaque(" + t.domain() + "." + t.name() + ")";
        return "?";
    }

    private static String shape(Shape s) {
        return s == null ? "[?]" : s.toString();
    }
}
