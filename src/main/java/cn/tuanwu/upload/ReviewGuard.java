package cn.tuanwu.upload;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
            case EVENTNAME_ASSIGNMENT -> {
                if (uploadedBy != null && uploadedBy.equals(task.getAssignee())) {
                    throw new ProcessEngineException("不能审核自己上传的文件，请由其他审核人处理");
                }
            }
            case EVENTNAME_COMPLETE -> complete(task, uploadedBy);
            default -> {
            }
        }
    }

    private void complete(DelegateTask task, String uploadedBy) {
        Authentication current = identityService.getCurrentAuthentication();
        String reviewer = current != null ? current.getUserId() : task.getAssignee();
        if (uploadedBy != null && (uploadedBy.equals(reviewer) || uploadedBy.equals(task.getAssignee()))) {
            throw new ProcessEngineException("不能审核自己上传的文件，请由其他审核人处理");
        }
        Object approved = task.getVariable(MemberImportProcess.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw new ProcessEngineException("请选择审核意见：通过或不通过");
        }
        Object comment = task.getVariable(MemberImportProcess.COMMENT);
        String text = comment == null ? null : comment.toString().strip();
        if (!decision && (text == null || text.isEmpty())) {
            throw new ProcessEngineException("不通过时请填写说明，告诉上传人需要修改什么");
        }
        uploads.recordDecision((String) task.getVariable(MemberImportProcess.UPLOAD_ID), decision,
                reviewer == null ? "system" : reviewer, text);
    }
}
