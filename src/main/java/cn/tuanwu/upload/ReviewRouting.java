package cn.tuanwu.upload;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * Who reviews an organisation's upload: the reviewers of its parent (the city committee's own
 * reviewers for a top-level organisation); after P7D also the level above that, which for uploads
 * reviewed by the city committee is the city supervisors.
 */
@Component
class ReviewRouting {

    private final Organisations organisations;

    ReviewRouting(Organisations organisations) {
        this.organisations = organisations;
    }

    String reviewers(OrganisationInfo uploader) {
        return Groups.reviewersOf(uploader.parentCode() == null ? uploader.code() : uploader.parentCode());
    }

    String escalation(OrganisationInfo uploader) {
        if (uploader.parentCode() == null) {
            return Groups.CITY_SUPERVISORS;
        }
        OrganisationInfo parent = organisations.require(uploader.parentCode());
        return parent.parentCode() == null ? Groups.CITY_SUPERVISORS : Groups.reviewersOf(parent.parentCode());
    }
}
