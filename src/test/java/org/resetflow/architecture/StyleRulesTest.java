package org.resetflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.beans.Introspector;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The habits of STYLE.md that a machine can check: thin delegates named after their task, and Camunda kept at the edges. */
class StyleRulesTest {

    private static final String CAMUNDA_NAMESPACE = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private static final JavaClasses RESETFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.resetflow");

    /** A delegate and whatever the compiler made of its inside (lambdas, nested records). */
    private static final DescribedPredicate<JavaClass> A_DELEGATE_OR_PART_OF_ONE =
            DescribedPredicate.describe("a *Delegate class or part of one", javaClass -> topLevel(javaClass).getSimpleName().endsWith("Delegate"));

    @Test
    void delegatesAreJavaDelegateComponentsWithABeanNameEndingInDelegate() {
        classes().that().resideInAPackage("org.resetflow..").and().haveSimpleNameEndingWith("Delegate")
                .should().implement(JavaDelegate.class)
                .andShould().beAnnotatedWith(Component.class)
                .andShould(haveABeanNameEndingInDelegate())
                .check(RESETFLOW);
    }

    @Test
    void everyJavaDelegateIsNamedAfterItsTask() {
        classes().that().resideInAPackage("org.resetflow..").and().implement(JavaDelegate.class)
                .should().haveSimpleNameEndingWith("Delegate")
                .check(RESETFLOW);
    }

    @Test
    void nothingWritesToStandardOutOrStandardError() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(RESETFLOW);
    }

    @Test
    void onlyTheEngineEdgesDependOnCamunda() {
        noClasses().that().resideInAPackage("org.resetflow..")
                // staff: the directory as Camunda's identity provider, its authorisations and sign-in; audit: Cockpit's plugin
                .and().resideOutsideOfPackages("org.resetflow.engine..", "org.resetflow.camunda..", "org.resetflow.journey..", "org.resetflow.demo..", "org.resetflow.config..",
                        "org.resetflow.staff..", "org.resetflow.audit..")
                .and(DescribedPredicate.not(A_DELEGATE_OR_PART_OF_ONE))
                // What a failed proof does ends the step with a BPMN error: it is part of the delegates that call it.
                .and().doNotHaveFullyQualifiedName("org.resetflow.verification.FailedProofs")
                // The handover of a temporary password looks the escalation up in the engine's history.
                .and().doNotHaveFullyQualifiedName("org.resetflow.escalation.EscalationHandovers")
                // The Tasklist filter for the helpdesk is engine configuration.
                .and().doNotHaveFullyQualifiedName("org.resetflow.escalation.HelpdeskTaskFilter")
                // The audit's Cockpit plugin is an extension of Camunda's webapp and reads the engine's history.
                .and().resideOutsideOfPackage("org.resetflow.audit.cockpit..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the domain services know nothing of Camunda; delegates translate between process variables and them")
                .check(RESETFLOW);
    }

    @Test
    void everyDelegateExpressionOfTheModelsNamesADelegateBean() throws Exception {
        Map<String, JavaClass> beans = delegateBeans();
        Set<String> named = delegateExpressions();

        assertThat(named).isNotEmpty();
        for (String name : named) {
            assertThat(beans).as("a @Component(\"%s\") JavaDelegate for ${%s} in processes/", name, name).containsKey(name);
        }
        assertThat(named).as("delegates that no model uses").containsAll(beans.keySet());
    }

    private static Map<String, JavaClass> delegateBeans() {
        Map<String, JavaClass> beans = new TreeMap<>();
        for (JavaClass javaClass : RESETFLOW) {
            if (javaClass.isAssignableTo(JavaDelegate.class)) {
                beanName(javaClass).ifPresent(name -> beans.put(name, javaClass));
            }
        }
        return beans;
    }

    private static Set<String> delegateExpressions() throws Exception {
        Set<String> names = new TreeSet<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(model)) {
                    NodeList all = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "*");
                    for (int i = 0; i < all.getLength(); i++) {
                        String expression = ((Element) all.item(i)).getAttributeNS(CAMUNDA_NAMESPACE, "delegateExpression");
                        if (!expression.isEmpty()) {
                            Matcher bean = BEAN_EXPRESSION.matcher(expression);
                            assertThat(bean.matches()).as("%s: %s names a bean", model, expression).isTrue();
                            names.add(bean.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static Optional<String> beanName(JavaClass javaClass) {
        return javaClass.tryGetAnnotationOfType(Component.class)
                .map(component -> component.value().isEmpty() ? Introspector.decapitalize(javaClass.getSimpleName()) : component.value());
    }

    private static ArchCondition<JavaClass> haveABeanNameEndingInDelegate() {
        return new ArchCondition<>("have a bean name ending in Delegate") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> name = beanName(javaClass);
                boolean satisfied = name.map(n -> n.endsWith("Delegate")).orElse(false);
                events.add(new SimpleConditionEvent(javaClass, satisfied,
                        javaClass.getName() + " has the bean name " + name.orElse("(none)")));
            }
        };
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
