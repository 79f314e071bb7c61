package cn.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** processes/ is what the engine deploys: every model there is deployed and has a historyTimeToLive. */
@TuanwuTest
class ProcessesTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;
    @Autowired
    org.camunda.bpm.engine.FormService formService;

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).toList();
        }
    }

    @Test
    void everyModelIsDeployedWithAHistoryTimeToLive() throws Exception {
        List<Path> models = models();
        assertThat(models).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path model : models) {
            Element root = factory.newDocumentBuilder().parse(model.toFile()).getDocumentElement();
            String element = model.toString().endsWith(".bpmn") ? "process" : "decision";
            NodeList definitions = root.getElementsByTagNameNS("*", element);
            assertThat(definitions.getLength()).as(model.toString()).isPositive();
            for (int i = 0; i < definitions.getLength(); i++) {
                Element definition = (Element) definitions.item(i);
                String key = definition.getAttribute("id");
                assertThat(definition.getAttributeNS("http://camunda.org/schema/1.0/" + (element.equals("process") ? "bpmn" : "dmn"),
                        "historyTimeToLive")).as(key + " historyTimeToLive").isNotBlank();
                long deployed = element.equals("process")
                        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()
                        : repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count();
                assertThat(deployed).as(key + " deployed").isPositive();
            }
        }
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** BPMN and code in step: every delegate expression names a bean, every user task a deployed form. */
    @Test
    void everyDelegateIsABeanAndEveryUserTaskHasADeployedForm() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String camunda = "http://camunda.org/schema/1.0/bpmn";
        java.util.Set<String> forms = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
                forms.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(form.toFile()).path("id").asText());
            }
        }
        for (Path model : models()) {
            if (!model.toString().endsWith(".bpmn")) {
                continue;
            }
            Element root = factory.newDocumentBuilder().parse(model.toFile()).getDocumentElement();
            NodeList all = root.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                String expression = element.getAttributeNS(camunda, "delegateExpression");
                if (!expression.isEmpty()) {
                    String bean = expression.replaceAll("^\\$\\{(.+)}$", "$1");
                    assertThat(context.containsBean(bean)).as(model + ": bean " + bean).isTrue();
                }
                // A start event a person uses has a form (checked below); any form named must be deployed.
                if (element.getLocalName().equals("userTask") || !element.getAttributeNS(camunda, "formRef").isEmpty()) {
                    String formRef = element.getAttributeNS(camunda, "formRef");
                    assertThat(formRef).as(model + ": form of " + element.getAttribute("id")).isNotBlank();
                    assertThat(forms).as("form " + formRef + " in processes/").contains(formRef);
                    assertThat(element.getAttributeNS(camunda, "formRefBinding")).isEqualTo("deployment");
                }
            }
        }
        assertThat(repositoryService.createDeploymentQuery().list().stream()
                .flatMap(deployment -> repositoryService.getDeploymentResourceNames(deployment.getId()).stream())
                .anyMatch(name -> name.endsWith("review-upload.form"))).as("forms are deployed").isTrue();
    }

    /**
     * Issue 6: every start event a person uses has a form in Chinese. A person (other than an administrator) can
     * start exactly the process definitions their groups are granted CREATE_INSTANCE on.
     */
    @Test
    void everyProcessAPersonMayStartHasAStartForm() throws Exception {
        List<String> startable = authorizationService.createAuthorizationQuery()
                .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
                .hasPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE).list()
                .stream()
                .filter(grant -> grant.getGroupId() != null && !grant.getGroupId().equals(cn.tuanwu.identity.Groups.CAMUNDA_ADMIN))
                .map(org.camunda.bpm.engine.authorization.Authorization::getResourceId).distinct().toList();
        assertThat(startable).as("city supervisors start the campaign").contains("campaign")
                .as("nobody but administrators may start any process").doesNotContain("*");
        for (String key : startable) {
            String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId();
            org.camunda.bpm.engine.form.CamundaFormRef form = formService.getStartFormData(definitionId).getCamundaFormRef();
            assertThat(form).as(key + ": start form").isNotNull();
            assertThat(form.getBinding()).isEqualTo("deployment");
            try (java.io.InputStream deployed = formService.getDeployedStartForm(definitionId)) {
                String schema = new String(deployed.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(schema).as(key + ": start form in Chinese").containsPattern("\\p{IsHan}");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} – {2}")
    @CsvSource({
            "DISTRICT, 09-01, 09-30",
            "COLLEGE, 09-01, 09-30",
            "SECTOR, 08-01, 08-31",
            "BUREAU_COMPANY, 08-01, 08-31",
            "MUNICIPAL_UNIT, 08-01, 08-31",
            "CENTRAL_UNIT, 08-01, 08-31",
    })
    void submissionWindowFollowsTheNotice(String category, String firstDay, String lastDay) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey("submission-window",
                Variables.putValue("category", category));
        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry("firstDay", firstDay)
                .containsEntry("lastDay", lastDay);
    }

    @Test
    void anUnknownCategoryHasNoWindow() {
        assertThat(decisionService.evaluateDecisionTableByKey("submission-window",
                Variables.putValue("category", "TOWN")).isEmpty()).isTrue();
    }
}
