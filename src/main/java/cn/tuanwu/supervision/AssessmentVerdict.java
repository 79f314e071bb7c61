package cn.tuanwu.supervision;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code assessmentVerdict}, the end listener of the {@code completionAssessment} business-rule task: turns
 * the table's rows into {@code verdict}, {@code reasons} (codes) and {@code reasonLabels}, plain strings for
 * the gateway, the forms and Cockpit, and drops the rows themselves.
 */
@Component("assessmentVerdict")
class AssessmentVerdict implements ExecutionListener {

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Assessment assessment = Assessment.of(
                (List<Map<String, Object>>) execution.getVariable(CampaignProcess.ASSESSMENT_RESULT));
        execution.setVariable(CampaignProcess.VERDICT, assessment.verdict().name());
        execution.setVariable(CampaignProcess.REASONS, assessment.codes());
        execution.setVariable(CampaignProcess.REASON_LABELS, assessment.labels());
        execution.removeVariable(CampaignProcess.ASSESSMENT_RESULT);
    }
}
