package cn.tuanwu.identity;

import java.util.Optional;

/** The group ids of api.md. */
public final class Groups {

    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String CITY_SUPERVISORS = "city-supervisors";
    public static final String REGISTRATION_FEED = "registration-feed";

    private static final String PREFIX = "org-";
    private static final String ADMINS = "-admins";
    private static final String REVIEWERS = "-reviewers";

    private Groups() {
    }

    public static String adminsOf(String orgCode) {
        return PREFIX + orgCode + ADMINS;
    }

    public static String reviewersOf(String orgCode) {
        return PREFIX + orgCode + REVIEWERS;
    }

    /** The organisation a group of the form org-CODE-admins or org-CODE-reviewers is for. */
    public static Optional<OrgRole> orgRoleOf(String groupId) {
        if (groupId == null || !groupId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        if (groupId.endsWith(ADMINS) && groupId.length() > PREFIX.length() + ADMINS.length()) {
            return Optional.of(new OrgRole(groupId.substring(PREFIX.length(), groupId.length() - ADMINS.length()), OrgRole.Role.ADMIN));
        }
        if (groupId.endsWith(REVIEWERS) && groupId.length() > PREFIX.length() + REVIEWERS.length()) {
            return Optional.of(new OrgRole(groupId.substring(PREFIX.length(), groupId.length() - REVIEWERS.length()), OrgRole.Role.REVIEWER));
        }
        return Optional.empty();
    }

    /** An organisation a user administers or reviews. */
    public record OrgRole(String orgCode, Role role) {
        public enum Role { ADMIN, REVIEWER }
    }
}
