package cn.tuanwu.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import cn.tuanwu.shared.StartupLock;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The groups every installation has, with what their members may see in the webapps. */
@Component
@Order(0)
class SystemGroups implements ApplicationRunner {

    /** The campaign process's key (supervision's CampaignProcess.KEY; identity does not depend on supervision). */
    static final String CAMPAIGN = "campaign";

    private final Accounts accounts;
    private final StartupLock startupLock;

    SystemGroups(Accounts accounts, StartupLock startupLock) {
        this.accounts = accounts;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::ensure);
    }

    void ensure() {
        accounts.ensureGroup(Groups.CAMUNDA_ADMIN, "系统管理员", Accounts.GROUP_TYPE_SYSTEM);
        accounts.ensureGroup(Groups.CITY_SUPERVISORS, "团市委督查", Accounts.GROUP_TYPE_ORGANISATION);
        accounts.ensureGroup(Groups.REGISTRATION_FEED, "网上大报到数据接口", Accounts.GROUP_TYPE_SYSTEM);

        // Administrators administer the engine, as Camunda's own first-user setup grants them: without this the
        // first administrator could not create a user or a membership in Admin or /engine-rest.
        for (Resources resource : Resources.values()) {
            accounts.grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }

        // City supervisors watch every process in Cockpit and work their tasks in Tasklist.
        String supervisors = Groups.CITY_SUPERVISORS;
        accounts.grantApplication(supervisors, "cockpit");
        accounts.grantApplication(supervisors, "tasklist");
        accounts.grant(supervisors, Resources.PROCESS_DEFINITION, Authorization.ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
        accounts.grant(supervisors, Resources.PROCESS_INSTANCE, Authorization.ANY, READ);
        accounts.grant(supervisors, Resources.HISTORIC_TASK, Authorization.ANY, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
        accounts.grant(supervisors, Resources.TASK, Authorization.ANY, READ);
        accounts.grant(supervisors, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_HISTORY);
        accounts.grant(supervisors, Resources.DEPLOYMENT, Authorization.ANY, READ);
        accounts.grant(supervisors, Resources.APPLICATION, "admin", ACCESS);
        // They, and only they (with the administrators), start the year's campaign: from Tasklist's 启动流程 or
        // through POST /api/campaigns, which starts it as them. The campaign's start listener checks it again.
        accounts.grant(supervisors, Resources.PROCESS_DEFINITION, CAMPAIGN, CREATE_INSTANCE);
        accounts.grant(supervisors, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
    }
}
