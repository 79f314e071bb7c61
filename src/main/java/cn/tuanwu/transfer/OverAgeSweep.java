package cn.tuanwu.transfer;

import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.shared.Ages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import cn.tuanwu.shared.SafeDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code findOverAgeOrganisations}: the organisations whose own active 团员 include someone of 28 or
 * over today, leaving out those that still have an open confirmation from an earlier month, so that an
 * organisation never has two at once. Writes the codes (no members) for the multi-instance task.
 */
@Component("findOverAgeOrganisations")
class OverAgeSweep extends SafeDelegate {

    static final String KEY = "over-age-sweep";
    static final String CONFIRM_TASK = "confirmOverAgeTransfer";
    static final String ORG_CODES = "orgCodes";
    static final String ORG_CODE = "orgCode";
    static final String OVER_AGE_COUNT = "overAgeCount";

    private final MemberRegister register;
    private final TaskService taskService;
    private final Clock clock;

    OverAgeSweep(MemberRegister register, TaskService taskService, Clock clock) {
        this.register = register;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Set<String> open = openConfirmations();
        List<String> codes = new ArrayList<>();
        register.overAgeCountsByOrganisation(Ages.overAgeBornOnOrBefore(LocalDate.now(clock))).keySet().stream()
                .filter(code -> !open.contains(code)).forEach(codes::add);
        execution.setVariable(ORG_CODES, codes);
    }

    /** Organisations with an open confirmation; the create listener stores the code on the task itself. */
    Set<String> openConfirmations() {
        Set<String> codes = new HashSet<>();
        taskService.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(CONFIRM_TASK).list()
                .forEach(task -> {
                    Object code = taskService.getVariableLocal(task.getId(), ORG_CODE);
                    if (code != null) {
                        codes.add(code.toString());
                    }
                });
        return codes;
    }
}
