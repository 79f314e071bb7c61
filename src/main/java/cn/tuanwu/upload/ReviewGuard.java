package cn.tuanwu.upload;

import cn.tuanwu.review.ReviewRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The review task's rules, enforced by the engine for Tasklist and the API alike: the uploader may
 * neither claim nor complete the review of their own upload; a rejection needs a comment; the
 * decision is recorded with the task's completion, in the same transaction.
 */
@Component("reviewGuard")
class ReviewGuard implements TaskListener {

    private final Uploads uploads;
    private final IdentityService identityService;

    ReviewGuard(Uploads uploads, IdentityService identityService) {
        this.uploads = uploads;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String uploadedBy = (String) task.getVariable(MemberImportProcess.UPLOADED_BY);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setName("审核导入：" + task.getVariable(MemberImportProcess.ORG_CODE) + " "
                    + task.getVariable(MemberImportProcess.FILE_NAME));
            case EVENTNAME_ASSIGNMENT -> ReviewRules.checkAssignment(task, uploadedBy, MemberImportProcess.WORDING);
            case EVENTNAME_COMPLETE -> complete(task, uploadedBy);
            default -> {
            }
        }
    }

    private void complete(DelegateTask task, String uploadedBy) {
        ReviewRules.Completed decision =
                ReviewRules.checkCompletion(task, uploadedBy, identityService, MemberImportProcess.WORDING);
        uploads.recordDecision((String) task.getVariable(MemberImportProcess.UPLOAD_ID), decision.approved(),
                decision.reviewer(), decision.comment());
    }
}
