package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * A computation graph: nodes in file order, declared inputs/outputs/value infos and initializers.
 * Producer, consumer and id look-ups go through a {@link GraphLookup} kept up to date edit by edit;
 * adjacency arrays and topological order through a {@link GraphIndex} rebuilt lazily after an edit.
 */
public final class Graph {
    private String name;
    private String docString = "";
    private final List<Node> nodes = new ArrayList<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private final LinkedHashMap<String, ValueInfo> valueInfos = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> initializers = new LinkedHashMap<>();
    private final List<OnnxProto.SparseTensorProto> sparseInitializers = new ArrayList<>();
    private final List<OnnxProto.TensorAnnotation> quantizationAnnotations = new ArrayList<>();
    private Map<String, String> metadata = Map.of();
    private UnknownFieldSet unknownFields = UnknownFieldSet.getDefaultInstance();
    private GraphIndex index;
    private GraphLookup lookup;
    private Set<String> outerRefs;

    public Graph(String name) {
        this.name = name == null ? "" : name;
    }

    public String name() { return name; }

    public void setName(String name) { this.name = name; }

    public String docString() { return docString; }

    public void setDocString(String doc) { this.docString = doc == null ? "" : doc; }

    public List<Node> nodes() { return Collections.unmodifiableList(nodes); }

    public List<ValueInfo> inputs() { return Collections.unmodifiableList(inputs); }

    public List<ValueInfo> outputs() { return Collections.unmodifiableList(outputs); }

    /** value_info entries (intermediate value types) in file order. */
    public List<ValueInfo> valueInfos() { return List.copyOf(valueInfos.values()); }

    public Map<String, Tensor> initializers() { return Collections.unmodifiableMap(initializers); }

    public List<OnnxProto.SparseTensorProto> sparseInitializers() { return sparseInitializers; }

    public List<OnnxProto.TensorAnnotation> quantizationAnnotations() { return quantizationAnnotations; }

    public Map<String, String> metadata() { return metadata; }

