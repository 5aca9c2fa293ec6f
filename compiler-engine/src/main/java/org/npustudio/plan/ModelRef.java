package org.npustudio.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.npustudio.error.StudioException;

/**
 * The model a plan belongs to: its file name and the SHA-256 of its bytes, so a plan opened against a
 * different model can be recognised (a warning, not an error: node names may still match).
 *
 * @param file   file name only (plans move with their models), may be empty when unknown
 * @param sha256 lower-case hex digest, may be empty when unknown
 */
public record ModelRef(String file, String sha256) {
    public static final ModelRef UNKNOWN = new ModelRef("", "");

    public ModelRef {
        file = file == null ? "" : file;
        sha256 = sha256 == null ? "" : sha256.toLowerCase();
    }

    /** Reads the file once to hash it. */
    public static ModelRef of(Path model) throws StudioException {
        return new ModelRef(model.getFileName().toString(), sha256(model));
    }

    public static String sha256(Path file) throws StudioException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new StudioException(file.toString(), "", "cannot read to hash: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True when both digests are known and differ. */
    public boolean conflictsWith(ModelRef other) {
        return !sha256.isEmpty() && !other.sha256.isEmpty() && !sha256.equals(other.sha256);
    }
}
