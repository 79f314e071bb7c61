package cn.tuanwu.supervision;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code assessmentVerdict}, the end listener of the {@code completionAssessment} business-rule task: turns
 * the table's rows (the engine's transient {@code decisionResult}) into {@code verdict}, {@code reasons} (codes)
 * and {@code reasonLabels}, plain strings for the gateway, the forms and Cockpit.
 */
@Component("assessmentVerdict")
class AssessmentVerdict implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(CampaignProcess.DECISION_RESULT);
        Assessment assessment = Assessment.of(result == null ? null : result.getResultList());
        execution.setVariable(CampaignProcess.VERDICT, assessment.verdict().name());
        execution.setVariable(CampaignProcess.REASONS, assessment.codes());
        execution.setVariable(CampaignProcess.REASON_LABELS, assessment.labels());
    }
}
