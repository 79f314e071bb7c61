package cn.tuanwu.upload;

import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code escalateReview}: after P7D the level above may review too, and is told so. */
@Component("escalateReview")
class EscalateReview extends SafeDelegate {

    private final Uploads uploads;
    private final UploadNotices notices;
    private final MemberImportProcess process;

    EscalateReview(Uploads uploads, UploadNotices notices, MemberImportProcess process) {
        this.uploads = uploads;
        this.notices = notices;
        this.process = process;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String group = (String) execution.getVariable(MemberImportProcess.ESCALATION_GROUP);
        process.addCandidateGroup(execution.getProcessInstanceId(), group);
        notices.escalate(uploads.require((String) execution.getVariable(MemberImportProcess.UPLOAD_ID)), group);
    }
}
