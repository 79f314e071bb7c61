package cn.tuanwu.identity;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Service;

/**
 * Users, groups and their engine authorizations, in Camunda's identity store. Every method is
 * idempotent, so start-up seeding may call it on every start.
 */
@Service
public class Accounts {

    static final String GROUP_TYPE_ORGANISATION = "ORGANISATION";
    static final String GROUP_TYPE_SYSTEM = "SYSTEM";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    Accounts(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    /** The admins' and reviewers' groups of a new organisation; both may open Tasklist. */
    public void createOrganisationGroups(String orgCode, String orgName) {
        String admins = Groups.adminsOf(orgCode);
        String reviewers = Groups.reviewersOf(orgCode);
        ensureGroup(admins, truncate(orgName + " 管理员"), GROUP_TYPE_ORGANISATION);
        ensureGroup(reviewers, truncate(orgName + " 审核人"), GROUP_TYPE_ORGANISATION);
        grantApplication(admins, "tasklist");
        grantApplication(reviewers, "tasklist");
    }

    /** A personal account. Its password must satisfy the engine's password policy. */
    public void createUser(NewAccount account) {
        saveUser(account, false);
    }

    /** Demo accounts only: their passwords (the user id) would fail the password policy. */
    public void createDemoUser(NewAccount account) {
        saveUser(account, true);
    }

    public boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** The user's e-mail address, if they have one. */
    public java.util.Optional<String> emailOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? java.util.Optional.empty() : java.util.Optional.of(user.getEmail());
    }

    /** The e-mail addresses of the group's members who have one, each once, sorted. */
    public java.util.List<String> emailsOfMembers(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).map(String::strip)
                .distinct().sorted().toList();
    }

    public boolean groupHasMembers(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).count() > 0;
    }

    void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    void grantApplication(String groupId, String application) {
        grant(groupId, org.camunda.bpm.engine.authorization.Resources.APPLICATION, application,
                org.camunda.bpm.engine.authorization.Permissions.ACCESS);
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null
                ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void saveUser(NewAccount account, boolean skipPasswordPolicy) {
        if (!userExists(account.userId())) {
            User user = identityService.newUser(account.userId());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEmail(account.email());
            user.setPassword(account.password());
            // IdentityServiceImpl is the engine's only implementation; the flag exists for exactly this.
            ((IdentityServiceImpl) identityService).saveUser(user, skipPasswordPolicy);
        }
        addToGroups(account.userId(), account.groups());
    }

    private void addToGroups(String userId, Collection<String> groupIds) {
        for (String groupId : groupIds) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        }
    }

    private static String truncate(String name) {
        return name.length() <= 255 ? name : name.substring(0, 255);
    }

    /** A person's account: who they are and which groups they are in. */
    public record NewAccount(String userId, String firstName, String lastName, String email, String password,
            Collection<String> groups) {
    }
}
