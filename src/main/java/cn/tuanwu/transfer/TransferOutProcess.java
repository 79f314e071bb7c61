package cn.tuanwu.transfer;

import cn.tuanwu.identity.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
    static final String APPROVED = "approved";
    static final String COMMENT = "comment";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    TransferOutProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
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

    Optional<Task> openReview(String processInstanceId) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(REVIEW_TASK).singleResult());
    }

    List<String> candidateGroups(Task task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** Completes the review as the caller, exactly as Tasklist does: the engine's checks and listeners apply. */
    void decide(Task task, Caller caller, boolean approved, String comment) {
        identityService.setAuthentication(caller.userId(), new ArrayList<>(caller.groups()));
        try {
            Map<String, Object> variables = new HashMap<>();
            variables.put(APPROVED, approved);
            variables.put(COMMENT, comment);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
