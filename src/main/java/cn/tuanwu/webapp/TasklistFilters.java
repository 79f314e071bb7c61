package cn.tuanwu.webapp;

import cn.tuanwu.shared.StartupLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the shared Tasklist filters at start-up, or brings them back to this definition: one filter per
 * name, however often and on however many nodes the application starts.
 *
 * <p>Every user may read them (a global READ grant): a filter is only a saved query, and with authorization on
 * the engine lists a user the tasks they may read and no others. A global grant also covers the groups of
 * organisations created later, which a grant per group would miss.
 */
@Component
@Order(20)
class TasklistFilters implements ApplicationRunner {

    static final String MY_REVIEWS = "我的审核";
    static final String OVERDUE = "已逾期";
    static final String ESCALATIONS = "上级督办/升级";

    // User task ids of processes.md: the reviews, and the campaign's remediation (整改) and supervision (督办).
    static final String REVIEW_UPLOAD = "reviewUpload";
    static final String REVIEW_TRANSFER_OUT = "reviewTransferOut";
    static final String REMEDIATE = "remediate";
    static final String SUPERVISE_REMEDIATION = "superviseRemediation";

    private static final String TASK = "Task";
    private static final String MY_GROUPS = "${currentUserGroups()}";
    private static final String NOW = "${now()}";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final StartupLock startupLock;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            StartupLock startupLock) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::ensure);
    }

    void ensure() {
        for (TaskFilter definition : definitions()) {
            Filter filter = ensureOne(definition);
            grantEveryoneRead(filter.getId());
        }
    }

    List<TaskFilter> definitions() {
        return List.of(
                new TaskFilter(MY_REVIEWS, mine().orderByDueDate().asc(), properties(-10, "#2f6fb5",
                        "我所在组的待办任务（审核、确认、整改、督办）和已分配给我的任务，按到期时间排序")),
                new TaskFilter(OVERDUE, mine().dueBeforeExpression(NOW).orderByDueDate().asc(), properties(-5, "#c9302c",
                        "我所在组或分配给我、已过到期时间仍未办理的任务，最早到期的在前")),
                new TaskFilter(ESCALATIONS, escalations(), properties(0, "#e08a00",
                        "升级到上级的任务：逾期未审核、已提交上级的审核，团组织的整改（一级升级）和团市委督办（二级升级）")));
    }

    /** Tasks of the current user's groups, and tasks assigned to them. */
    private TaskQuery mine() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    /**
     * Remediation and supervision tasks, which exist only because an organisation missed its window, and reviews
     * past their due date: at that moment the review's escalation timer hands it to the level above.
     */
    private TaskQuery escalations() {
        TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                .taskDefinitionKeyIn(REVIEW_UPLOAD, REVIEW_TRANSFER_OUT, REMEDIATE, SUPERVISE_REMEDIATION);
        query.or().taskDefinitionKeyIn(REMEDIATE, SUPERVISE_REMEDIATION).dueBeforeExpression(NOW).endOr();
        return query.orderByDueDate().asc();
    }

    private static Map<String, Object> properties(int priority, String color, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        // Tasklist reloads the list and the count of a refreshing filter every few seconds.
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(
                Map.of("name", "orgCode", "label", "团组织"),
                Map.of("name", "fileName", "label", "文件"),
                Map.of("name", "reason", "label", "转出原因")));
        return properties;
    }

    private Filter ensureOne(TaskFilter definition) {
        List<Filter> existing = filterService.createFilterQuery().filterResourceType(TASK)
                .filterName(definition.name()).orderByFilterId().asc().list();
        Filter filter = existing.isEmpty() ? filterService.newTaskFilter(definition.name()) : existing.get(0);
        // A duplicate can only come from before this class existed; the first one stays.
        existing.stream().skip(1).forEach(duplicate -> filterService.deleteFilter(duplicate.getId()));
        filter.setQuery(definition.query());
        filter.setProperties(definition.properties());
        return filterService.saveFilter(filter);
    }

    private void grantEveryoneRead(String filterId) {
        boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).userIdIn(Authorization.ANY).count() > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            authorization.setUserId(Authorization.ANY);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
