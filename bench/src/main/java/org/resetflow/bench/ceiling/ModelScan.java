package org.resetflow.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What ResetFlow's models ask of the Spring context and of the process variables, read from the models themselves so
 * that the ceiling follows them when they change: the beans named by {@code camunda:delegateExpression} (each gets a
 * no-op stand-in), the beans whose properties expressions read, such as {@code ${journeySettings.idleTimeout}} (each
 * gets a stand-in with those properties, valued by where they are used: a timer, a retry cycle, a candidate group),
 * the variables each process reads (its own expressions, its {@code camunda:in} sources and the decisions it
 * evaluates), and the fields of each form. Whatever the ceiling cannot stand in for is a {@link #problems() problem}.
 */
final class ModelScan {

    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    /** Names the engine itself puts in an expression's reach. */
    private static final Set<String> BUILT_INS = Set.of("execution", "task", "externalTask", "caseExecution", "decisionResult",
            "authenticatedUserId", "variableScope", "connector");
    private static final Set<String> FUNCTIONS = Set.of("dateTime", "now", "currentUser", "currentUserGroups");
    private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "div", "mod",
            "eq", "ne", "lt", "gt", "le", "ge", "instanceof");
    /**
     * A settings property's stand-in value, by where the models use it: a duration longer than any journey of the
     * run (the product's idle and code timers are 10 to 15 minutes), the engine's default retry cycle, a staff group,
     * a staff task's due and follow-up date as a duration from its creation (as the product's settings give them).
     */
    private static final Map<String, String> SETTING_BY_USE = Map.of(
            "timeDuration", "PT15M",
            "timeCycle", "R1/PT15M",
            "failedJobRetryTimeCycle", "R3/PT10S",
            "candidateGroups", "ceiling-staff",
            "candidateUsers", "ceiling-staff",
            "assignee", "ceiling-staff",
            "dueDate", "PT15M",
            "followUpDate", "PT15M");

    /** Elements for readers, which may quote an expression without running it. */
    private static final Set<String> PROSE = Set.of("documentation", "description", "textAnnotation");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern BEAN_ONLY = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*}\\s*");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Local)?\\(\\s*(?:'([^']*)'|\"([^\"]*)\")");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    /**
     * The product's {@code journeyFacts} bean, which the models use to read and record the journey's facts on the
     * journey's own process instance from a process it calls; the ceiling runs its {@link JourneyFactsStandIn}.
     */
    static final String JOURNEY_FACTS_BEAN = "journeyFacts";
    private static final Set<String> JOURNEY_FACTS_METHODS = Set.of("of", "isTrue", "set");
    private static final Pattern JOURNEY_FACT = Pattern.compile(
            "journeyFacts\\s*\\.\\s*(of|isTrue|set)\\s*\\(\\s*execution\\s*,\\s*'([^']*)'");

    /** A form field the driver must fill. */
    record Field(String key, boolean required) {
    }

    private final Set<String> variables;
    private final Set<String> delegateBeans = new TreeSet<>();
    private final Map<String, Map<String, String>> settingsBeans = new TreeMap<>();
    private final Map<String, Set<String>> readsByProcess = new TreeMap<>();
    private final Map<String, Set<String>> readsByDecision = new TreeMap<>();
    private final Map<String, Set<String>> decisionsByProcess = new TreeMap<>();
    private final Map<String, List<Field>> forms = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    /** The journey facts that called processes read through {@code journeyFacts}, from the journey's own instance. */
    private final Set<String> journeyReads = new TreeSet<>();
    private boolean journeyFactsUsed;

    /**
     * @param variables names the ceiling supplies as process variables ({@link JourneyFacts}): {@code x.y} and
     *                  {@code x.m()} on one of them read a variable, not a bean
     */
    private ModelScan(Set<String> variables) {
        this.variables = variables;
    }

    static ModelScan of(ProductModels models, Set<String> variables) {
        ModelScan scan = new ModelScan(variables);
        models.withSuffix(".dmn").forEach(scan::scanDecisions);
        models.withSuffix(".bpmn").forEach(scan::scanProcesses);
        models.withSuffix(".form").forEach(scan::scanForm);
        scan.decisionsByProcess.forEach((process, decisions) -> decisions.forEach(decision ->
                scan.readsByProcess.computeIfAbsent(process, p -> new TreeSet<>()).addAll(scan.readsByDecision.getOrDefault(decision, Set.of()))));
        return scan;
    }

    Set<String> delegateBeans() {
        return delegateBeans;
    }

    /** Bean name to its properties and their stand-in values. */
    Map<String, Map<String, String>> settingsBeans() {
        return settingsBeans;
    }

    /** The variables each process (by key) reads, its decisions' inputs included. */
    /** Whether the models name {@code journeyFacts}. */
    boolean journeyFactsUsed() {
        return journeyFactsUsed;
    }

    /** The journey facts that called processes read from the journey's own instance. */
    Set<String> journeyReads() {
        return journeyReads;
    }

    Map<String, Set<String>> readsByProcess() {
        return readsByProcess;
    }

    /** Form id to its fields. */
    Map<String, List<Field>> forms() {
        return forms;
    }

    List<String> problems() {
        return problems;
    }

    /** Fails, naming every one, when the models name something the ceiling cannot stand in for. */
    ModelScan check() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The ceiling cannot stand in for what ResetFlow's models name (bench/src/main/java/"
                    + "org/resetflow/bench/ceiling/ModelScan.java and JourneyFacts.java say what it can):\n  - "
                    + String.join("\n  - ", problems));
        }
        return this;
    }

    private void scanProcesses(String resource, byte[] xml) {
        scan(resource, xml, "process", readsByProcess);
    }

    /** Walks each top-level {@code element} (a process, a decision) and records what it reads under its id. */
    private void scan(String resource, byte[] xml, String element, Map<String, Set<String>> readsById) {
        for (Element found : children(parse(resource, xml), element)) {
            String id = found.getAttribute("id");
            walk(found, resource, id, readsById.computeIfAbsent(id, k -> new TreeSet<>()));
        }
    }

    /** @param where the file, the process and the nearest element with an id, for a problem's message */
    private void walk(Element element, String where, String processKey, Set<String> reads) {
        String at = where + " <" + element.getLocalName() + (element.hasAttribute("id") ? " id=\"" + element.getAttribute("id") + "\"" : "") + ">";
        String within = element.hasAttribute("id") ? at : where;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            boolean camunda = CAMUNDA_BPMN.equals(attribute.getNamespaceURI());
            if (camunda && name.equals("delegateExpression")) {
                Matcher bean = BEAN_ONLY.matcher(value);
                if (bean.matches()) {
                    delegateBeans.add(bean.group(1));
                } else {
                    problems.add(at + ": delegateExpression " + value + " is not a bean name");
                }
            } else if (camunda && name.equals("class")) {
                problems.add(at + ": camunda:class " + value + " (only beans are stood in for)");
            } else if (camunda && name.equals("type") && value.equals("external")) {
                problems.add(at + ": an external task (nothing in the ceiling would work on it)");
            } else if (camunda && name.equals("decisionRef") && !value.contains("{")) {
                decisionsByProcess.computeIfAbsent(processKey, k -> new TreeSet<>()).add(value);
            } else if (name.equals("source") && CAMUNDA_BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("in")) {
                reads.add(value);
            } else if (value.contains("{")) {
                expressions(value, name, at, reads);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue();
                if (text.contains("{")) {
                    expressions(text, element.getLocalName(), at, reads);
                }
            } else if (child instanceof Element nested && isRun(nested, at)) {
                walk(nested, within, processKey, outMappingReads(element, nested, reads));
            }
        }
    }

    /** Whether the engine runs what an element holds: not a text for readers, not extension properties (read by Java). */
    private boolean isRun(Element element, String at) {
        if (CAMUNDA_BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("field")) {
            problems.add(at + ": <camunda:field name=\"" + element.getAttribute("name") + "\">, a field injected into a bean, which a no-op stand-in cannot take");
            return false;
        }
        return !PROSE.contains(element.getLocalName())
                && !(CAMUNDA_BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("properties"));
    }

    /** A call activity's {@code camunda:out} mappings read the called process's variables, not the caller's. */
    private Set<String> outMappingReads(Element parent, Element child, Set<String> reads) {
        if (!"extensionElements".equals(child.getLocalName()) || !"callActivity".equals(parent.getLocalName())) {
            return reads;
        }
        String called = parent.getAttribute("calledElement");
        if (called.isEmpty() || called.contains("{")) {
            return reads;
        }
        Set<String> calledReads = readsByProcess.computeIfAbsent(called, k -> new TreeSet<>());
        for (Element out : children(child, "out")) {
            if (CAMUNDA_BPMN.equals(out.getNamespaceURI()) && out.hasAttribute("source")) {
                calledReads.add(out.getAttribute("source"));
            }
        }
        return reads;
    }

    private void scanDecisions(String resource, byte[] xml) {
        scan(resource, xml, "decision", readsByDecision);
    }

    private void scanForm(String resource, byte[] json) {
        try {
            JsonNode form = new ObjectMapper().readTree(json);
            List<Field> fields = new ArrayList<>();
            collectFields(form, fields);
            forms.put(form.path("id").asText(resource), List.copyOf(fields));
        } catch (IOException e) {
            problems.add(resource + ": not a form (" + e.getMessage() + ")");
        }
    }

    private static void collectFields(JsonNode container, List<Field> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("key").asText().isEmpty()) {
                fields.add(new Field(component.path("key").asText(), component.path("validate").path("required").asBoolean(false)));
            }
            collectFields(component, fields);
        }
    }

    /** Every {@code ${...}} in a text: the variables it reads, the settings it reads, the calls it makes. */
    private void expressions(String text, String use, String at, Set<String> reads) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher named = GET_VARIABLE.matcher(expression.group(1));
            while (named.find()) {
                reads.add(named.group(1) != null ? named.group(1) : named.group(2));
            }
            Matcher fact = JOURNEY_FACT.matcher(expression.group(1));
            while (fact.find()) {
                if (!"set".equals(fact.group(1))) {
                    journeyReads.add(fact.group(2));
                }
            }
            String body = STRING_LITERAL.matcher(expression.group(1)).replaceAll(" 0 ");
            Matcher identifier = IDENTIFIER.matcher(body);
            while (identifier.find()) {
                String name = identifier.group();
                boolean insideNumber = identifier.start() > 0 && Character.isLetterOrDigit(body.charAt(identifier.start() - 1));
                if (EL_KEYWORDS.contains(name) || insideNumber || previousNonBlank(body, identifier.start()) == '.') {
                    continue;
                }
                int after = skipBlanks(body, identifier.end());
                char next = after < body.length() ? body.charAt(after) : 0;
                if (BUILT_INS.contains(name)) {
                    continue;
                }
                if (next == '(') {
                    if (!FUNCTIONS.contains(name)) {
                        problems.add(at + ": " + expression.group() + " calls " + name + "()");
                    }
                    continue;
                }
                if (next != '.' || variables.contains(name)) {
                    reads.add(name);
                    continue;
                }
                Matcher member = IDENTIFIER.matcher(body);
                int memberStart = skipBlanks(body, after + 1);
                if (!member.find(memberStart) || member.start() != memberStart) {
                    problems.add(at + ": " + expression.group() + " (cannot read it)");
                    continue;
                }
                int afterMember = skipBlanks(body, member.end());
                if (afterMember < body.length() && body.charAt(afterMember) == '(') {
                    if (JOURNEY_FACTS_BEAN.equals(name) && JOURNEY_FACTS_METHODS.contains(member.group())) {
                        journeyFactsUsed = true;
                        continue;
                    }
                    problems.add(at + ": " + expression.group() + " calls " + name + "." + member.group() + "(), a bean's method");
                    continue;
                }
                setting(name, member.group(), use, at, expression.group());
            }
        }
    }

    private void setting(String bean, String property, String use, String at, String expression) {
        String value = SETTING_BY_USE.get(use);
        if (value == null) {
            problems.add(at + ": " + expression + " reads a setting where no stand-in value is known (" + use + ")");
            return;
        }
        Map<String, String> properties = settingsBeans.computeIfAbsent(bean, b -> new TreeMap<>());
        String before = properties.putIfAbsent(property, value);
        if (before != null && !before.equals(value)) {
            problems.add(at + ": " + expression + " is used both as " + before + " and as " + value);
        }
    }

    private static char previousNonBlank(String text, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static int skipBlanks(String text, int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Element parse(String resource, byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse " + resource + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** For the log: what the scan found. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("delegateBeans", delegateBeans);
        summary.put("settingsBeans", settingsBeans);
        summary.put("forms", forms.keySet());
        return summary;
    }
}
