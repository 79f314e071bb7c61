package cn.tuanwu.identity;

import java.util.List;
import java.util.Set;

/**
 * Who is calling the API: a user id and their groups, as the identity store holds them. Serializable:
 * the pages' login keeps it in the HTTP session.
 */
public record Caller(String userId, Set<String> groups) implements java.io.Serializable {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean inGroup(String groupId) {
        return groups.contains(groupId);
    }

    public boolean isCitySupervisor() {
        return inGroup(Groups.CITY_SUPERVISORS);
    }

    public boolean administers(String orgCode) {
        return inGroup(Groups.adminsOf(orgCode));
    }

    /** The organisations the caller administers or reviews, from the org-CODE-… groups. */
    public List<Groups.OrgRole> orgRoles() {
        return groups.stream().sorted().flatMap(group -> Groups.orgRoleOf(group).stream()).toList();
    }
}
