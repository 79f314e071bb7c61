package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code remindIfBehind}: seven days before the close, a reminder only when the close's assessment would
 * escalate today. It judges with the same table but leaves the process's figures and verdict alone.
 */
@Component("remindIfBehind")
class RemindIfBehind extends SupervisionDelegate {

    private final SupervisionSteps steps;

    RemindIfBehind(Organisations organisations, SupervisionSteps steps) {
        super(organisations);
        this.steps = steps;
    }

    @Override
    protected void run(DelegateExecution execution) {
        // A campaign started late, or a clock moved past both, fires the reminder with or after the close: then
        // there is nothing to remind of, and no organisation to look up.
        boolean reminded = !steps.hasClosed(window(execution)) && steps.remindIfBehind(supervised(execution));
        execution.setVariable(CampaignProcess.REMINDED, reminded);
    }
}
