package cn.tuanwu.upload;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code parseUpload}: checks and stages the file, then tells the gateway where to go and whom to ask. */
@Component("parseUpload")
class ParseUpload extends SafeDelegate {

    private final Staging staging;
    private final Organisations organisations;
    private final ReviewRouting routing;

    ParseUpload(Staging staging, Organisations organisations, ReviewRouting routing) {
        this.staging = staging;
        this.organisations = organisations;
        this.routing = routing;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Upload upload = staging.stage((String) execution.getVariable(MemberImportProcess.UPLOAD_ID));
        ProcessVariables.writeCounts(execution, upload);
        execution.setVariable(MemberImportProcess.PARSE_RESULT, switch (upload.status()) {
            case FAILED -> "FAILED";
            case NOTHING_TO_APPLY -> "NOTHING_TO_APPLY";
            default -> "REVIEW";
        });
        execution.setVariable(MemberImportProcess.FAILURE_CODE, upload.failureCode());
        execution.setVariable(MemberImportProcess.ERROR_REPORT_URL, "/api/imports/" + upload.id() + "/errors.xlsx");
        OrganisationInfo organisation = organisations.require(upload.orgCode());
        execution.setVariable(MemberImportProcess.REVIEWER_GROUP, routing.reviewers(organisation));
        execution.setVariable(MemberImportProcess.ESCALATION_GROUP, routing.escalation(organisation));
    }
}
