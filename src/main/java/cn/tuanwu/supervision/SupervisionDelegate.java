package cn.tuanwu.supervision;

import static cn.tuanwu.supervision.CampaignProcess.ORG_CODE;
import static cn.tuanwu.supervision.CampaignProcess.WINDOW_END;
import static cn.tuanwu.supervision.CampaignProcess.WINDOW_START;
import static cn.tuanwu.supervision.CampaignProcess.YEAR;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.SafeDelegate;
import cn.tuanwu.shared.TransactionMemo;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A step of {@code org-supervision}: reads which organisation, year and window from the process. */
abstract class SupervisionDelegate extends SafeDelegate {

    private final Organisations organisations;

    SupervisionDelegate(Organisations organisations) {
        this.organisations = organisations;
    }

    Supervised supervised(DelegateExecution execution) {
        return new Supervised(year(execution), organisation(organisations, (String) execution.getVariable(ORG_CODE)),
                window(execution), execution.getProcessInstanceId());
    }

    static SubmissionWindow window(VariableScope scope) {
        return new SubmissionWindow(LocalDate.parse((String) scope.getVariable(WINDOW_START)),
                LocalDate.parse((String) scope.getVariable(WINDOW_END)));
    }

    /** The organisation, looked up once per transaction: a close's steps and its task listener all need it. */
    static OrganisationInfo organisation(Organisations organisations, String code) {
        return TransactionMemo.get("organisation:" + code, () -> organisations.require(code));
    }

    static int year(VariableScope scope) {
        return ((Number) scope.getVariable(YEAR)).intValue();
    }

    static Assessment storedAssessment(VariableScope scope) {
        return Assessment.stored((String) scope.getVariable(CampaignProcess.VERDICT),
                (String) scope.getVariable(CampaignProcess.REASONS), (String) scope.getVariable(CampaignProcess.REASON_LABELS));
    }

    static int escalationLevel(VariableScope scope) {
        return ((Number) scope.getVariable(CampaignProcess.ESCALATION_LEVEL)).intValue();
    }
}