    public void setMetadata(Map<String, String> md) {
        metadata = md == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(md));
    }

    public UnknownFieldSet unknownFields() { return unknownFields; }

    public void setUnknownFields(UnknownFieldSet u) {
        unknownFields = u == null ? UnknownFieldSet.getDefaultInstance() : u;
    }

    // ---- edits -------------------------------------------------------------------------------

    public void addNode(Node n) {
        if (n.owner != null && n.owner != this) throw new IllegalArgumentException(n + " already belongs to a graph");
        n.owner = this;
        nodes.add(n);
        joined(n);
    }

    public void addNode(int position, Node n) {
        n.owner = this;
        nodes.add(position, n);
        joined(n);
    }

    public boolean removeNode(Node n) {
        boolean removed = nodes.remove(n);
        if (removed) {
            n.owner = null;
            leaving(n);
            invalidate();
        }
        return removed;
    }

    /**
     * Puts the same nodes in a new file order (e.g. topological); cheaper than removing and re-adding
     * them because no producer or consumer changes.
     */
    public void reorderNodes(List<Node> order) {
        if (order.size() != nodes.size()) throw new IllegalArgumentException("reorder must keep the " + nodes.size() + " nodes");
        Set<Node> same = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        same.addAll(nodes);
        for (Node n : order) if (!same.remove(n)) throw new IllegalArgumentException(n + " is not in graph '" + name + "' or repeated");
        nodes.clear();
        nodes.addAll(order);
        invalidate();
    }

    public void addInput(ValueInfo v) { inputs.add(v); invalidate(); }

    public void addOutput(ValueInfo v) { outputs.add(v); invalidate(); }

    public void setInputs(List<ValueInfo> vs) { inputs.clear(); inputs.addAll(vs); invalidate(); }

    public void setOutputs(List<ValueInfo> vs) { outputs.clear(); outputs.addAll(vs); invalidate(); }

    /** Adds or replaces the value_info entry for {@code v.name()}. */
    public void putValueInfo(ValueInfo v) { valueInfos.put(v.name(), v); }

    public void removeValueInfo(String valueName) { valueInfos.remove(valueName); }

    public void putInitializer(Tensor t) { initializers.put(t.name(), t); invalidate(); }

    public void removeInitializer(String tensorName) { initializers.remove(tensorName); invalidate(); }

    void invalidate() {
        index = null;
        outerRefs = null;
    }

    private void joined(Node n) {
        if (lookup != null) lookup.add(n);
        invalidate();
    }

    private void leaving(Node n) {
        if (lookup != null && !lookup.remove(n)) lookup = null;
    }

    /** Called by a member node just before it changes what it reads or writes. */
    void wiringChanging(Node n) { leaving(n); }

    /** Called by a member node just after it changed what it reads or writes. */
    void wiringChanged(Node n) { joined(n); }

    // ---- queries -----------------------------------------------------------------------------

    public GraphIndex index() {
        GraphIndex i = index;
        if (i == null) index = i = new GraphIndex(nodes);
        return i;
    }

    private GraphLookup lookup() {
        GraphLookup l = lookup;
        if (l == null) lookup = l = new GraphLookup(nodes);
        return l;
    }

    /** The node writing {@code value} (the first in file order if, malformed, several do), or null. */
    public Node producer(String value) { return lookup().producer(value); }

    /**
     * Nodes reading {@code value}, once per use, including nodes whose subgraphs capture it; in file
     * order for a graph as read, in wiring order after edits.
     */
    public List<Node> consumers(String value) { return lookup().consumers(value); }

    /** Nodes in a deterministic topological order; throws {@link IllegalStateException} on a cycle. */
    public List<Node> topologicalOrder() {
        GraphIndex idx = index();
        int[] order = idx.topologicalOrder();
        if (order == null) {
            throw new IllegalStateException("graph '" + name + "' has a cycle through "
                    + idx.nodesOnCycles().stream().limit(5).map(Node::displayName).toList());
        }
        List<Node> out = new ArrayList<>(order.length);
        for (int i : order) out.add(idx.node(i));
        return out;
    }

    /** Declared type of a value: graph input/output, value_info or initializer; null when unknown. */
    public TypeInfo typeOf(String value) {
        ValueInfo v = valueInfos.get(value);
        if (v != null && v.type() != null) return v.type();
        for (ValueInfo in : inputs) if (in.name().equals(value)) return in.type();
        for (ValueInfo out : outputs) if (out.name().equals(value)) return out.type();
        Tensor t = initializers.get(value);
        if (t != null) return TypeInfo.tensor(t.dataType(), t.shape());
        return null;
    }

    public ValueInfo valueInfo(String value) { return valueInfos.get(value); }

    public boolean isInitializer(String value) { return initializers.containsKey(value); }

    public boolean isGraphInput(String value) {
        for (ValueInfo in : inputs) if (in.name().equals(value)) return true;
        return false;
    }

    /** Every value name defined in this graph: inputs, initializers and node outputs. */
    public Set<String> definedValues() {
        Set<String> s = new HashSet<>();
        for (ValueInfo v : inputs) s.add(v.name());
        s.addAll(initializers.keySet());
        for (Node n : nodes) for (String o : n.outputs()) if (!o.isEmpty()) s.add(o);
        return s;
    }

    /**
     * Names this graph (or its nested subgraphs) reads but does not define: values captured from an
     * enclosing graph. Empty for a top-level graph that is well formed.
     */
    public Set<String> outerScopeReferences() {
        Set<String> r = outerRefs;
        if (r != null) return r;
        Set<String> defined = definedValues();
        Set<String> refs = new LinkedHashSet<>();
        for (Node n : nodes) {
            for (String in : n.inputs()) if (!in.isEmpty() && !defined.contains(in)) refs.add(in);
            for (Graph sub : n.subgraphs()) {
                for (String in : sub.outerScopeReferences()) if (!defined.contains(in)) refs.add(in);
            }
        }
        for (ValueInfo o : outputs) if (!defined.contains(o.name())) refs.add(o.name());
        outerRefs = r = Collections.unmodifiableSet(refs);
        return r;
    }

    /** Finds a node by stable id (the first in file order if, malformed, several share it). */
    public Node nodeById(String id) { return lookup().byId(id); }

    /** Total node count including nodes inside subgraphs, iteratively. */
    public int totalNodeCount() {
        int count = 0;
        java.util.ArrayDeque<Graph> todo = new java.util.ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            Graph g = todo.pop();
            count += g.nodes.size();
            for (Node n : g.nodes) for (Graph s : n.subgraphs()) todo.push(s);
        }
        return count;
    }
}
