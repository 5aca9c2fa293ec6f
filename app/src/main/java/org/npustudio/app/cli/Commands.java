package org.npustudio.app.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of sub-commands, in the order help lists them. */
public final class Commands {
    private final Map<String, Command> byName = new LinkedHashMap<>();

    /** Every command the product ships. Add new commands here. */
    public static Commands builtIn() {
        return new Commands()
                .add(new InspectCommand())
                .add(new CompileCommand())
                .add(new DiffCommand())
                .add(new GuiCommand())
                .add(new RenderCommand())
                .add(new LayoutCommand())
                .add(new SimulateCommand())
                .add(new ReportCommand())
                .add(new MeasureCommand())
                .add(new CalibrateHostCommand())
                .add(new SamplesCommand())
                .add(new SweepCommand())
                .add(new BenchCommand())
                .add(new PartitionCommand())
                .add(new ExportCommand())
                .add(new QuantizeCommand())
                .add(new CheckCommand())
                .add(new LessonCommand())
                .add(new SensitivityCommand())
                .add(new HelpCommand())
                .add(new VersionCommand());
    }

    public Commands add(Command c) {
        if (byName.putIfAbsent(c.name(), c) != null) throw new IllegalArgumentException("duplicate command " + c.name());
        return this;
    }

    public Command get(String name) { return byName.get(name); }

    public Collection<Command> all() { return byName.values(); }
}
