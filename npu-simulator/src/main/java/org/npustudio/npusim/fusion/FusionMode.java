package org.npustudio.npusim.fusion;

/** none: every tensor goes through DRAM; plan: the user's groups; auto: the grouper's. */
public enum FusionMode {
    NONE, PLAN, AUTO;

    public static FusionMode parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "none" -> NONE;
            case "plan" -> PLAN;
            case "auto" -> AUTO;
            default -> null;
        };
    }
}
