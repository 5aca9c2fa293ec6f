package org.npustudio.analysis;

import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/** A graph input or output as the summary shows it. */
public record ValueSummary(String name, TypeInfo type) {
    public static ValueSummary of(ValueInfo v) {
        return new ValueSummary(v.name(), v.type());
    }

    /** Element type name such as float32, or null when the value is not a typed tensor. */
    public String elementType() {
        return type instanceof TypeInfo.TensorType t ? t.elemType().displayName() : null;
    }

    /** The tensor shape, or null when unknown or not a tensor. */
    public Shape shape() {
        return type instanceof TypeInfo.TensorType t ? t.shape() : null;
    }

    public String typeText() {
        return TypeText.of(type);
    }
}
