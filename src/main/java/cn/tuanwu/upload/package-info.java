/**
 * Member uploads (信息补录 / 信息调整): the {@code member-import} process, reading and checking the
 * file against the data standard, review, and applying the staged rows to the register.
 */
package cn.tuanwu.upload;
