package org.npustudio.shape;

/**
 * Why one node's outputs could not be typed. Thrown by rules and caught by {@link ShapeInference},
 * which turns it into a report line naming the node; it never reaches a user as a stack trace.
 */
final class ShapeInferenceException extends Exception {
    /** FAILED: the node is inconsistent with its inputs. DATA_DEPENDENT: the shape needs runtime values. */
    enum Kind { FAILED, DATA_DEPENDENT }

    private final Kind kind;

    ShapeInferenceException(Kind kind, String problem) {
        super(problem, null, false, false);
        this.kind = kind;
    }

    Kind kind() { return kind; }
}
