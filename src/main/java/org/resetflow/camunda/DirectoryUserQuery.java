package org.resetflow.camunda;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A Camunda user query answered by the staff directory. */
class DirectoryUserQuery extends UserQueryImpl {

    DirectoryUserQuery() {
    }

    DirectoryUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return provider(commandContext).matchingUsers(this).size();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
        return provider(commandContext).users(this, page);
    }

    String potentialStarterDefinition() {
        return procDefId;
    }

    private static DirectoryIdentityProvider provider(CommandContext commandContext) {
        return (DirectoryIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }
}
