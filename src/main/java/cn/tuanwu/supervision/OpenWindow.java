package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code openWindow}: state OPEN, and the organisation's contacts told that the window is open. */
@Component("openWindow")
class OpenWindow extends SupervisionDelegate {

    private final SupervisionSteps steps;

    OpenWindow(Organisations organisations, SupervisionSteps steps) {
        super(organisations);
        this.steps = steps;
    }

    @Override
    protected void run(DelegateExecution execution) {
        steps.openWindow(supervised(execution));
    }
}
