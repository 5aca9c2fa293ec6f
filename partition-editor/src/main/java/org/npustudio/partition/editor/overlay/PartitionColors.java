package org.npustudio.partition.editor.overlay;

/**
 * Partition colours: a qualitative palette of mid-tone hues that keep dark node titles readable and stay
 * apart from the red used for errors; the catch-all partition is grey. Colours follow plan order.
 */
public final class PartitionColors {
    private static final int[] PALETTE = {
        0xFF5B9BD5, 0xFFF4A259, 0xFF6CC08B, 0xFFB58BD6, 0xFF4FC3C7, 0xFFE8C547,
        0xFFF29CC0, 0xFFA6896F, 0xFF9AB34C, 0xFF7F8FE0, 0xFFE3895F, 0xFF5FB3A1,
    };
    public static final int REST = 0xFFE1E4E8;
    public static final int REST_OUTLINE = 0xFF9AA3AD;
    public static final int ERROR = 0xFFD32F2F;

    private PartitionColors() {}

    /** Colour of the k-th explicit partition. */
    public static int of(int k) { return PALETTE[Math.floorMod(k, PALETTE.length)]; }

    /** A darker shade of the partition colour for its outline, so the line stands out from the fills. */
    public static int outline(int k) {
        int c = of(k);
        int r = (c >> 16) & 0xFF, g = (c >> 8) & 0xFF, b = c & 0xFF;
        return 0xFF000000 | (r * 7 / 10) << 16 | (g * 7 / 10) << 8 | (b * 7 / 10);
    }
}
