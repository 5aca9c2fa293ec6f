package org.npustudio.diff;

/**
 * One difference of a matched node, listed in an inspector as {@code key: before → after}.
 *
 * @param kind what differs
 * @param key the attribute name, or the port ("input 1", "output 0"), or "op"
 * @param before the old value as text ("" when absent)
 * @param after the new value as text ("" when absent)
 */
public record Change(Kind kind, String key, String before, String after) {
    public enum Kind { OP, ATTRIBUTE, INPUT, OUTPUT, SHAPE, CONSTANT }

    @Override
    public String toString() {
        return key + ": " + (before.isEmpty() ? "(none)" : before) + " -> " + (after.isEmpty() ? "(none)" : after);
    }
}
