package cn.tuanwu.upload;

import cn.tuanwu.identity.Caller;
import java.util.ArrayList;
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

/** Every call into the engine for {@code member-import}, and its ids and variable names. */
@Component
class MemberImportProcess {

    static final String KEY = "member-import";
    static final String REVIEW_TASK = "reviewUpload";

    static final String UPLOAD_ID = "uploadId";
    static final String ORG_CODE = "orgCode";
    static final String FILE_NAME = "fileName";
    static final String UPLOADED_BY = "uploadedBy";
    static final String REVIEWER_GROUP = "reviewerGroup";
    static final String ESCALATION_GROUP = "escalationGroup";
    static final String PARSE_RESULT = "parseResult";
    static final String LATE = "late";
    static final String WARNINGS = "warnings";
    static final String ERROR_REPORT_URL = "errorReportUrl";
    static final String FAILURE_CODE = "failureCode";
    static final String APPROVED = "approved";
    static final String COMMENT = "comment";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    MemberImportProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** Starts the process for a stored upload; the upload's id is the business key. */
    String start(String uploadId, String orgCode, String fileName, String uploadedBy) {
        return runtimeService.startProcessInstanceByKey(KEY, uploadId, Map.of(
                UPLOAD_ID, uploadId, ORG_CODE, orgCode, FILE_NAME, fileName, UPLOADED_BY, uploadedBy)).getId();
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
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put(APPROVED, approved);
            variables.put(COMMENT, comment);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    void addCandidateGroup(String processInstanceId, String groupId) {
        openReview(processInstanceId).ifPresent(task -> taskService.addCandidateGroup(task.getId(), groupId));
    }
}
