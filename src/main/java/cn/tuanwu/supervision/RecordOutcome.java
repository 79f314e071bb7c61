package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code recordOutcome}: ON_TIME, REMEDIATED or ESCALATED_TO_CITY from the verdict and the level reached; row DONE. */
@Component("recordOutcome")
class RecordOutcome extends SupervisionDelegate {

    private final SupervisionSteps steps;

    RecordOutcome(Organisations organisations, SupervisionSteps steps) {
        super(organisations);
        this.steps = steps;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Outcome outcome = steps.recordOutcome(supervised(execution), storedAssessment(execution),
                escalationLevel(execution));
        execution.setVariable(CampaignProcess.OUTCOME, outcome.name());
    }
}
