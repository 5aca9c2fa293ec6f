package org.npustudio.passes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.npustudio.ir.Node;

/** What a running pass may tell the manager: the node it is working on and notes for the report. */
public final class PassContext {
    private final String passName;
    private final List<String> notes = new ArrayList<>();
    private Node current;
    private boolean inBody;

    public PassContext(String passName) {
        this.passName = passName;
    }

    public String passName() { return passName; }

    /** Whether the pass is running on an If/Loop/Scan body rather than the main graph (set by the manager). */
    public boolean inBody() { return inBody; }

    void setInBody(boolean b) { inBody = b; }

    /** Records the node being worked on, so an unexpected failure can name it. */
    public void visit(Node node) { current = node; }

    public Node currentNode() { return current; }

    /** A line for the pipeline report (e.g. "folded BatchNormalization bn1 into conv1"). */
    public void note(String line) { notes.add(line); }

    public List<String> notes() { return Collections.unmodifiableList(notes); }
}
