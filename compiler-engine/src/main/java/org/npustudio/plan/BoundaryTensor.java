package org.npustudio.plan;

import org.npustudio.ir.DataType;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/**
 * A tensor crossing a partition boundary.
 *
 * @param type  its declared type (null when the model does not say)
 * @param bytes storage size when the shape is static, else -1
 */
public record BoundaryTensor(String name, TypeInfo type, long bytes) {
    static BoundaryTensor of(String name, TypeInfo type) {
        long bytes = -1;
        if (type instanceof TypeInfo.TensorType t && t.shape() != null && t.elemType().bits() > 0) {
            long n = t.shape().elementCount();
            if (n >= 0) bytes = t.elemType().bytesFor(n);
        }
        return new BoundaryTensor(name, type, bytes);
    }

    public DataType dataType() {
        return type instanceof TypeInfo.TensorType t ? t.elemType() : null;
    }

    public Shape shape() {
        return type instanceof TypeInfo.TensorType t ? t.shape() : null;
    }

    /** e.g. {@code x: float32[1,3,224,224] (602112 B)}. */
    @Override
    public String toString() {
        DataType dt = dataType();
        Shape s = shape();
        return name + ": " + (dt == null ? "?" : dt.displayName()) + (s == null ? "[?]" : s.toString())
                + (bytes >= 0 ? " (" + bytes + " B)" : "");
    }
}
