package org.npustudio.graphview.ui;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A multi-selection of graph nodes by key (stable node id), in the order they were selected. Each change
 * publishes one new immutable set, so listeners see whole gestures (a band of 500 nodes is one event) and
 * the selection survives a re-layout of the same model.
 */
public final class NodeSelection {
    private final ReadOnlyObjectWrapper<Set<String>> keys = new ReadOnlyObjectWrapper<>(this, "keys", Set.of());

    public ReadOnlyObjectProperty<Set<String>> keysProperty() { return keys.getReadOnlyProperty(); }

    public Set<String> keys() { return keys.get(); }

    public boolean isEmpty() { return keys.get().isEmpty(); }

    public int size() { return keys.get().size(); }

    public boolean contains(String key) { return keys.get().contains(key); }

    /** Replaces the selection. */
    public void set(Collection<String> k) { publish(new LinkedHashSet<>(k)); }

    public void add(Collection<String> k) {
        Set<String> s = new LinkedHashSet<>(keys.get());
        s.addAll(k);
        publish(s);
    }

    public void remove(Collection<String> k) {
        Set<String> s = new LinkedHashSet<>(keys.get());
        s.removeAll(k);
        publish(s);
    }

    /** Adds the key when absent, removes it when present. */
    public void toggle(String key) {
        Set<String> s = new LinkedHashSet<>(keys.get());
        if (!s.remove(key)) s.add(key);
        publish(s);
    }

    public void clear() { publish(new LinkedHashSet<>()); }

    private void publish(Set<String> s) {
        if (s.equals(keys.get())) return;
        keys.set(Collections.unmodifiableSet(s));
    }
}
