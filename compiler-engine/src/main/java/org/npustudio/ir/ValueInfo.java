package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named value (tensor edge) with its declared type: a graph input, output or value_info entry. */
public record ValueInfo(String name, TypeInfo type, String docString, Map<String, String> metadata,
                        UnknownFieldSet unknownFields) {
    public ValueInfo {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (unknownFields == null) unknownFields = UnknownFieldSet.getDefaultInstance();
    }

    public static ValueInfo tensor(String name, DataType type, Shape shape) {
        return new ValueInfo(name, TypeInfo.tensor(type, shape), "", null, null);
    }

    public ValueInfo withType(TypeInfo newType) {
        return new ValueInfo(name, newType, docString, metadata, unknownFields);
    }

    public ValueInfo withName(String newName) {
        return new ValueInfo(newName, type, docString, metadata, unknownFields);
    }

    /** The tensor type, or null when this value is not a tensor or has no type. */
    public TypeInfo.TensorType tensorType() {
        return type instanceof TypeInfo.TensorType t ? t : null;
    }
}
