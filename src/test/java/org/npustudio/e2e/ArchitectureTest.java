package org.npustudio.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npustudio.testdata.TestData;

/**
 * Enforces the module structure described in ARCHITECTURE.md on the compiled classes:
 * each module may only use the modules it is allowed to (which also rules out cycles), and the
 * headless code never touches JavaFX. Classes are attributed to modules by where they were compiled,
 * because several modules share the org.npustudio root package.
 */
class ArchitectureTest {
    /** Allowed direct and transitive uses; must stay acyclic. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("compiler-engine", Set.of());
        ALLOWED.put("npu-simulator", Set.of("compiler-engine"));
        ALLOWED.put("graph-view", Set.of("compiler-engine"));
        ALLOWED.put("profiler", Set.of("compiler-engine", "npu-simulator", "graph-view"));
        ALLOWED.put("partition-editor", Set.of("compiler-engine", "npu-simulator", "graph-view", "profiler"));
        ALLOWED.put("samples", Set.of("compiler-engine"));
        ALLOWED.put("app", Set.of("compiler-engine", "npu-simulator", "graph-view", "profiler", "partition-editor", "samples"));
        // The Spark sweep job: headless, and nothing uses it (the CLI spawns spark-submit instead; decision 0017).
        ALLOWED.put("sweep-spark", Set.of("compiler-engine", "npu-simulator", "samples"));
        // Test code for every module's tests (test scope only): no product module may use it, it uses none.
        ALLOWED.put("test-support", Set.of());
    }

    /**
     * What each module's compiled classes must at least hold, so the rules below never pass on nothing
     * (a missing or half-built target/classes): one class every module has, and a floor on the class count
     * well below today's (about half the source files) so ordinary refactoring never trips it.
     */
    static final Map<String, String> ANCHOR = Map.of("compiler-engine", "org.npustudio.onnx.OnnxReader",
            "npu-simulator", "org.npustudio.npusim.sim.Simulator", "graph-view", "org.npustudio.graphview.layout.LayeredLayout",
            "profiler", "org.npustudio.profiler.data.Profile", "partition-editor", "org.npustudio.partition.editor.model.PlanEditor",
            "samples", "org.npustudio.samples.SampleLibrary", "app", "org.npustudio.app.Main",
            "test-support", "org.npustudio.testdata.TestData", "sweep-spark", "org.npustudio.sweep.spark.SparkSweep");
    static final Map<String, Integer> MIN_CLASSES = Map.of("compiler-engine", 90, "npu-simulator", 30, "graph-view", 35,
            "profiler", 12, "partition-editor", 15, "samples", 8, "app", 30, "test-support", 3,
            "sweep-spark", 2);

    /** Packages that must stay free of JavaFX even inside GUI modules (layout engine, profiler data, charts and report, partition editing model, lesson engine). */
    static final List<String> HEADLESS_PACKAGES_IN_GUI_MODULES = List.of("org.npustudio.graphview.layout..", "org.npustudio.graphview.scene..",
            "org.npustudio.graphview.diff..", "org.npustudio.profiler.data..", "org.npustudio.profiler.chart..", "org.npustudio.profiler.report..",
            "org.npustudio.partition.editor.model..",
            "org.npustudio.partition.editor.overlay..", "org.npustudio.app.lesson..");

    static final Map<String, JavaClasses> MODULES = new LinkedHashMap<>();
    static final Map<String, String> OWNER = new HashMap<>();

    @BeforeAll
    static void importModules() {
        Path root = TestData.root();
        for (String module : ALLOWED.keySet()) {
            Path classes = root.resolve(module).resolve("target/classes");
            // e2e runs after every module is compiled; no classes means a broken build, never a pass.
            assertTrue(Files.isDirectory(classes), module + " has no compiled classes at " + classes);
            JavaClasses jc = new ClassFileImporter().importPath(classes);
            MODULES.put(module, jc);
            for (JavaClass c : jc) OWNER.put(c.getName(), module);
        }
    }

    @Test
    void everyModuleHasItsClasses() {
        assertEquals(ALLOWED.keySet(), ANCHOR.keySet());
        assertEquals(ALLOWED.keySet(), MIN_CLASSES.keySet());
        for (String module : ALLOWED.keySet()) {
            JavaClasses jc = MODULES.get(module);
            assertTrue(jc.contain(ANCHOR.get(module)), module + " lacks " + ANCHOR.get(module));
            assertTrue(jc.size() >= MIN_CLASSES.get(module), module + ": only " + jc.size() + " classes (at least "
                    + MIN_CLASSES.get(module) + " expected)");
        }
    }

    @Test
    void allowedModuleGraphIsAcyclic() {
        for (String m : ALLOWED.keySet()) {
            List<String> stack = new ArrayList<>(ALLOWED.get(m));
            Set<String> seen = new TreeSet<>();
            while (!stack.isEmpty()) {
                String d = stack.remove(stack.size() - 1);
                assertTrue(!d.equals(m), "module cycle through " + m);
                if (seen.add(d)) stack.addAll(ALLOWED.get(d));
            }
        }
    }

    @Test
    void modulesUseOnlyTheModulesBelowThem() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JavaClasses> e : MODULES.entrySet()) {
            String module = e.getKey();
            for (JavaClass c : e.getValue()) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = OWNER.get(d.getTargetClass().getName());
                    if (target != null && !target.equals(module) && !ALLOWED.get(module).contains(target)) {
                        violations.add(module + " -> " + target + ": " + d.getDescription());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " forbidden module dependencies: "
                + violations.subList(0, Math.min(10, violations.size())));
    }

    @Test
    void headlessModulesNeverImportJavaFx() {
        for (String headless : List.of("compiler-engine", "npu-simulator", "samples", "test-support", "sweep-spark")) {
            noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                    .because(headless + " runs headless (CLI, tests, servers)").check(MODULES.get(headless));
        }
    }

    @Test
    void onlySweepSparkUsesSpark() {
        for (Map.Entry<String, JavaClasses> e : MODULES.entrySet()) {
            if (e.getKey().equals("sweep-spark")) continue;
            noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
                    .because("Spark is large and only the sweep-spark job needs it; the IDE and CLI must not carry it")
                    .check(e.getValue());
        }
        // ...and the rule can fail: the Spark job does reference Spark.
        assertTrue(MODULES.get("sweep-spark").stream().anyMatch(c -> c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.apache.spark"))), "sweep-spark references no Spark class");
    }

    @Test
    void theCliClasspathHasNoSpark() {
        // e2e's classpath is the app's runtime classpath plus sweep-spark without its provided Spark.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
    }

    @Test
    void headlessPackagesInsideGuiModulesNeverImportJavaFx() {
        for (String pkg : HEADLESS_PACKAGES_IN_GUI_MODULES) {
            int classes = 0;
            for (String module : List.of("graph-view", "profiler", "partition-editor", "app")) {
                JavaClasses inPkg = MODULES.get(module).that(JavaClass.Predicates.resideInAPackage(pkg));
                classes += inPkg.size();
                // Each package lives in one module, so it is empty in the others; the count below guards the whole.
                noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAPackage("javafx..")
                        .allowEmptyShould(true).check(MODULES.get(module));
            }
            assertTrue(classes > 0, "no classes in " + pkg + ": renamed or moved? the rule would check nothing");
        }
    }
}
