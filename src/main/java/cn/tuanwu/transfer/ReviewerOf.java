package cn.tuanwu.transfer;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.organisation.OrganisationInfo;

/** As for uploads: the parent organisation's reviewers, the city committee's own for its own requests. */
final class ReviewerOf {

    private ReviewerOf() {
    }

    static String transferOf(OrganisationInfo requester) {
        return Groups.reviewersOf(requester.parentCode() == null ? requester.code() : requester.parentCode());
    }
}
