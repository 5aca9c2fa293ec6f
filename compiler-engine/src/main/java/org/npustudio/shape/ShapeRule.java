package org.npustudio.shape;

/** Computes the output types of one operator from its inputs, attributes and constant inputs. */
@FunctionalInterface
interface ShapeRule {
    void infer(InferenceContext c) throws ShapeInferenceException;
}
