package cn.tuanwu.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A delegate whose database failures reach the engine sanitised ({@link SafeFailures}): the engine
 * logs a failing job's exception and keeps its stack trace with the incident, where Cockpit shows it.
 */
public abstract class SafeDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            run(execution);
        } catch (RuntimeException e) {
            throw SafeFailures.sanitise(getClass().getSimpleName() + " of " + execution.getProcessBusinessKey(), e);
        }
    }

    protected abstract void run(DelegateExecution execution);
}
