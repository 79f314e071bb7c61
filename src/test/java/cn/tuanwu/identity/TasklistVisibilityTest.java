package cn.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With authorization on, a reviewer sees the tasks of their own groups only (Tasklist reads the same API). */
@TuanwuTest
class TasklistVisibilityTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void reviewersSeeOnlyTheirGroupsTasks() {
        TestFixtures.Tree tree = fixtures.tree();
        BpmnModelInstance model = Bpmn.createExecutableProcess("reviewProbe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("review").camundaCandidateGroups("${reviewers}").endEvent().done();
        deployment = repositoryService.createDeployment().addModelInstance("reviewProbe.bpmn", model).deploy();
        runtimeService.startProcessInstanceByKey("reviewProbe",
                java.util.Map.of("reviewers", Groups.reviewersOf(tree.districtA())));
        runtimeService.startProcessInstanceByKey("reviewProbe",
                java.util.Map.of("reviewers", Groups.reviewersOf(tree.districtB())));

        Api api = new Api(port);
        Api.Login reviewerA = fixtures.user(Groups.reviewersOf(tree.districtA()));
        Api.Login adminA = fixtures.adminOf(tree.districtA());
        String query = "/engine-rest/task?processDefinitionKey=reviewProbe";
        Api.Response tasks = api.get(query, reviewerA);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json().size()).isEqualTo(1);
        assertThat(api.get(query, adminA).json().size()).as("admins are not reviewers").isZero();
        assertThat(api.get(query, fixtures.supervisor()).json().size()).as("supervisors watch every task").isEqualTo(2);
    }
}
