package org.npustudio.app.cli;

import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.plan.ModelRef;
import org.npustudio.profiler.report.PrecisionReport;

/** {@code npustudio report --precision-budget DB}: the sensitivity and precision-choice section of report.html. */
final class PrecisionSection {
    private PrecisionSection() {}

    static String of(Model opened, Path file, NpuConfig npu, String budget, CliContext ctx) throws StudioException {
        double db;
        try {
            db = Double.parseDouble(budget);
        } catch (NumberFormatException e) {
            throw new UsageException("report", "--precision-budget '" + budget + "' is not a number of dB");
        }
        AutoPrecision.Outcome out = AutoPrecision.run(opened, ModelRef.of(file), npu, new AutoPrecision.Request(QuantConfig.defaults(),
                SensitivityAnalysis.DEFAULT_PRECISIONS, AutoPrecision.DEFAULT_CANDIDATES, Budget.sqnrDb(db), Objective.LATENCY),
                SensitivityAnalysis.Progress.NONE, () -> false);
        for (String w : out.warnings()) ctx.err().println("warning: " + w);
        ctx.out().println(out.choice().message());
        return PrecisionReport.section(out.sensitivity(), out.choice());
    }
}
