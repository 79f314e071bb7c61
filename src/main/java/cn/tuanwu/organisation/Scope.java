package cn.tuanwu.organisation;

import java.util.List;

/**
 * What a user may see: every organisation they administer or review, with everything below it.
 * City supervisors' scope is the whole tree. Roots never nest: a root below another is dropped.
 */
public final class Scope {

    private final List<OrganisationInfo> roots;

    Scope(List<OrganisationInfo> roots) {
        this.roots = roots.stream()
                .filter(candidate -> roots.stream().noneMatch(other -> other != candidate
                        && !other.path().equals(candidate.path()) && candidate.isWithin(other)))
                .distinct()
                .toList();
    }

    public List<OrganisationInfo> roots() {
        return roots;
    }

    /** The path prefixes of the scope, for SQL: {@code o.path LIKE :prefix || '%'}. */
    public List<String> rootPaths() {
        return roots.stream().map(OrganisationInfo::path).toList();
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    public boolean contains(OrganisationInfo organisation) {
        return roots.stream().anyMatch(organisation::isWithin);
    }
}
