package cn.tuanwu.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves this node's time (demo and tests only): the engine's clock, which {@link EngineClock}
 * reads, is offset so that time keeps running from the new instant, and the job executor is woken
 * so that timers now due fire at once.
 */
@Service
class AdjustableClock {

    private static final Logger log = LoggerFactory.getLogger(AdjustableClock.class);

    private final Clock clock;
    private final ProcessEngineConfiguration engineConfiguration;

    AdjustableClock(Clock clock, ProcessEngineConfiguration engineConfiguration) {
        this.clock = clock;
        this.engineConfiguration = engineConfiguration;
    }

    Instant moveTo(Instant target) {
        ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
        log.info("Clock moved to {}", target);
        wakeJobExecutor();
        return clock.instant();
    }

    Instant reset() {
        Date now = ClockUtil.resetClock();
        log.info("Clock back to real time");
        wakeJobExecutor();
        return now.toInstant();
    }

    private void wakeJobExecutor() {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engineConfiguration).getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.jobWasAdded();
        }
    }
}
