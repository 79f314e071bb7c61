package cn.tuanwu.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.dmn.DecisionDefinitionNotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed {@code completion-assessment} table outside a business-rule task: for the
 * reminder before the close and for naming the lagging sub-organisations, so that both judge exactly
 * as the close does. These judgements are previews (the verdict of record is the close's business-rule
 * task, with its decision history), so they run on a DMN engine of their own over the latest deployed
 * table, parsed once per version: no history rows for each of an organisation's sub-organisations.
 */
@Component
class CompletionAssessment {

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();

    CompletionAssessment(RepositoryService repositoryService, ProcessEngine processEngine) {
        this.repositoryService = repositoryService;
        boolean legacyFeel = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .isDmnFeelEnableLegacyBehavior();
        this.dmnEngine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(legacyFeel)
                .buildEngine();
    }

    Assessment assess(Figures figures) {
        return latestTable().apply(figures);
    }

    /** The latest deployed table, looked up once, for judging several organisations in a row. */
    Function<Figures, Assessment> latestTable() {
        DmnDecision decision = latest();
        return figures -> Assessment.of(dmnEngine.evaluateDecisionTable(decision, FigureVariables.of(figures))
                .getResultList());
    }

    /**
     * Inside an engine command (a job's step), the way the business-rule task itself resolves "latest": one plain
     * select of the latest version's id; elsewhere the API's query.
     */
    private DecisionDefinition latestDefinition() {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(Assessment.DECISION)
                    .latestVersion().singleResult();
        }
        try {
            return command.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedLatestDecisionDefinitionByKey(Assessment.DECISION);
        } catch (DecisionDefinitionNotFoundException notDeployed) {
            return null;
        }
    }

    private DmnDecision latest() {
        DecisionDefinition definition = latestDefinition();
        if (definition == null) {
            throw new IllegalStateException(Assessment.DECISION + " is not deployed");
        }
        return parsedById.computeIfAbsent(definition.getId(), id -> {
            try (InputStream model = repositoryService.getDecisionModel(id)) {
                return dmnEngine.parseDecision(Assessment.DECISION, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
