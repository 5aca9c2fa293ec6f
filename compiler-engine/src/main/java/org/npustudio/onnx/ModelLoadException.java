package org.npustudio.onnx;

import org.npustudio.error.StudioException;

/** Why a model file could not be loaded; {@link #kind()} lets callers and tests tell the cases apart. */
public final class ModelLoadException extends StudioException {
    public enum Kind {
        IO, TOO_LARGE, NOT_PROTOBUF, NOT_A_MODEL, INVALID_FIELD, BAD_DIMENSION, CYCLE, UNDEFINED_INPUT,
        DUPLICATE_OUTPUT, UNKNOWN_OPERATOR, UNKNOWN_DOMAIN, EXTERNAL_DATA
    }

    private final Kind kind;

    public ModelLoadException(Kind kind, String file, String place, String problem, Throwable cause) {
        super(file, place, problem, cause);
        this.kind = kind;
    }

    public ModelLoadException(Kind kind, String file, String place, String problem) {
        this(kind, file, place, problem, null);
    }

    public Kind kind() { return kind; }
}
