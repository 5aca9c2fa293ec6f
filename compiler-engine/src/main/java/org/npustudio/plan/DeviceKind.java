package org.npustudio.plan;

/** What executes a partition: an accelerator or the host processor. */
public enum DeviceKind {
    NPU, CPU;

    public String yamlName() { return name().toLowerCase(); }

    /** Parses {@code npu}/{@code cpu} (any case); null when neither. */
    public static DeviceKind parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "npu" -> NPU;
            case "cpu" -> CPU;
            default -> null;
        };
    }
}
