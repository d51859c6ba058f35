package org.resetflow.camunda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a model declares about its steps for the Java around the engine, as {@code camunda:properties} on the step
 * (for instance {@code directoryWrite=true} on a task that writes to a directory): the engine keeps them on the
 * parsed activity for external tasks only, this plugin for every task (user tasks too), call and end event, so that a step's
 * properties are at hand when it runs.
 */
@Component
public class ModelProperties extends AbstractProcessEnginePlugin {

    private static final String MODELS = "classpath*:processes/*.bpmn";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }

            @Override
            public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                keep(element, activity);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private static void keep(Element element, ActivityImpl activity) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return;
        }
        Map<String, String> declared = new HashMap<>();
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            declared.put(property.attribute("name"), property.attribute("value"));
        }
        activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES, Collections.unmodifiableMap(declared));
    }

    /** The value a step declares for {@code name}, or null; within an engine command. */
    public static String of(String processDefinitionId, String activityId, String name) {
        if (processDefinitionId == null || activityId == null || Context.getProcessEngineConfiguration() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        ActivityImpl activity = definition == null ? null : definition.findActivity(activityId);
        if (activity == null) {
            return null;
        }
        Map<String, String> declared = activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
        return declared == null ? null : declared.get(name);
    }

    /**
     * The ids of the steps that declare {@code name=value} in the models packaged with the application
     * ({@code processes/*.bpmn}, the ones deployed at every start), for readers outside an engine command. The models
     * are read once, at the first question.
     */
    public static SortedSet<String> stepsDeclaring(String name, String value) {
        SortedSet<String> steps = new TreeSet<>();
        for (Declaration declaration : Packaged.DECLARATIONS) {
            if (name.equals(declaration.name()) && value.equals(declaration.value())) {
                steps.add(declaration.step());
            }
        }
        return Collections.unmodifiableSortedSet(steps);
    }

    /**
     * The values the steps of the packaged models declare for {@code name}, by step id, for checks at start-up.
     */
    public static SortedMap<String, String> declared(String name) {
        SortedMap<String, String> declared = new TreeMap<>();
        for (Declaration declaration : Packaged.DECLARATIONS) {
            if (name.equals(declaration.name())) {
                declared.put(declaration.step(), declaration.value());
            }
        }
        return Collections.unmodifiableSortedMap(declared);
    }

    /** One {@code camunda:property} of a step of a packaged model. */
    private record Declaration(String step, String name, String value) {
    }

    /** The packaged models' declarations, read when first needed. */
    private static final class Packaged {

        static final List<Declaration> DECLARATIONS = read();

        private static List<Declaration> read() {
            List<Declaration> declarations = new ArrayList<>();
            try {
                for (Resource model : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
                    try (InputStream in = model.getInputStream()) {
                        for (CamundaProperty property : Bpmn.readModelFromStream(in).getModelElementsByType(CamundaProperty.class)) {
                            ModelElementInstance owner = property.getParentElement();
                            while (owner != null && !(owner instanceof FlowNode)) {
                                owner = owner.getParentElement();
                            }
                            if (owner != null) {
                                declarations.add(new Declaration(((FlowNode) owner).getId(), property.getCamundaName(),
                                        property.getCamundaValue()));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The models in " + MODELS + " cannot be read", e);
            }
            return List.copyOf(declarations);
        }
    }
}
