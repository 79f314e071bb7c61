package cn.tuanwu.transfer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The review task's rules, enforced by the engine for Tasklist and the API alike: the requester may
 * neither claim nor complete the review of their own transfer; a rejection needs a comment; the
 * decision is recorded with the task's completion, in the same transaction.
 */
@Component("transferReviewGuard")
class TransferReviewGuard implements TaskListener {

    private static final String SELF_REVIEW = "不能审核自己提交的转出，请由其他审核人处理";

    private final Transfers transfers;
    private final IdentityService identityService;

    TransferReviewGuard(Transfers transfers, IdentityService identityService) {
        this.transfers = transfers;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestedBy = (String) task.getVariable(TransferOutProcess.REQUESTED_BY);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setName("审核人员转出：" + task.getVariable(TransferOutProcess.ORG_CODE) + " "
                    + task.getVariable(TransferOutProcess.MEMBER_COUNT) + " 人");
            case EVENTNAME_ASSIGNMENT -> {
                if (requestedBy != null && requestedBy.equals(task.getAssignee())) {
                    throw new ProcessEngineException(SELF_REVIEW);
                }
            }
            case EVENTNAME_COMPLETE -> complete(task, requestedBy);
            default -> {
            }
        }
    }

    private void complete(DelegateTask task, String requestedBy) {
        Authentication current = identityService.getCurrentAuthentication();
        String reviewer = current != null ? current.getUserId() : task.getAssignee();
        if (requestedBy != null && (requestedBy.equals(reviewer) || requestedBy.equals(task.getAssignee()))) {
            throw new ProcessEngineException(SELF_REVIEW);
        }
        Object approved = task.getVariable(TransferOutProcess.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw new ProcessEngineException("请选择审核意见：通过或不通过");
        }
        Object comment = task.getVariable(TransferOutProcess.COMMENT);
        String text = comment == null ? null : comment.toString().strip();
        if (!decision && (text == null || text.isEmpty())) {
            throw new ProcessEngineException("不通过时请填写说明，告诉提交人原因");
        }
        transfers.recordDecision((String) task.getVariable(TransferOutProcess.TRANSFER_ID), decision,
                reviewer == null ? "system" : reviewer, text);
    }
}
