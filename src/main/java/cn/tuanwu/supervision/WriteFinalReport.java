package cn.tuanwu.supervision;

import cn.tuanwu.shared.SafeDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code writeFinalReport}: every organisation's supervision has ended; the campaign row gets its report. */
@Component("writeFinalReport")
class WriteFinalReport extends SafeDelegate {

    private final Campaigns campaigns;

    WriteFinalReport(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    protected void run(DelegateExecution execution) {
        campaigns.end(SupervisionDelegate.year(execution));
    }
}
