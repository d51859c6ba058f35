package org.resetflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.audit.AuditLog;
import org.resetflow.camunda.DirectoryWriteIncidents;
import org.resetflow.camunda.EngineCommands;
import org.resetflow.camunda.JourneyLookups;
import org.resetflow.camunda.JourneySignals;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.EngineProperties;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.StepPreparation;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.resetflow.shared.JourneyKind;
import org.resetflow.shared.JourneyStatus;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.throttling.SelfServiceBlocks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, reads and advances journeys for the public API. It only drives the engine: which step comes next is
 * decided by the models in {@code processes/}. A user-facing step is a user task without candidate groups;
 * tasks for the helpdesk have candidate groups and are never shown here.
 */
@Service
public class JourneyService {

    private static final int MAX_USERNAME_LENGTH = 256;

    /** What the answer about a journey that no longer waits for its user is made of, read from the history at once. */
    private static final String[] END_FACTS = {Vars.OUTCOME, EligibilityVariables.RECONFIRMATION_DUE, EligibilityVariables.ELIGIBILITY_REASON,
            EscalationVariables.REFUSAL_REASON, Vars.ACCOUNT_KEY};

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JourneyLookups lookups;
    private final Flows flows;
    private final StepForms forms;
    private final JourneyTexts texts;
    private final JourneySignals signals;
    private final ProofThrottle throttle;
    private final SelfServiceBlocks blocks;
    private final TransactionTemplate transaction;
    private final EngineProperties engine;
    private final ClientAddresses clients;
    private final Clock clock;
    private final String node;
    private final EngineCommands commands;
    private final StepPreparations preparations;
    private final StepDisplays displays;
    private final HandOvers handOvers;

