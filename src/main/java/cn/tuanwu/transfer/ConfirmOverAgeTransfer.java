package cn.tuanwu.transfer;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.TransferReason;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.Ages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code confirmOverAgeTransfer}: on create, routes the task to the organisation's admins and shows
 * how many are over age; on complete, runs an {@code OVER_AGE} transfer-out of the organisation's own
 * over-age 团员 as they are at that moment, requested by whoever confirmed.
 */
@Component("confirmOverAgeTransfer")
class ConfirmOverAgeTransfer implements TaskListener {

    private final MemberRegister register;
    private final Transfers transfers;
    private final Organisations organisations;
    private final IdentityService identityService;
    private final Clock clock;

    ConfirmOverAgeTransfer(MemberRegister register, Transfers transfers, Organisations organisations,
            IdentityService identityService, Clock clock) {
        this.register = register;
        this.transfers = transfers;
        this.organisations = organisations;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String orgCode = (String) task.getVariable(OverAgeSweep.ORG_CODE);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                int count = overAge(orgCode).size();
                task.setVariableLocal(OverAgeSweep.ORG_CODE, orgCode);
                task.setVariableLocal(OverAgeSweep.OVER_AGE_COUNT, count);
                task.addCandidateGroup(Groups.adminsOf(orgCode));
                task.setName("确认超龄离团：" + orgCode + " " + count + " 人");
            }
            case EVENTNAME_COMPLETE -> {
                List<Long> ids = overAge(orgCode);
                if (!ids.isEmpty()) {
                    Authentication current = identityService.getCurrentAuthentication();
                    String user = current != null ? current.getUserId()
                            : task.getAssignee() != null ? task.getAssignee() : "system";
                    transfers.request(organisations.require(orgCode), TransferReason.OVER_AGE, null, ids, false, user);
                }
            }
            default -> {
            }
        }
    }

    private List<Long> overAge(String orgCode) {
        return register.overAgeActiveIdsOf(orgCode, Ages.overAgeBornOnOrBefore(LocalDate.now(clock)));
    }
}
