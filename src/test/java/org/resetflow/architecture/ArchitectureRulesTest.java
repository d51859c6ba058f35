package org.resetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The packages form layers that point one way, without cycles, and Camunda's internals stay behind one seam. */
class ArchitectureRulesTest {

    private static final JavaClasses RESETFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Architecture.ROOT);

    /** A statement on one of Camunda's own tables: runtime, history, repository, general or identity. */
    private static final Pattern CAMUNDA_TABLE = Pattern.compile("\\bACT_(RU|HI|RE|GE|ID)_[A-Z_]+");

    @Test
    void noTwoPackagesDependOnEachOther() {
        Architecture.noPackageCycles(Architecture.ROOT).check(RESETFLOW);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        Architecture.layersPointDown(Architecture.ROOT).check(RESETFLOW);
    }

    @Test
    void onlyTheCamundaSeamUsesTheEnginesInternalApi() {
        Architecture.engineInternalsOnlyInTheSeam(Architecture.ROOT).check(RESETFLOW);
    }

    @Test
    void onlyTheCamundaSeamNamesCamundasTables() throws IOException {
        Path seam = Path.of("src/main/java/org/resetflow/camunda");
        Path seamResources = Path.of("src/main/resources/org/resetflow/camunda");
        List<String> outside;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            outside = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".xml"))
                    .filter(file -> !file.startsWith(seam) && !file.startsWith(seamResources))
                    .filter(ArchitectureRulesTest::namesACamundaTable)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(outside).as("files outside the camunda package that name Camunda's ACT_* tables").isEmpty();
    }

    private static boolean namesACamundaTable(Path file) {
        try {
            return CAMUNDA_TABLE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each rule fails on a fixture that breaks it: the rules are not vacuous. */
    @Nested
    class WouldFail {

        private static final String FIXTURES = "org.resetflow.architecture.fixture";

        private JavaClasses fixture(String name) {
            return new ClassFileImporter().importPackages(FIXTURES + "." + name);
        }

        @Test
        void onTwoPackagesThatImportEachOther() {
            assertThatThrownBy(() -> Architecture.noPackageCycles(FIXTURES + ".cycle").check(fixture("cycle")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Cycle detected").hasMessageContaining("alpha").hasMessageContaining("beta");
        }

        @Test
        void onAnAdapterThatImportsAFeatureOrTheApi() {
            assertThatThrownBy(() -> Architecture.layersPointDown(FIXTURES + ".upward").check(fixture("upward")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("DirectoryThatKnowsTheJourney");
        }

        @Test
        void onAFeatureThatUsesTheEnginesInternals() {
            assertThatThrownBy(() -> Architecture.engineInternalsOnlyInTheSeam(FIXTURES + ".internals").check(fixture("internals")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("DelegateThatReachesIntoTheEngine");
        }
    }
}
