package cn.tuanwu.upload;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code applyUpload}: writes the approved rows into the register, in crash-safe chunks. */
@Component("applyUpload")
class ApplyUpload implements JavaDelegate {

    private final Applying applying;
    private final Uploads uploads;

    ApplyUpload(Applying applying, Uploads uploads) {
        this.applying = applying;
        this.uploads = uploads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String uploadId = (String) execution.getVariable(MemberImportProcess.UPLOAD_ID);
        applying.apply(uploadId);
        ProcessVariables.writeCounts(execution, uploads.require(uploadId));
    }
}
