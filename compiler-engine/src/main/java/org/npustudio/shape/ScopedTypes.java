package org.npustudio.shape;

import java.util.HashMap;
import java.util.Map;
import org.npustudio.ir.TypeInfo;

/** A subgraph's value types: its own, falling back to the enclosing scope's without copying them. */
final class ScopedTypes extends HashMap<String, TypeInfo> {
    private final Map<String, TypeInfo> outer;

    ScopedTypes(Map<String, TypeInfo> outer) {
        this.outer = outer;
    }

    @Override
    public TypeInfo get(Object key) {
        TypeInfo t = super.get(key);
        return t != null || super.containsKey(key) ? t : outer.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return super.containsKey(key) || outer.containsKey(key);
    }
}