    JourneyService(EngineCommands commands, RuntimeService runtime, TaskService tasks,
                   ManagementService management, JourneyLookups lookups, Flows flows, StepForms forms, JourneyTexts texts, JourneySignals signals, ProofThrottle throttle,
                   SelfServiceBlocks blocks, TransactionTemplate transaction, EngineProperties engine, ClientAddresses clients, Clock clock, AuditLog audit,
                   StepPreparations preparations, StepDisplays displays, HandOvers handOvers) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.lookups = lookups;
        this.flows = flows;
        this.forms = forms;
        this.texts = texts;
        this.signals = signals;
        this.throttle = throttle;
        this.blocks = blocks;
        this.transaction = transaction;
        this.engine = engine;
        this.clients = clients;
        this.clock = clock;
        this.node = audit.node();
        this.commands = commands;
        this.preparations = preparations;
        this.displays = displays;
        this.handOvers = handOvers;
    }

    /** Starts a journey for a username as typed; counts towards the client's limit of starts. */
    public FlowView start(JourneyKind kind, String typedUsername, String clientAddress, Locale locale) {
        String username = checkedUsername(typedUsername);
        clients.checkStart(clientAddress);
        Flows.NewFlow newFlow = flows.allocate();
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.USERNAME, username)
                .putValue(Vars.CLIENT_ADDRESS, clientAddress)
                .putValue(Vars.LOCALE, locale.toLanguageTag())
                .putValue(Vars.JOURNEY, kind.variableValue())
                .putValue(Vars.REQUESTED_AT, clock.instant().toString())
                .putValue(Vars.NODE, node);
        Flows.Flow flow = transaction.execute(status -> {
            ProcessInstance instance = runtime.startProcessInstanceByKey(kind.processKey(), newFlow.flowId(), variables);
            flows.save(newFlow, kind, instance.getId());
            return new Flows.Flow(newFlow.flowId(), kind, instance.getId());
        });
        return view(flow, settle(flow), locale).withToken(newFlow.token());
    }

    public FlowView read(JourneyKind kind, String flowId, String token, Locale locale) {
        return view(find(kind, flowId, token), locale);
    }

    public FlowView submit(JourneyKind kind, String flowId, String token, String stepKey, JsonNode values, Locale locale) {
        Flows.Flow flow = find(kind, flowId, token);
        Task task = requesterTask(flow.flowId());
        if (task == null || !task.getTaskDefinitionKey().equals(stepKey)) {
            throw new JourneyExceptions.StaleStep(view(flow, task == null ? null : Look.waitingAt(task), locale));
        }
        StepInput input;
        try {
            // one engine command: the task, its execution and its variables are read once, for the check and the completion
            Submission submission = commands.inOneCommand(() -> {
                Map<String, Object> variables = commands.taskVariables(task.getId())
                        .orElseThrow(() -> new NullValueException("The step was completed meanwhile"));
                JsonNode form = forms.resolve(forms.deployedForm(task), displays.withDisplay(task, variables), locale);
                StepInput checked = StepInput.check(values, form, variables, forms);
                if (!checked.valid()) {
                    return new Submission(checked, Set.of(), null);
                }
                Optional<StepPreparation> preparation = preparations.of(task);
                if (preparation.isEmpty()) {
                    tasks.complete(task.getId(), checked.asTransientVariables());
                    return new Submission(checked, Set.of(), null);
                }
                StepPreparation.Work work = preparation.get().prepare(new PreparedStep(flow, task, variables, checked));
                return new Submission(checked, StepForms.fields(form).keySet(), work);
            });
            input = submission.input();
            if (submission.work() != null) {
                completePrepared(task, submission);
            }
        } catch (NullValueException | OptimisticLockingException | org.camunda.bpm.engine.exception.NotFoundException alreadyTaken) {
            throw new JourneyExceptions.StaleStep(view(flow, locale));
        }
        if (!input.valid()) {
            throw new JourneyExceptions.InvalidInput(input.errors());
        }
        FlowView view = view(flow, settle(flow), locale);
        if (view.hasErrorsAt(stepKey)) {
            throw new JourneyExceptions.StepRejected(view);
        }
        return view;
    }

    /** A step's checked input; for a step with a preparation, its form's fields and the work to do before it completes. */
    private record Submission(StepInput input, Set<String> formFields, StepPreparation.Work work) {
    }

    /**
     * The slow part of a step (hashing security answers), then the task's completion with its result, each on its own:
     * no transaction is open and no connection held while the work waits for its turn and runs. When the work cannot
     * be done now, the step is refused with "try again" and nothing of the journey changed.
     */
    private void completePrepared(Task task, Submission submission) {
        Map<String, String> prepared;
        try {
            prepared = submission.work().run();
        } catch (StepPreparation.Busy busy) {
            throw new JourneyExceptions.TryAgain(busy.retryAfter().toSeconds(), busy);
        }
        VariableMap variables = submission.input().asTransientVariables();
        prepared.forEach((name, value) -> {
            if (submission.formFields().contains(name)) {
                throw new IllegalStateException("The preparation of " + task.getTaskDefinitionKey() + " sets " + name
                        + ", which is a field of its form: only the server may set it");
            }
            variables.putValueTyped(name, Variables.stringValue(value, true));
        });
        tasks.complete(task.getId(), variables);
        submission.work().completed();
    }

    /** What a preparation reads of the step, inside the command that checked the input. */
    private final class PreparedStep implements StepPreparation.Step {

        private final Flows.Flow flow;
        private final Task task;
        private final Map<String, Object> variables;
        private final StepInput input;

        PreparedStep(Flows.Flow flow, Task task, Map<String, Object> variables, StepInput input) {
            this.flow = flow;
            this.task = task;
            this.variables = variables;
            this.input = input;
        }

        @Override
        public String processInstanceId() {
            return task.getProcessInstanceId();
        }

        @Override
        public Object input(String key) {
            return input.value(key);
        }

        @Override
        public Object variable(String name) {
            return variables.get(name);
        }

        @Override
        public Object journeyFact(String name) {
            return runtime.getVariable(flow.processInstanceId(), name);
        }
    }

    private static String checkedUsername(String typed) {
        FieldErrors errors = new FieldErrors();
        if (typed == null || typed.isBlank()) {
            errors.add("username", "REQUIRED");
        } else if (typed.length() > MAX_USERNAME_LENGTH) {
            errors.add("username", "TOO_LONG:" + MAX_USERNAME_LENGTH);
        } else if (typed.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("username", "CONTROL_CHARACTERS");
        } else if (!StepInput.isWellFormed(typed)) {
            errors.add("username", "MALFORMED_TEXT");
        }
        if (!errors.isEmpty()) {
            throw new JourneyExceptions.InvalidInput(errors);
        }
        return typed.trim();
    }

    private Flows.Flow find(JourneyKind kind, String flowId, String token) {
        return flows.find(kind, flowId, token).orElseThrow(JourneyExceptions.FlowNotFound::new);
    }

    private Task requesterTask(String flowId) {
        return lookups.requesterTask(flowId);
    }

    /**
     * Waits until the journey rests: at a user-facing step, with its outcome decided (what follows, such as telling
     * the user by email, goes on in the background), or with nothing for the job executor to do right now (only
     * timers, helpdesk tasks or retries later). Bounded by the settle timeout.
     *
     * <p>Between looks it waits for this node's engine to say that the journey moved ({@link JourneySignals}), and
     * looks again every settle-recheck without being told: in a cluster another node may run the journey's jobs,
     * and a signal only ever says when to look, never what is there. An answer found that way is counted
     * ({@link HandOvers}).
     *
     * @return the last look when it found the journey at a step or with its outcome, for the answer to start from;
     *         null when nothing was runnable or the time was up, and the answer must look afresh
     */
    private Look settle(Flows.Flow flow) {
        // watching before looking: a move committed after the look wakes the wait
        try (JourneySignals.Watch watch = signals.watch(flow.flowId())) {
            return Settling.until(() -> look(flow), Look::atRest, () -> hasRunnableJobs(flow), watch::await, clock,
                    engine.settleTimeout(), engine.settleRecheck(), handOvers::count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the engine has work for the journey right now, in any of its process instances. */
    private boolean hasRunnableJobs(Flows.Flow flow) {
        return lookups.hasRunnableJobs(flow.flowId());
    }

    /**
     * What the user is told while the engine works on the journey, true at this moment: {@code working}, or, when a
     * step has failed, {@code pending} while it is being retried, {@code pending.helpdesk} once a directory write has
     * used up its retries (the helpdesk then has a task about it), {@code pending.stalled} when another step has
     * (an incident for the operators, no helpdesk task).
     */
    private String whileBusy(Set<String> instances) {
        List<Job> failing = instances.isEmpty() ? List.of() : management.createJobQuery().processInstanceIds(instances).withException().list();
        if (failing.isEmpty()) {
            return "working";
        }
        List<Job> spent = failing.stream().filter(job -> job.getRetries() == 0).toList();
        if (spent.isEmpty()) {
            return "pending";
        }
        return spent.stream().anyMatch(this::isDirectoryWrite) ? "pending.helpdesk" : "pending.stalled";
    }

    /** Whether the job is a step the models declare a directory write: the incident handler's test for a helpdesk task. */
    private boolean isDirectoryWrite(Job job) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition != null && DirectoryWriteIncidents.directoryWrites().contains(definition.getActivityId());
    }

    /**
     * The journey's running process instances: the models' call activities pass the flow id down as business key.
     * Not a job query by root process instance: the job executor's acquisition clears a job's root process instance
     * id (unless it acquires exclusively over process hierarchies), so exactly the running jobs would be missed.
     */
    private Set<String> instanceIds(Flows.Flow flow) {
        return lookups.instanceIds(flow.flowId());
    }

    /**
     * Where a journey stands, as one look found it: the user's task when it waits at one, otherwise what the history
     * knows of its end ({@link #END_FACTS}, only those that are set).
     */
    private record Look(Task task, Map<String, Object> endFacts) {

        static Look waitingAt(Task task) {
            return new Look(task, Map.of());
        }

        Optional<String> outcome() {
            return Optional.ofNullable(endFacts.get(Vars.OUTCOME)).map(Object::toString);
        }

        boolean atRest() {
            return task != null || outcome().isPresent();
        }
    }

    private Look look(Flows.Flow flow) {
        Task task = requesterTask(flow.flowId());
        return task != null ? Look.waitingAt(task) : new Look(null, endFacts(flow));
    }

    /** From the history, which full history keeps current while the journey runs, and which outlives it. */
    private Map<String, Object> endFacts(Flows.Flow flow) {
        return lookups.facts(flow.processInstanceId(), END_FACTS);
    }

    FlowView view(Flows.Flow flow, Locale locale) {
        return view(flow, null, locale);
    }

    /**
     * The journey's state, from a look just taken or from a new one; read again when the engine moved on while it
     * was being read (a job finished, a double submit).
     */
    private static final int MOVED_ON_RETRIES = 5;

    private FlowView view(Flows.Flow flow, Look known, Locale locale) {
        Look look = known;
        for (int attempt = 1; attempt <= MOVED_ON_RETRIES; attempt++) {
            try {
                Optional<FlowView> view = readView(flow, look != null ? look : look(flow), locale);
                if (view.isPresent()) {
                    return view.get();
                }
            } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException movedOn) {
                // read again
            }
            look = null;
        }
        // it kept moving while read: the user's next look finds it resting
        return new FlowView(flow.flowId(), null, JourneyStatus.ACTIVE, null, List.of(texts.message("working", locale)), List.of());
    }

    /** The journey's state, or nothing when the step it was waiting at was completed while it was being read. */
    private Optional<FlowView> readView(Flows.Flow flow, Look look, Locale locale) {
        Task task = look.task();
        List<FlowView.Message> messages = new ArrayList<>();
        if (task != null) {
            Optional<Map<String, Object>> read = commands.taskVariables(task.getId());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> variables = read.get();
            Object notice = variables.get(Vars.NOTICE);
            if (notice != null) {
                messages.add(texts.message("notice." + notice, locale));
            }
            FlowView.Step step = new FlowView.Step(task.getTaskDefinitionKey(), number(variables.get(Vars.STEP_INDEX)),
                    number(variables.get(Vars.STEP_TOTAL)), forms.resolve(forms.deployedForm(task), displays.withDisplay(task, variables), locale));
            List<FlowView.FieldError> errors = texts.fieldErrors(FieldErrors.decode((String) variables.get(Vars.FIELD_ERRORS)), locale);
            return Optional.of(new FlowView(flow.flowId(), null, JourneyStatus.ACTIVE, step, messages, errors));
        }
        Look ended = look;
        if (look.outcome().isEmpty()) {
            Set<String> instances = instanceIds(flow);
            if (instances.contains(flow.processInstanceId())) {
                messages.add(texts.message(whileBusy(instances), locale));
                return Optional.of(new FlowView(flow.flowId(), null, JourneyStatus.ACTIVE, null, messages, List.of()));
            }
            // it ended after the look was taken: its outcome is in the history now, committed with its end
            ended = new Look(null, endFacts(flow));
        }
        JourneyStatus status = ended.outcome().map(JourneyStatus::valueOf).orElse(JourneyStatus.EXPIRED);
        addEndMessages(flow, status, ended.endFacts(), messages, locale);
        return Optional.of(new FlowView(flow.flowId(), null, status, null, messages, List.of()));
    }

    private void addEndMessages(Flows.Flow flow, JourneyStatus status, Map<String, Object> facts, List<FlowView.Message> messages,
                                Locale locale) {
        switch (status) {
            case COMPLETED -> {
                messages.add(texts.message("completed." + flow.kind().variableValue(), locale));
                if (flow.kind() != JourneyKind.REGISTRATION && Boolean.TRUE.equals(facts.get(EligibilityVariables.RECONFIRMATION_DUE))) {
                    messages.add(texts.message("reconfirm", locale));
                }
            }
            case ESCALATED -> {
                Object reason = facts.getOrDefault(EligibilityVariables.ELIGIBILITY_REASON, "");
                boolean specific = "NO_METHOD_DELIVERED".equals(reason) || "PROTECTED_ACCOUNT".equals(reason)
                        || "STRONG_METHOD_LOST".equals(reason);
                messages.add(texts.message(specific ? "escalated." + reason : "escalated", locale));
                messages.add(texts.helpdesk(locale));
            }
            case REFUSED -> {
                Object reason = facts.get(EscalationVariables.REFUSAL_REASON);
                if (reason != null) {
                    messages.add(texts.message("refused.HELPDESK", locale, reason));
                } else {
                    Object eligibility = facts.getOrDefault(EligibilityVariables.ELIGIBILITY_REASON, "OUT_OF_SCOPE");
                    messages.add(texts.message("refused." + eligibility, locale));
                }
                messages.add(texts.helpdesk(locale));
            }
            case LOCKED_OUT -> {
                Optional<String> accountKey = Optional.ofNullable(facts.get(Vars.ACCOUNT_KEY)).map(Object::toString);
                if (accountKey.filter(blocks::isBlocked).isPresent()) {
                    messages.add(texts.message("lockedOut.helpdesk", locale));
                } else {
                    Optional<Instant> until = accountKey.flatMap(throttle::lockedOutUntil);
                    messages.add(until.map(u -> texts.message("lockedOut", locale, texts.lockedOutUntil(u, locale)))
                            .orElseGet(() -> texts.message("lockedOut.later", locale)));
                }
                messages.add(texts.helpdesk(locale));
            }
            case EXPIRED -> messages.add(texts.message("expired", locale));
            default -> { }
        }
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
