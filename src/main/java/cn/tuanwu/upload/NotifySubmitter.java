package cn.tuanwu.upload;

import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code notifySubmitter}: tells the uploader how it ended (applied, rejected, failed, nothing to apply). */
@Component("notifySubmitter")
class NotifySubmitter extends SafeDelegate {

    private final Uploads uploads;
    private final UploadNotices notices;

    NotifySubmitter(Uploads uploads, UploadNotices notices) {
        this.uploads = uploads;
        this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
        notices.notifySubmitter(uploads.require((String) execution.getVariable(MemberImportProcess.UPLOAD_ID)));
    }
}
