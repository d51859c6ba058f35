package org.resetflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of docs/architecture.md, for the packages below a root: ResetFlow's own ({@code org.resetflow}), or
 * a fixture's that breaks one of them on purpose, which shows that the rule would catch it.
 */
final class Architecture {

    static final String ROOT = "org.resetflow";

    private Architecture() {
    }

    /** No two top-level packages depend on each other, directly or through others. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a change to one package must not ripple back into itself (docs/architecture.md)");
    }

    /**
     * Dependencies point down: wiring → portal → journey API → audit → features → engine plumbing → adapters →
     * shared vocabulary. The engine plumbing and the adapters never import a feature; no adapter imports the engine.
     */
    static ArchRule layersPointDown(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy(root + ".config..", root + ".demo..")
                .layer("Portal").definedBy(root + ".portal..")
                .layer("Journey API").definedBy(root + ".journey..")
                .layer("Audit").definedBy(root + ".audit..")
                .layer("Features").definedBy(root + ".accountchange..", root + ".eligibility..", root + ".escalation..",
                        root + ".notification..", root + ".notme..", root + ".passwordpolicy..", root + ".registration..", root + ".staff..",
                        root + ".verification..")
                .layer("Engine plumbing").definedBy(root + ".engine..", root + ".camunda..")
                .layer("Adapters").definedBy(root + ".channel..", root + ".directory..", root + ".recoveryinfo..",
                        root + ".secret..", root + ".throttling..")
                .layer("Shared vocabulary").definedBy(root + ".shared..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Portal").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Journey API").mayOnlyBeAccessedByLayers("Portal", "Wiring")
                .whereLayer("Audit").mayOnlyBeAccessedByLayers("Journey API", "Portal", "Wiring")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Features", "Audit", "Journey API", "Portal", "Wiring")
                .whereLayer("Engine plumbing").mayOnlyBeAccessedByLayers("Engine plumbing", "Features", "Audit", "Journey API",
                        "Portal", "Wiring")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Adapters", "Features", "Audit", "Journey API", "Portal", "Wiring")
                .because("adapters and the engine plumbing know nothing of the features that use them (docs/architecture.md)");
    }

    /** Camunda's internal API is used in one package only, which a Camunda upgrade re-checks. */
    static ArchRule engineInternalsOnlyInTheSeam(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".camunda..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("every use of Camunda's internals lives in " + root + ".camunda (docs/camunda-internals.md)");
    }
}
