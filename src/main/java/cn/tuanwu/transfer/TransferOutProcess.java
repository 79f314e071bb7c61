package cn.tuanwu.transfer;

import cn.tuanwu.review.ReviewWording;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Every call into the engine for {@code transfer-out}, and its ids and variable names (ids, codes, counts only). */
@Component
class TransferOutProcess {

    static final String KEY = "transfer-out";
    static final String REVIEW_TASK = "reviewTransferOut";

    static final String TRANSFER_ID = "transferId";
    static final String ORG_CODE = "orgCode";
    static final String REASON = "reason";
    static final String NOTE = "note";
    static final String MEMBER_COUNT = "memberCount";
    static final String REQUESTED_BY = "requestedBy";
    static final String REVIEWER_GROUP = "reviewerGroup";
    static final ReviewWording WORDING = new ReviewWording("转出", "提交的转出", "告诉提交人原因");

    private final RuntimeService runtimeService;

    TransferOutProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Starts the process; the transfer's id is the business key. The note is a variable only because
     * the review form shows it; the members themselves stay in transfer_member.
     */
    String start(Transfer transfer, String reviewerGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRANSFER_ID, transfer.id());
        variables.put(ORG_CODE, transfer.orgCode());
        variables.put(REASON, transfer.reason().name());
        variables.put(NOTE, transfer.note());
        variables.put(MEMBER_COUNT, transfer.memberCount());
        variables.put(REQUESTED_BY, transfer.requestedBy());
        variables.put(REVIEWER_GROUP, reviewerGroup);
        return runtimeService.startProcessInstanceByKey(KEY, transfer.id(), variables).getId();
    }
}
