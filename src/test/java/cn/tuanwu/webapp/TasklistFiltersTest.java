package cn.tuanwu.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared filters exist once, every role can run them, and they list only the caller's own tasks. */
@TuanwuTest
class TasklistFiltersTest {

    private static final List<String> NAMES =
            List.of(TasklistFilters.MY_REVIEWS, TasklistFilters.OVERDUE, TasklistFilters.ESCALATIONS);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    TasklistFilters filters;
    @Autowired
    FilterService filterService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void eachFilterExistsOnceEvenAfterAnotherStart() {
        filters.run(null);
        filters.run(null);
        for (String name : NAMES) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void aDuplicateLeftBehindIsRemoved() {
        Filter copy = filterService.newTaskFilter(TasklistFilters.OVERDUE);
        filterService.saveFilter(copy);
        filters.run(null);
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE).count()).isEqualTo(1);
    }

    @Test
    void noCatchAllFilterListsEveryTask() {
        assertThat(filterService.createFilterQuery().filterName("All tasks").count()).isZero();
        assertThat(filterService.createFilterQuery().filterName("All Tasks").count()).isZero();
    }

    @Test
    void aReviewerRunsEveryFilterAndSeesTheTasksOfTheirGroupOnly() {
        TestFixtures.Tree tree = fixtures.tree();
        String reviewersA = Groups.reviewersOf(tree.districtA());
        String reviewersB = Groups.reviewersOf(tree.districtB());
        // The filters compare with the engine's clock, which other tests may move.
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Date past = Date.from(now.minus(2, ChronoUnit.DAYS));
        Date future = Date.from(now.plus(5, ChronoUnit.DAYS));
        deploy();
        start(TasklistFilters.REVIEW_UPLOAD, reviewersA, future);
        start(TasklistFilters.REVIEW_UPLOAD, reviewersA, past);
        start(TasklistFilters.REVIEW_TRANSFER_OUT, reviewersB, past);
        start(TasklistFilters.REMEDIATE, Groups.adminsOf(tree.districtA()), future);
        start(TasklistFilters.SUPERVISE_REMEDIATION, Groups.CITY_SUPERVISORS, future);

        Api api = new Api(port);
        Api.Login reviewerA = fixtures.user(reviewersA);
        Map<String, String> ids = filterIds(api, reviewerA);
        assertThat(ids.keySet()).containsAll(NAMES);

        assertThat(run(api, ids.get(TasklistFilters.MY_REVIEWS), reviewerA))
                .as("both of district A's reviews, the earliest due first, none of district B's")
                .containsExactly(TasklistFilters.REVIEW_UPLOAD + "@" + reviewersA + "@past",
                        TasklistFilters.REVIEW_UPLOAD + "@" + reviewersA + "@future");
        assertThat(run(api, ids.get(TasklistFilters.OVERDUE), reviewerA))
                .containsExactly(TasklistFilters.REVIEW_UPLOAD + "@" + reviewersA + "@past");
        assertThat(run(api, ids.get(TasklistFilters.ESCALATIONS), reviewerA))
                .as("the overdue review is escalated, the one still in time is not")
                .containsExactly(TasklistFilters.REVIEW_UPLOAD + "@" + reviewersA + "@past");

        Api.Login adminA = fixtures.adminOf(tree.districtA());
        assertThat(run(api, filterIds(api, adminA).get(TasklistFilters.ESCALATIONS), adminA))
                .as("an admin's remediation is an escalation whatever its due date")
                .containsExactly(TasklistFilters.REMEDIATE + "@" + Groups.adminsOf(tree.districtA()) + "@future");

        Api.Login supervisor = fixtures.supervisor();
        assertThat(run(api, filterIds(api, supervisor).get(TasklistFilters.ESCALATIONS), supervisor))
                .as("the city's own supervision; other groups' tasks are in no supervisor's own filters")
                .contains(TasklistFilters.SUPERVISE_REMEDIATION + "@" + Groups.CITY_SUPERVISORS + "@future")
                .noneMatch(task -> task.contains(reviewersA) || task.contains(reviewersB));
    }

    @Test
    void aReviewerSeesTheVariableColumnsOfTheirOwnTasksAndCannotReadOtherInstances() {
        TestFixtures.Tree tree = fixtures.tree();
        String reviewersA = Groups.reviewersOf(tree.districtA());
        deploy();
        String mine = runtimeService.startProcessInstanceByKey(probe(TasklistFilters.REVIEW_UPLOAD), Map.of("group", reviewersA,
                "due", Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS)), "label", "columns@A",
                "orgCode", tree.streetA(), "fileName", "团员信息.xlsx")).getId();
        String theirs = runtimeService.startProcessInstanceByKey(probe(TasklistFilters.REVIEW_UPLOAD), Map.of(
                "group", Groups.reviewersOf(tree.districtB()), "due", new Date(), "label", "columns@B",
                "orgCode", tree.districtB(), "fileName", "乙区.xlsx")).getId();

        Api api = new Api(port);
        Api.Login reviewerA = fixtures.user(reviewersA);
        Api.Response listed = api.get("/engine-rest/filter/" + filterIds(api, reviewerA).get(TasklistFilters.MY_REVIEWS)
                + "/list", reviewerA, "application/hal+json");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        Map<String, String> columns = new java.util.HashMap<>();
        for (JsonNode task : listed.json().at("/_embedded/task")) {
            if (mine.equals(task.path("processInstanceId").asText())) {
                task.at("/_embedded/variable").forEach(variable ->
                        columns.put(variable.path("name").asText(), variable.path("value").asText()));
            }
        }
        assertThat(columns).as("what Tasklist shows in the filter's columns 团组织 and 文件: " + listed.body())
                .containsEntry("orgCode", tree.streetA()).containsEntry("fileName", "团员信息.xlsx");

        assertThat(api.get("/engine-rest/process-instance/" + mine + "/variables", reviewerA).status()).isEqualTo(200);
        Api.Response other = api.get("/engine-rest/process-instance/" + theirs + "/variables", reviewerA);
        assertThat(other.status()).as("another organisation's upload: " + other.body()).isIn(403, 404);
        assertThat(other.body()).doesNotContain("乙区.xlsx");

        taskService.complete(taskService.createTaskQuery().processInstanceId(mine).singleResult().getId());
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(mine).count()).as("grants left behind by an ended instance").isZero();
    }

    @Test
    void aGroupsGrantWithoutReadOnTheInstanceGetsReadInsteadOfASecondGrant() {
        String group = Groups.reviewersOf(fixtures.tree().districtA());
        deployment = repositoryService.createDeployment().addModelInstance("read-grant-probe.bpmn",
                Bpmn.createExecutableProcess("readGrantProbe").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("first").camundaCandidateGroups(group).userTask("second").camundaCandidateGroups(group)
                        .endEvent().done()).deploy();
        String instance = runtimeService.startProcessInstanceByKey("readGrantProbe").getId();
        Authorization grant = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance).groupIdIn(group).singleResult();
        grant.removePermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(grant);

        taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());

        Authorization after = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance).groupIdIn(group).singleResult();
        assertThat(after.getId()).isEqualTo(grant.getId());
        assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(after.isPermissionGranted(Permissions.UPDATE)).as("what the grant had stays").isTrue();
    }

    private void deploy() {
        var builder = repositoryService.createDeployment();
        for (String task : List.of(TasklistFilters.REVIEW_UPLOAD, TasklistFilters.REVIEW_TRANSFER_OUT,
                TasklistFilters.REMEDIATE, TasklistFilters.SUPERVISE_REMEDIATION)) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(probe(task)).camundaHistoryTimeToLive(1)
                    .startEvent().userTask(task).name("${label}").camundaCandidateGroups("${group}")
                    .camundaDueDate("${due}").endEvent().done();
            builder.addModelInstance(probe(task) + ".bpmn", model);
        }
        deployment = builder.deploy();
    }

    private void start(String task, String group, Date due) {
        String when = due.before(ClockUtil.getCurrentTime()) ? "past" : "future";
        runtimeService.startProcessInstanceByKey(probe(task),
                Map.of("group", group, "due", due, "label", task + "@" + group + "@" + when));
    }

    private static String probe(String task) {
        return "filterProbe-" + task;
    }

    private static Map<String, String> filterIds(Api api, Api.Login login) {
        Api.Response response = api.get("/engine-rest/filter?resourceType=Task", login);
        assertThat(response.status()).isEqualTo(200);
        Map<String, String> ids = new java.util.HashMap<>();
        for (JsonNode filter : response.json()) {
            assertThat(ids.put(filter.get("name").asText(), filter.get("id").asText())).as("listed once").isNull();
        }
        return ids;
    }

    /** The names of the tasks a filter lists for the caller, in the filter's order. */
    private static List<String> run(Api api, String filterId, Api.Login login) {
        Api.Response response = api.get("/engine-rest/filter/" + filterId + "/list", login);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().forEach(task -> names.add(task.get("name").asText()));
        return names;
    }
}
