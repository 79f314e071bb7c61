package cn.tuanwu.supervision;

import cn.tuanwu.organisation.OrganisationInfo;

/** One organisation's supervision in one year: what every step and notification is about. */
record Supervised(int year, OrganisationInfo org, SubmissionWindow window, String processInstanceId) {
}
