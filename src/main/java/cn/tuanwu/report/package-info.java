/**
 * 报表: the campaign's progress per top-level organisation (JSON and spreadsheet) and the
 * registration drive's work list (未登录详情). Reads the register and the supervision rows; writes
 * nothing but the audit trail.
 */
package cn.tuanwu.report;
