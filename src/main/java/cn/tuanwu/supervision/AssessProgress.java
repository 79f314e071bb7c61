package cn.tuanwu.supervision;

import cn.tuanwu.organisation.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code assessProgress}: the figures at the close, as process variables (counts) and on the row. */
@Component("assessProgress")
class AssessProgress extends SupervisionDelegate {

    private final SupervisionSteps steps;

    AssessProgress(Organisations organisations, SupervisionSteps steps) {
        super(organisations);
        this.steps = steps;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariables(FigureVariables.of(steps.assessProgress(supervised(execution))));
    }
}
