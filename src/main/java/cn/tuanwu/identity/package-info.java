/**
 * Accounts, groups and who is calling: Camunda's identity store is the only one; HTTP Basic on
 * {@code /api}, {@code /engine-rest} and {@code /actuator} authenticates against it.
 */
package cn.tuanwu.identity;
