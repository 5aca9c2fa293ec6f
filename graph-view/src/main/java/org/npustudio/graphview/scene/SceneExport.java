package org.npustudio.graphview.scene;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.npustudio.io.AtomicFiles;

/** Writes a scene to a file whose extension (.svg or .png) picks the format; written atomically. */
public final class SceneExport {
    private SceneExport() {}

    public enum Format { SVG, PNG }

    /** The format for a file name, or null when the extension is neither .svg nor .png. */
    public static Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".svg")) return Format.SVG;
        if (n.endsWith(".png")) return Format.PNG;
        return null;
    }

    public static void write(Path file, GraphScene scene, Overlay overlay, ExportOptions options) throws IOException {
        Format f = formatOf(file);
        if (f == null) throw new IllegalArgumentException(file + ": the file name must end in .svg or .png");
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        // A hidden sibling renamed over the target (user's default permissions, not a temp file's 0600).
        Path tmp = AtomicFiles.sibling(dir, abs.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (f == Format.SVG) out.write(SvgExporter.export(scene, overlay, options).getBytes(StandardCharsets.UTF_8));
                else PngExporter.write(scene, overlay, options, out);
            }
            AtomicFiles.moveOver(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
