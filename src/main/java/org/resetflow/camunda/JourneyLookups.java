package org.resetflow.camunda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The three looks the API takes at a journey on every request, as the engine's native queries. The engine's query
 * builders (a task query by business key and without candidate groups, say) are generated from mappings with a few
 * hundred conditions each time they run, and that cost more than the database work itself; these statements are
 * fixed and say exactly what they look for. Table names come from the engine, so a configured table prefix holds.
 */
@Component
public class JourneyLookups {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private volatile Statements statements;

    JourneyLookups(RuntimeService runtime, TaskService tasks, HistoryService history, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.management = management;
    }

    private record Statements(String requesterTask, String instances, String runnable, String facts) {
    }

    private Statements statements() {
        Statements known = statements;
        if (known == null) {
            String task = management.getTableName(TaskEntity.class);
            String execution = management.getTableName(ExecutionEntity.class);
            String link = management.getTableName(IdentityLinkEntity.class);
            String variable = management.getTableName(HistoricVariableInstanceEntity.class);
            String job = management.getTableName(JobEntity.class);
            known = new Statements(
                    "SELECT T.* FROM " + task + " T INNER JOIN " + execution + " P ON P.ID_ = T.PROC_INST_ID_"
                            + " WHERE P.BUSINESS_KEY_ = #{flowId} AND T.SUSPENSION_STATE_ = 1"
                            + " AND NOT EXISTS (SELECT 1 FROM " + link + " L WHERE L.TASK_ID_ = T.ID_"
                            + " AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL)",
                    "SELECT * FROM " + execution + " WHERE BUSINESS_KEY_ = #{flowId} AND ID_ = PROC_INST_ID_",
                    // what the engine's job query calls executable: retries left, and due (or no due date)
                    "SELECT P.* FROM " + execution + " P WHERE P.BUSINESS_KEY_ = #{flowId} AND P.ID_ = P.PROC_INST_ID_"
                            + " AND EXISTS (SELECT 1 FROM " + job + " J WHERE J.PROCESS_INSTANCE_ID_ = P.ID_ AND J.RETRIES_ > 0"
                            + " AND (J.DUEDATE_ IS NULL OR J.DUEDATE_ <= #{now}))",
                    "SELECT * FROM " + variable + " WHERE PROC_INST_ID_ = #{processInstanceId} AND NAME_ IN (#{names})"
                            + " AND (STATE_ IS NULL OR STATE_ <> 'DELETED') ORDER BY ID_");
            statements = known;
        }
        return known;
    }

    /**
     * The step the journey waits for its user at: an active user task without candidate groups in any of the
     * journey's process instances (tasks for the helpdesk have candidate groups); the newest if ever more than one.
     */
    public Task requesterTask(String flowId) {
        List<Task> found = tasks.createNativeTaskQuery().sql(statements().requesterTask()).parameter("flowId", flowId).list();
        Task newest = null;
        for (Task task : found) {
            if (newest == null || task.getCreateTime().after(newest.getCreateTime())) {
                newest = task;
            }
        }
        return newest;
    }

    /** The ids of the journey's running process instances: the models pass the flow id down as business key. */
    public Set<String> instanceIds(String flowId) {
        return runtime.createNativeProcessInstanceQuery().sql(statements().instances()).parameter("flowId", flowId).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    /**
     * Whether the engine has work for the journey right now: a job that is due, with retries left, in any of the
     * journey's process instances. One statement for both (the instances and their jobs); by process instance, not
     * by root process instance, which the job executor clears from a job while it holds it (unless it acquires
     * exclusively over process hierarchies).
     */
    public boolean hasRunnableJobs(String flowId) {
        return !runtime.createNativeProcessInstanceQuery().sql(statements().runnable()).parameter("flowId", flowId)
                .parameter("now", ClockUtil.getCurrentTime()).list().isEmpty();
    }

    /** The values (not null) of some variables of one process instance, as the history keeps them. */
    public Map<String, Object> facts(String processInstanceId, String... names) {
        Map<String, Object> facts = new HashMap<>();
        String sql = statements().facts().replace("#{names}", placeholders(names.length));
        var query = history.createNativeHistoricVariableInstanceQuery().sql(sql).parameter("processInstanceId", processInstanceId);
        for (int i = 0; i < names.length; i++) {
            query.parameter("name" + i, names[i]);
        }
        for (HistoricVariableInstance variable : query.list()) {
            if (variable.getValue() != null) {
                facts.putIfAbsent(variable.getName(), variable.getValue());
            }
        }
        return facts;
    }

    private static String placeholders(int count) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("#{name").append(i).append('}');
        }
        return sql.toString();
    }
}
