/**
 * Review tasks (审核): the rules every review of the campaign keeps — the submitter never reviews their
 * own request, a rejection needs a comment — enforced in the API and, through task listeners, by the
 * engine itself for Tasklist.
 */
package cn.tuanwu.review;
