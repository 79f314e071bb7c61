package cn.tuanwu.upload;

import cn.tuanwu.review.ReviewTasks;
import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code escalateReview}: after P7D the level above may review too, and is told so. */
@Component("escalateReview")
class EscalateReview extends SafeDelegate {

    private final Uploads uploads;
    private final UploadNotices notices;
    private final ReviewTasks reviews;

    EscalateReview(Uploads uploads, UploadNotices notices, ReviewTasks reviews) {
        this.uploads = uploads;
        this.notices = notices;
        this.reviews = reviews;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String group = (String) execution.getVariable(MemberImportProcess.ESCALATION_GROUP);
        reviews.addCandidateGroup(execution.getProcessInstanceId(), MemberImportProcess.REVIEW_TASK, group);
        notices.escalate(uploads.require((String) execution.getVariable(MemberImportProcess.UPLOAD_ID)), group);
    }
}
