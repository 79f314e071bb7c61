package cn.tuanwu.report;

import cn.tuanwu.organisation.Category;
import cn.tuanwu.supervision.Figures;
import java.time.LocalDate;

/**
 * One top-level organisation in the campaign's progress (api.md): where its supervision stands, from
 * its org-supervision process, and its figures, counted live from the register.
 */
record ProgressRow(String orgCode, String orgName, Category category, LocalDate windowStart, LocalDate windowEnd,
        String state, String outcome, int escalationLevel, Figures figures) {
}
