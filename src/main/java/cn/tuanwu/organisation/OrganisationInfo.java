package cn.tuanwu.organisation;

/**
 * An organisation as other features see it. {@code path} ('/TSW/HP/HP01/') makes a subtree one
 * prefix: an organisation is below another when its path starts with the other's.
 */
public record OrganisationInfo(String code, String name, String parentCode, Category category, int level,
        String path, String contactEmail) {

    public boolean isTopLevel() {
        return level == 1;
    }

    public boolean isWithin(OrganisationInfo ancestor) {
        return path.startsWith(ancestor.path());
    }

    /** The code of the top-level organisation this one belongs to, or none for the city committee. */
    public String topLevelCode() {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : null;
    }
}
