package org.npustudio.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
    }

    /** Packages that must stay free of JavaFX even inside GUI modules (layout engine, profiler data side, partition editing model). */
    static final List<String> HEADLESS_PACKAGES_IN_GUI_MODULES = List.of("org.npustudio.graphview.layout..", "org.npustudio.graphview.scene..",
            "org.npustudio.graphview.diff..", "org.npustudio.profiler.data..", "org.npustudio.partition.editor.model..",
            "org.npustudio.partition.editor.overlay..");

    static final Map<String, JavaClasses> MODULES = new LinkedHashMap<>();
    static final Map<String, String> OWNER = new HashMap<>();

    @BeforeAll
    static void importModules() {
        Path root = Path.of(System.getProperty("npustudio.root", ".."));
        for (String module : ALLOWED.keySet()) {
            Path classes = root.resolve(module).resolve("target/classes");
            JavaClasses jc = Files.isDirectory(classes) ? new ClassFileImporter().importPath(classes) : new ClassFileImporter().importClasses();
            MODULES.put(module, jc);
            for (JavaClass c : jc) OWNER.put(c.getName(), module);
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
        for (String headless : List.of("compiler-engine", "npu-simulator", "samples")) {
            noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                    .allowEmptyShould(true)
                    .because(headless + " runs headless (CLI, tests, servers)").check(MODULES.get(headless));
        }
    }

    @Test
    void headlessPackagesInsideGuiModulesNeverImportJavaFx() {
        for (String pkg : HEADLESS_PACKAGES_IN_GUI_MODULES) {
            for (String module : List.of("graph-view", "profiler", "partition-editor")) {
                noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAPackage("javafx..")
                        .allowEmptyShould(true).check(MODULES.get(module));
            }
        }
    }
}
