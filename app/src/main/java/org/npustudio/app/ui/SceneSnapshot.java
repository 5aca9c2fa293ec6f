package org.npustudio.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a PNG of a scene, for scripted screenshots ({@code -Dnpustudio.snapshot=FILE.png}). */
final class SceneSnapshot {
    private SceneSnapshot() {}

    static void write(Scene scene, Path png) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
