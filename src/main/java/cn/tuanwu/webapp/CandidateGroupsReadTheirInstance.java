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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
                // The engine's own lookup of the group's one grant on the instance (a plain select by its unique
                // key) rather than a query through the API's dynamic SQL: this runs for every task created.
                AuthorizationEntity existing = command.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                        Authorization.AUTH_TYPE_GRANT, group, Resources.PROCESS_INSTANCE, instance);
                if (existing == null) {
                    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    read.setGroupId(group);
                    read.setResource(Resources.PROCESS_INSTANCE);
                    read.setResourceId(instance);
                    read.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(read);
                } else if (!existing.isPermissionGranted(Permissions.READ)) {
                    existing.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(existing);
                }
            }
        } finally {
            command.enableAuthorizationCheck();
        }
    }
}
