package cn.tuanwu.transfer;

import cn.tuanwu.member.MemberJson;
import cn.tuanwu.member.MemberRegister;
import java.util.List;
import cn.tuanwu.review.ReviewRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The review task's rules, enforced by the engine for Tasklist and the API alike: the requester may
 * neither claim nor complete the review of their own transfer; a rejection needs a comment; the
 * decision is recorded with the task's completion, in the same transaction.
 */
@Component("transferReviewGuard")
class TransferReviewGuard implements TaskListener {

    /** Members named in the task's description; the column holds 4,000 characters. */
    static final int LISTED = 100;
    private static final int DESCRIPTION_LIMIT = 3_800;

    private final Transfers transfers;
    private final TransferMembers members;
    private final MemberRegister register;
    private final IdentityService identityService;

    TransferReviewGuard(Transfers transfers, TransferMembers members, MemberRegister register,
            IdentityService identityService) {
        this.transfers = transfers;
        this.members = members;
        this.register = register;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestedBy = (String) task.getVariable(TransferOutProcess.REQUESTED_BY);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setName("审核人员转出：" + task.getVariable(TransferOutProcess.ORG_CODE) + " "
                        + task.getVariable(TransferOutProcess.MEMBER_COUNT) + " 人");
                task.setDescription(describe((String) task.getVariable(TransferOutProcess.TRANSFER_ID),
                        task.getVariable(TransferOutProcess.REASON)));
            }
            case EVENTNAME_ASSIGNMENT -> ReviewRules.checkAssignment(task, requestedBy, TransferOutProcess.WORDING);
            case EVENTNAME_COMPLETE -> complete(task, requestedBy);
            default -> {
            }
        }
    }

    /**
     * Who is to be transferred, for the reviewer in Tasklist: names with masked ID numbers. In the task's
     * description, never in a process variable (Cockpit shows those to everyone who sees the instance);
     * whoever can read this task has these members in scope anyway.
     */
    private String describe(String transferId, Object reason) {
        List<Long> ids = members.of(transferId);
        StringBuilder text = new StringBuilder("待转出 ").append(ids.size()).append(" 人，原因：").append(label(reason))
                .append("\n");
        int listed = 0;
        for (MemberJson member : register.shown(ids.subList(0, Math.min(LISTED, ids.size())))) {
            String line = member.name() + " " + member.idNumberMasked() + "（" + member.orgCode() + "）\n";
            if (text.length() + line.length() > DESCRIPTION_LIMIT) {
                break;
            }
            text.append(line);
            listed++;
        }
        if (listed < ids.size()) {
            text.append("……以上为前 ").append(listed).append(" 人，完整名单：/api/transfer-outs/").append(transferId)
                    .append("/members");
        }
        return text.toString();
    }

    private static String label(Object reason) {
        return switch (String.valueOf(reason)) {
            case "LEFT_ORG" -> "组织关系已离开";
            case "OVER_AGE" -> "超龄离团";
            case "OTHER" -> "其他";
            default -> String.valueOf(reason);
        };
    }

    private void complete(DelegateTask task, String requestedBy) {
        ReviewRules.Completed decision =
                ReviewRules.checkCompletion(task, requestedBy, identityService, TransferOutProcess.WORDING);
        transfers.recordDecision((String) task.getVariable(TransferOutProcess.TRANSFER_ID), decision.approved(),
                decision.reviewer(), decision.comment());
    }
}
