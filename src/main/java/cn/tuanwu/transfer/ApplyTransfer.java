package cn.tuanwu.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code applyTransfer}: sets the transfer's members transferred out, in the job's transaction. */
@Component("applyTransfer")
class ApplyTransfer implements JavaDelegate {

    private final Transfers transfers;

    ApplyTransfer(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transfers.apply((String) execution.getVariable(TransferOutProcess.TRANSFER_ID));
    }
}
