package cn.tuanwu.webapp;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a task's candidate groups read the process instance the task belongs to, and only that one. Tasklist
 * shows a filter's variable columns (团组织, 文件, 转出原因) and a task's form from the instance's variables,
 * which with authorization on need READ on the instance: without it a reviewer saw empty columns. A grant
 * on the whole definition would show every organisation's uploads to every reviewer.
 *
 * <p>Runs on the engine's task events (create, and update when an escalation adds a group), inside the
 * engine's transaction, with the engine's authorization checks off for the grant itself: the user whose
 * action created the task may not create authorizations. The engine deletes an instance's grants with the
 * instance's runtime data. Variables hold ids and counts, never a member's personal data (processes.md).
 */
@Component
class CandidateGroupsReadTheirInstance {

    private final AuthorizationService authorizations;

    CandidateGroupsReadTheirInstance(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "' or #task.eventName == '"
            + TaskListener.EVENTNAME_UPDATE + "'")
    public void grant(DelegateTask task) {
        String instance = task.getProcessInstanceId();
        if (instance == null) {
            return;
        }
        Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).collect(Collectors.toSet());
        if (groups.isEmpty()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        command.disableAuthorizationCheck();
        try {
            for (String group : groups) {
                boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(instance).groupIdIn(group).hasPermission(Permissions.READ).count() > 0;
                if (!granted) {
                    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    read.setGroupId(group);
                    read.setResource(Resources.PROCESS_INSTANCE);
                    read.setResourceId(instance);
                    read.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(read);
                }
            }
        } finally {
            command.enableAuthorizationCheck();
        }
    }
}
