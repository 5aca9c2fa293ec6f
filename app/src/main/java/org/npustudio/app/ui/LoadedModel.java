package org.npustudio.app.ui;

import java.nio.file.Path;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.ir.Model;

/** A model the window has opened, with its summary computed off the FX thread. */
public record LoadedModel(Path file, Model model, ModelSummary summary) {}
