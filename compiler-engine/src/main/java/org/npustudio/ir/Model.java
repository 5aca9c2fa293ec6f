package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ONNX model: header fields, opset imports, the main graph and model-local functions. */
public final class Model {
    private long irVersion;
    private String producerName = "";
    private String producerVersion = "";
    private String domain = "";
    private long modelVersion;
    private String docString = "";
    private final List<OpsetId> opsetImports = new ArrayList<>();
    private Map<String, String> metadata = Map.of();
    private Graph graph;
    private final List<Function> functions = new ArrayList<>();
    private UnknownFieldSet unknownFields = UnknownFieldSet.getDefaultInstance();
    private Path source;
    private java.util.Set<String> usedIds;

    public Model(Graph graph) {
        this.graph = graph;
    }

    public long irVersion() { return irVersion; }

    public void setIrVersion(long v) { irVersion = v; }

    public String producerName() { return producerName; }

    public void setProducerName(String s) { producerName = s == null ? "" : s; }

    public String producerVersion() { return producerVersion; }

    public void setProducerVersion(String s) { producerVersion = s == null ? "" : s; }

    public String domain() { return domain; }

    public void setDomain(String s) { domain = s == null ? "" : s; }

    public long modelVersion() { return modelVersion; }

    public void setModelVersion(long v) { modelVersion = v; }

    public String docString() { return docString; }

    public void setDocString(String s) { docString = s == null ? "" : s; }

    public List<OpsetId> opsetImports() { return opsetImports; }

    /** Version imported for a domain ("" and "ai.onnx" are the same), or -1 if not imported. */
    public long opsetVersion(String opDomain) {
        boolean dflt = OpsetId.isDefaultDomain(opDomain);
        for (OpsetId o : opsetImports) {
            if (dflt ? OpsetId.isDefaultDomain(o.domain()) : o.domain().equals(opDomain)) return o.version();
        }
        return -1;
    }

    public Map<String, String> metadata() { return metadata; }

    public void setMetadata(Map<String, String> md) {
        metadata = md == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(md));
    }

    public Graph graph() { return graph; }

    public void setGraph(Graph g) { graph = g; }

    public List<Function> functions() { return functions; }

    public Function function(String opDomain, String opType) {
        for (Function f : functions) if (f.matches(opDomain, opType)) return f;
        return null;
    }

    public UnknownFieldSet unknownFields() { return unknownFields; }

    public void setUnknownFields(UnknownFieldSet u) {
        unknownFields = u == null ? UnknownFieldSet.getDefaultInstance() : u;
    }

    /** The file this model was read from, or null for a model built in memory. */
    public Path source() { return source; }

    public void setSource(Path p) { source = p; }

    /**
     * A node id not used anywhere in the model (graph, subgraphs, functions), for nodes that passes
     * create: {@code base}, else {@code base_1}, {@code base_2}… Deterministic for a given model.
     */
    public String freshNodeId(String base) {
        if (usedIds == null) {
            usedIds = new java.util.HashSet<>();
            java.util.ArrayDeque<Graph> todo = new java.util.ArrayDeque<>();
            todo.add(graph);
            for (Function f : functions) todo.add(f.body());
            while (!todo.isEmpty()) {
                Graph g = todo.poll();
                for (Node n : g.nodes()) {
                    usedIds.add(n.id());
                    todo.addAll(n.subgraphs());
                }
            }
        }
        String id = base;
        for (int k = 1; usedIds.contains(id); k++) id = base + "_" + k;
        usedIds.add(id);
        return id;
    }

    /** Display name: the file name without extension, else the graph name. */
    public String displayName() {
        if (source != null) {
            String f = source.getFileName().toString();
            return f.endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
        }
        return graph.name();
    }
}
