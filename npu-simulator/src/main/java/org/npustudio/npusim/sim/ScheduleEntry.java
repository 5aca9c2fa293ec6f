package org.npustudio.npusim.sim;

/**
 * One bar of the schedule: an op on a device lane or a tensor transfer on the host-link lane
 * ({@code name} is the node id, or the value name for transfers; {@code from}/{@code to} the devices).
 */
public record ScheduleEntry(String lane, Kind kind, String name, String from, String to, double startSeconds,
                            double endSeconds, double bytes) {
    public static final String HOST_LINK = "host-link";

    public enum Kind { OP, TRANSFER }

    public double durationSeconds() { return endSeconds - startSeconds; }
}
