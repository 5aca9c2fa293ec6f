package org.npustudio.passes;

/** Holds a pass's name and options so concrete passes only write {@link #run}. */
public abstract class BasePass implements Pass {
    private final String name;
    private final PassOptions options;

    protected BasePass(String name, PassOptions options) {
        this.name = name;
        this.options = options;
    }

    @Override public final String name() { return name; }

    @Override public final PassOptions options() { return options; }

    @Override public String toString() { return name + options; }
}
