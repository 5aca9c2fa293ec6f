package org.npustudio.graphview.scene;

/**
 * What a drawn node stands for. Inputs, outputs and initializers are keyed by value name, operators by node
 * id, collapsed name-scope groups by {@link SceneGroup#keyOf(String)}.
 */
public enum NodeKind { INPUT, OPERATOR, INITIALIZER, OUTPUT, GROUP }
