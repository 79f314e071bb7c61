/** 督查: submission windows per category, the campaign and each organisation's supervision. */
package cn.tuanwu.supervision;
