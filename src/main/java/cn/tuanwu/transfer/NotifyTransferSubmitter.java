package cn.tuanwu.transfer;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.notification.Notifications;
import cn.tuanwu.notification.Notifications.Channel;
import cn.tuanwu.notification.Notifications.NewNotification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import cn.tuanwu.shared.SafeDelegate;
import org.springframework.stereotype.Component;

/** {@code notifySubmitter} of transfer-out: tells the requester how it ended. Counts only, never names. */
@Component("notifyTransferSubmitter")
class NotifyTransferSubmitter extends SafeDelegate {

    private final Transfers transfers;
    private final Notifications notifications;
    private final Accounts accounts;

    NotifyTransferSubmitter(Transfers transfers, Notifications notifications, Accounts accounts) {
        this.transfers = transfers;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Transfer transfer = transfers.require((String) execution.getVariable(TransferOutProcess.TRANSFER_ID));
        String subject = (transfer.status() == TransferStatus.APPLIED ? "人员转出已完成：" : "人员转出未通过审核：")
                + transfer.orgCode() + " " + transfer.memberCount() + " 人";
        StringBuilder body = new StringBuilder(subject).append("\n转出原因：").append(transfer.reason()).append("\n");
        if (transfer.comment() != null && !transfer.comment().isBlank()) {
            body.append("审核说明：").append(transfer.comment()).append("\n");
        }
        body.append("详情：/api/transfer-outs/").append(transfer.id()).append("\n");
        String email = accounts.emailOf(transfer.requestedBy()).orElse(null);
        // The dedup key makes a retried job notify once.
        notifications.enqueue(new NewNotification("transfer:" + transfer.id() + ":" + transfer.status(),
                email != null ? email : transfer.requestedBy(), email != null ? Channel.EMAIL : Channel.INBOX, subject,
                body.toString(), transfer.orgCode(), null, transfer.processInstanceId()));
    }
}
