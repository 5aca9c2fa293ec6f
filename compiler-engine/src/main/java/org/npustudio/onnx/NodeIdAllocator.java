package org.npustudio.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives every node in a model a unique, deterministic stable id.
 * A node keeps its ONNX name as id when that name is unused so far; a repeated name becomes
 * {@code name__2}, {@code name__3}…; an unnamed node gets {@code OpType_k} with a per-op counter.
 * Generated ids never collide with any name written in the file (those are reserved up front).
 */
public final class NodeIdAllocator {
    private final Set<String> reserved;
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();

    public NodeIdAllocator(Set<String> namesInFile) {
        this.reserved = namesInFile;
    }

    public String allocate(String name, String opType) {
        if (name != null && !name.isEmpty()) {
            if (used.add(name)) return name;
            for (int k = 2; ; k++) {
                String id = name + "__" + k;
                if (!reserved.contains(id) && used.add(id)) return id;
            }
        }
        int k = counters.getOrDefault(opType, 0);
        while (true) {
            String id = opType + "_" + k++;
            if (!reserved.contains(id) && used.add(id)) {
                counters.put(opType, k);
                return id;
            }
        }
    }

    /** Marks an id as taken (for ids created by passes after import). */
    public boolean reserve(String id) {
        return used.add(id);
    }
}
