package cn.tuanwu.upload;

import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code remindReviewers}: the review has waited P3D. */
@Component("remindReviewers")
class RemindReviewers extends SafeDelegate {

    private final Uploads uploads;
    private final UploadNotices notices;

    RemindReviewers(Uploads uploads, UploadNotices notices) {
        this.uploads = uploads;
        this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
        notices.remindReviewers(uploads.require((String) execution.getVariable(MemberImportProcess.UPLOAD_ID)),
                (String) execution.getVariable(MemberImportProcess.REVIEWER_GROUP));
    }
}
