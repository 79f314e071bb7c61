/**
 * Transfer-outs (人员转出 / 一键转出): the {@code transfer-out} process, checking every member before
 * anything starts, review by the parent organisation (over-age transfers are decided by rule), and
 * setting the members transferred out in batched statements.
 */
package cn.tuanwu.transfer;
