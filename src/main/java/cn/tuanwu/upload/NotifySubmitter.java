package cn.tuanwu.upload;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code notifySubmitter}: tells the uploader how it ended (applied, rejected, failed, nothing to apply). */
@Component("notifySubmitter")
class NotifySubmitter implements JavaDelegate {

    private final Uploads uploads;
    private final UploadNotices notices;

    NotifySubmitter(Uploads uploads, UploadNotices notices) {
        this.uploads = uploads;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifySubmitter(uploads.require((String) execution.getVariable(MemberImportProcess.UPLOAD_ID)));
    }
}
