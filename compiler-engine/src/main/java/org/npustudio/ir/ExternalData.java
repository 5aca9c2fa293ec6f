package org.npustudio.ir;

import java.nio.file.Path;

/**
 * Where an externally stored tensor's bytes live: {@code file} is already resolved against the
 * model's folder and checked not to escape it; {@code length} is -1 when the file does not say
 * (the tensor then runs to the end of the file).
 */
public record ExternalData(String location, Path file, long offset, long length) {}
