package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator application. {@link #id()} is the stable identity that plans, diffs and layouts key on:
 * it never changes while the node lives, even when passes rename or rewire it. {@link #name()} is the
 * ONNX name as written in the file (may be empty or duplicated in real models).
 */
public final class Node {
    private final String id;
    private String name;
    private String opType;
    private String domain;
    private String overload;
    private final List<String> inputs;
    private final List<String> outputs;
    private final LinkedHashMap<String, Attribute> attributes = new LinkedHashMap<>();
    private String docString;
    private Map<String, String> metadata;
    private UnknownFieldSet unknownFields = UnknownFieldSet.getDefaultInstance();
    private List<String> provenance = List.of();
    Graph owner;

    public Node(String id, String name, String opType, String domain, List<String> inputs, List<String> outputs) {
        this.id = id;
        this.name = name == null ? "" : name;
        this.opType = opType;
        this.domain = domain == null ? "" : domain;
        this.overload = "";
        this.inputs = new ArrayList<>(inputs);
        this.outputs = new ArrayList<>(outputs);
        this.docString = "";
        this.metadata = Map.of();
    }

    public String id() { return id; }

    public String name() { return name; }

    /** The name to show: the ONNX name when present, otherwise the generated id. */
    public String displayName() { return name.isEmpty() ? id : name; }

    /** True when the file gave this node no name, or one another node also had, so the id was generated. */
    public boolean hasGeneratedId() { return !id.equals(name); }

    public String opType() { return opType; }

    public String domain() { return domain; }

    public String overload() { return overload; }

    public List<String> inputs() { return Collections.unmodifiableList(inputs); }

    public List<String> outputs() { return Collections.unmodifiableList(outputs); }

    public String input(int i) { return i < inputs.size() ? inputs.get(i) : ""; }

    public String output(int i) { return outputs.get(i); }

    public Map<String, Attribute> attributes() { return Collections.unmodifiableMap(attributes); }

    public Attribute attribute(String attrName) { return attributes.get(attrName); }

    public long attrLong(String attrName, long dflt) {
        Attribute a = attributes.get(attrName);
        return a == null || a.kind() != Attribute.Kind.INT ? dflt : a.asLong();
    }

    public float attrFloat(String attrName, float dflt) {
        Attribute a = attributes.get(attrName);
        return a == null || a.kind() != Attribute.Kind.FLOAT ? dflt : a.asFloat();
    }

    public long[] attrLongs(String attrName) {
        Attribute a = attributes.get(attrName);
        return a == null || a.kind() != Attribute.Kind.INTS ? null : a.asLongs();
    }

    public String attrString(String attrName, String dflt) {
        Attribute a = attributes.get(attrName);
        return a == null || a.kind() != Attribute.Kind.STRING ? dflt : a.asString();
    }

    public String docString() { return docString; }

    public Map<String, String> metadata() { return metadata; }

    public UnknownFieldSet unknownFields() { return unknownFields; }

    public void setName(String name) { this.name = name == null ? "" : name; }

    public void setOpType(String opType) { this.opType = opType; touch(); }

    public void setDomain(String domain) { this.domain = domain == null ? "" : domain; }

    public void setOverload(String overload) { this.overload = overload == null ? "" : overload; }

    public void setDocString(String doc) { this.docString = doc == null ? "" : doc; }

    public void setMetadata(Map<String, String> md) {
        this.metadata = md == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(md));
    }

    public void setUnknownFields(UnknownFieldSet u) {
        this.unknownFields = u == null ? UnknownFieldSet.getDefaultInstance() : u;
    }

    public void setAttribute(Attribute a) {
        Attribute old = attributes.get(a.name());
        boolean rewires = !a.subgraphs().isEmpty() || (old != null && !old.subgraphs().isEmpty());
        if (rewires) rewiring();
        attributes.put(a.name(), a);
        if (rewires) rewired();
    }

    public void removeAttribute(String attrName) {
        Attribute old = attributes.get(attrName);
        boolean rewires = old != null && !old.subgraphs().isEmpty();
        if (rewires) rewiring();
        attributes.remove(attrName);
        if (rewires) rewired();
    }

    public void setInput(int i, String tensor) {
        rewiring();
        while (inputs.size() <= i) inputs.add("");
        inputs.set(i, tensor);
        rewired();
    }

    public void setInputs(List<String> tensors) {
        rewiring();
        inputs.clear();
        inputs.addAll(tensors);
        rewired();
    }

    public void setOutput(int i, String tensor) {
        rewiring();
        outputs.set(i, tensor);
        rewired();
    }

    public void setOutputs(List<String> tensors) {
        rewiring();
        outputs.clear();
        outputs.addAll(tensors);
        rewired();
    }

    /**
     * Stable ids of the nodes this node replaced (a fused node lists what it fused); empty for nodes read
     * from a file. Diffs and partition plans use it to follow nodes through passes. Not written to ONNX.
     */
    public List<String> provenance() { return provenance; }

    public void setProvenance(List<String> ids) { provenance = ids == null ? List.of() : List.copyOf(ids); }

    /** The graph this node belongs to, or null when detached. */
    public Graph graph() { return owner; }

    private void touch() {
        if (owner != null) owner.invalidate();
    }

    // The owner's look-up maps follow this node's wiring: forget it before a change, re-add it after.
    private void rewiring() {
        if (owner != null) owner.wiringChanging(this);
    }

    private void rewired() {
        if (owner != null) owner.wiringChanged(this);
    }

    /**
     * Runs {@code edit}, which changes this node's subgraph bodies in place (e.g. renames a captured
     * outer value), so the owner's look-ups see what the bodies read afterwards.
     */
    public void editSubgraphs(Runnable edit) {
        rewiring();
        try {
            edit.run();
        } finally {
            rewired();
        }
    }

    /** Subgraphs this node owns (If/Loop/Scan bodies), in attribute order. */
    public List<Graph> subgraphs() {
        List<Graph> out = new ArrayList<>();
        for (Attribute a : attributes.values()) out.addAll(a.subgraphs());
        return out;
    }

    @Override
    public String toString() {
        return opType + "(" + id + ")";
    }
}
