package org.npustudio.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a measurement ran on, as a host profile names it. */
public final class HostMachine {
    private HostMachine() {}

    /** The CPU's "model name" from /proc/cpuinfo; elsewhere (or without one) "unknown <os.arch>". */
    public static String cpuName() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                int colon = l.indexOf(':');
                if (colon > 0 && l.substring(0, colon).trim().equals("model name")) return l.substring(colon + 1).trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not readable: fall through to the architecture
        }
        return "unknown " + System.getProperty("os.arch");
    }
}
