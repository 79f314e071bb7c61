package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code escalateSecondLevel}: the remediation is overdue; level 2 and the notifications. It runs in the
 * timer's own transaction, so level 2 is recorded exactly when the timer fired and a remediation completed
 * after that counts as ESCALATED_TO_CITY.
 */
@Component("escalateSecondLevel")
class EscalateSecondLevel extends SupervisionDelegate {

    private final SupervisionSteps steps;

    EscalateSecondLevel(Organisations organisations, SupervisionSteps steps) {
        super(organisations);
        this.steps = steps;
    }

    @Override
    protected void run(DelegateExecution execution) {
        steps.escalateSecondLevel(supervised(execution), FigureVariables.read(execution), storedAssessment(execution));
        execution.setVariable(CampaignProcess.ESCALATION_LEVEL, 2);
    }
}
