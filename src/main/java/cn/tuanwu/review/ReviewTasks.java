package cn.tuanwu.review;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finding and completing a process's review task, as the API does it. */
@Component
public class ReviewTasks {

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";

    private final TaskService taskService;
    private final IdentityService identityService;

    ReviewTasks(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    public Optional<Task> open(String processInstanceId, String taskKey) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult());
    }

    /** Lets another group review too (an escalation); nothing when the review is over. */
    public void addCandidateGroup(String processInstanceId, String taskKey, String groupId) {
        open(processInstanceId, taskKey).ifPresent(task -> taskService.addCandidateGroup(task.getId(), groupId));
    }

    /**
     * Completes the open review as the caller, exactly as Tasklist does, so that the engine's checks
     * and the review's listeners apply: 409 NO_OPEN_REVIEW, 403 SELF_REVIEW for the submitter, 403 for
     * anyone not among the candidates, 400 E_DECISION_REQUIRED / E_COMMENT_REQUIRED.
     */
    public void decide(String processInstanceId, String taskKey, String submittedBy, Caller caller, Decision decision,
            ReviewWording wording) {
        Task task = open(processInstanceId, taskKey)
                .orElseThrow(() -> ApiException.conflict("NO_OPEN_REVIEW", wording.noOpenReview()));
        if (caller.userId().equals(submittedBy)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "SELF_REVIEW", wording.selfReview());
        }
        boolean candidate = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && caller.inGroup(link.getGroupId()));
        if (!candidate) {
            throw ApiException.forbidden(wording.notAReviewer());
        }
        if (decision == null || decision.approved() == null) {
            throw ApiException.badRequest("E_DECISION_REQUIRED", "请选择审核意见：approved 为 true（通过）或 false（不通过）");
        }
        String comment = decision.comment() == null ? null : decision.comment().strip();
        if (!decision.approved() && (comment == null || comment.isEmpty())) {
            throw ApiException.badRequest("E_COMMENT_REQUIRED", wording.commentRequiredByApi());
        }
        identityService.setAuthentication(caller.userId(), new ArrayList<>(caller.groups()));
        try {
            Map<String, Object> variables = new HashMap<>();
            variables.put(APPROVED, decision.approved());
            variables.put(COMMENT, comment);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
