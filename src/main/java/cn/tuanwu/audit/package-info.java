/** The audit trail: who uploaded, decided, applied, transferred and exported what, and when. */
package cn.tuanwu.audit;
