package org.resetflow.camunda;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A Camunda group query answered by the staff directory. */
class DirectoryGroupQuery extends GroupQueryImpl {

    DirectoryGroupQuery() {
    }

    DirectoryGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return provider(commandContext).matchingGroups(this).size();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
        return provider(commandContext).groups(this, page);
    }

    String potentialStarterDefinition() {
        return procDefId;
    }

    private static DirectoryIdentityProvider provider(CommandContext commandContext) {
        return (DirectoryIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }
}
