package org.resetflow.notme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.resetflow.throttling.SelfServiceBlocks;
import org.springframework.stereotype.Component;

/** "Block self-service for the account": until this report's block is lifted, every journey of the account is locked out. */
@Component("blockSelfServiceDelegate")
class BlockSelfServiceDelegate implements JavaDelegate {

    private final SelfServiceBlocks blocks;

    BlockSelfServiceDelegate(SelfServiceBlocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        blocks.block((String) execution.getVariable(Vars.ACCOUNT_KEY), execution.getProcessInstanceId());
    }
}
