package org.npustudio.diff;

/** How a node fared between two graphs; a view colours by it (e.g. grey/orange/green/red). */
public enum NodeState { SAME, CHANGED, NEW, DELETED }
