package cn.tuanwu.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import cn.tuanwu.shared.SafeDelegate;
import org.springframework.stereotype.Component;

/** {@code applyTransfer}: sets the transfer's members transferred out, in the job's transaction. */
@Component("applyTransfer")
class ApplyTransfer extends SafeDelegate {

    private final Transfers transfers;

    ApplyTransfer(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    protected void run(DelegateExecution execution) {
        transfers.apply((String) execution.getVariable(TransferOutProcess.TRANSFER_ID));
    }
}
