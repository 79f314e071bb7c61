/**
 * Accounts, groups and who is calling: Camunda's identity store is the only one. HTTP Basic on
 * {@code /api}, {@code /engine-rest} and {@code /actuator} authenticates against it, and so does the
 * pages' form login under {@code /app}, whose session {@code /api} accepts too (with a CSRF token).
 */
package cn.tuanwu.identity;
