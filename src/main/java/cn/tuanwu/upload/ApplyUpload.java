package cn.tuanwu.upload;

import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code applyUpload}: writes the approved rows into the register, in crash-safe chunks. */
@Component("applyUpload")
class ApplyUpload extends SafeDelegate {

    private final Applying applying;
    private final Uploads uploads;

    ApplyUpload(Applying applying, Uploads uploads) {
        this.applying = applying;
        this.uploads = uploads;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String uploadId = (String) execution.getVariable(MemberImportProcess.UPLOAD_ID);
        applying.apply(uploadId);
        ProcessVariables.writeCounts(execution, uploads.require(uploadId));
    }
}
