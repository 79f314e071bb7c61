package cn.tuanwu.supervision;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.shared.Ages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of processes.md, counted by the database: a few aggregate queries, each grouped by
 * organisation, summed here up the tree. Nothing about a member leaves the database but counts.
 *
 * <p>Definitions (the campaign year runs from 1 January to 1 January, the window from 00:00 of its
 * first day to 00:00 of the day after its last, both Asia/Shanghai):
 * <ul>
 * <li>uploaded / updated in the window: rows that came in as NEW or REACTIVATED / UPDATED through an
 *     upload submitted in the window and applied (data counts as of the day it was entered);</li>
 * <li>transferred out in the window: members whose transfer-out was applied in it;</li>
 * <li>new students, new employees, newly developed: active members of that entry type entered in the
 *     campaign year;</li>
 * <li>registered, unregistered, rate: among active members; pending reviews: uploads awaiting review;</li>
 * <li>over-age active: active 团员 (not 团干部) aged 28 or more today.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class CampaignFigures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final String IN_SUBTREE = "o.path LIKE :prefix ESCAPE '\\'";

    /** Up to this many organisations a query names them; a bigger subtree is selected by its path. */
    static final int NAMED_ORGANISATIONS = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int namedOrganisations;

    @Autowired
    CampaignFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, NAMED_ORGANISATIONS);
    }

    CampaignFigures(NamedParameterJdbcTemplate jdbc, Clock clock, int namedOrganisations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.namedOrganisations = namedOrganisations;
    }

    /** The figures of the organisation and everything below it. */
    public Figures ofSubtree(OrganisationInfo organisation, int year, SubmissionWindow window) {
        return count(organisation.path(), path -> organisation.code(), code -> window, year)
                .getOrDefault(organisation.code(), Figures.NONE);
    }

    /** Each direct child's subtree, by code; members of the organisation itself belong to no child. */
    public Map<String, Figures> ofChildren(OrganisationInfo organisation, int year, SubmissionWindow window) {
        int childSegment = organisation.level() + 2;
        return count(organisation.path(), path -> segment(path, childSegment), code -> window, year);
    }

    /**
     * {@link #ofSubtree} and {@link #ofChildren} from one pass over the register: what the close needs,
     * the organisation's figures and its lagging sub-organisations, for the price of one of them.
     */
    public SubtreeFigures ofSubtreeAndChildren(OrganisationInfo organisation, int year, SubmissionWindow window) {
        int childSegment = organisation.level() + 2;
        String own = organisation.code();
        Map<String, String> childNames = new TreeMap<>();
        Map<String, long[]> groups = sums(organisation.path(), path -> {
            String child = segment(path, childSegment);
            return child == null ? own : child;
        }, code -> window, year, (code, path, name) -> {
            if (path.equals(organisation.path() + code + "/")) {
                childNames.put(code, name);
            }
        });
        long[] total = new long[Figures.Column.values().length];
        Map<String, Figures> children = new HashMap<>();
        groups.forEach((group, counts) -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
            if (!group.equals(own)) {
                children.put(group, Figures.of(counts));
            }
        });
        return new SubtreeFigures(Figures.of(total), children, childNames);
    }

    /**
     * An organisation's figures and each direct child's by code (children without members are not counted),
     * and the names of all its direct children by code, in code order: read in the same pass.
     */
    public record SubtreeFigures(Figures subtree, Map<String, Figures> children, Map<String, String> childNames) {
    }

    /**
     * Every top-level organisation's subtree, each counted against its own window ({@code windows} by
     * top-level code; organisations without a window are left out).
     */
    public Map<String, Figures> ofTopLevel(String cityPath, int year, Map<String, SubmissionWindow> windows) {
        Map<String, Figures> all = count(cityPath, path -> segment(path, 2), windows::get, year);
        all.keySet().retainAll(windows.keySet());
        return all;
    }

    private Map<String, Figures> count(String rootPath, Function<String, String> groupOfPath,
            Function<String, SubmissionWindow> windowOfGroup, int year) {
        Map<String, Figures> figures = new HashMap<>();
        sums(rootPath, groupOfPath, windowOfGroup, year, null)
                .forEach((group, counts) -> figures.put(group, Figures.of(counts)));
        return figures;
    }

    /** Sees each organisation of the subtree as it is read (only asked for when names are needed). */
    private interface OrganisationRow {
        void accept(String code, String path, String name);
    }

    /** The counts in {@link Figures.Column} order, by group: members of organisations a group function maps to null are left out. */
    private Map<String, long[]> sums(String rootPath, Function<String, String> groupOfPath,
            Function<String, SubmissionWindow> windowOfGroup, int year, OrganisationRow eachOrganisation) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("prefix", escapeLike(rootPath) + "%")
                .addValue("yearStart", startOf(LocalDate.of(year, 1, 1)))
                .addValue("yearEnd", startOf(LocalDate.of(year + 1, 1, 1)))
                .addValue("overAgeBorn", Ages.overAgeBornOnOrBefore(LocalDate.now(clock.withZone(SHANGHAI))));
        // The subtree's organisations first: a top-level organisation has about a hundred, and naming them
        // lets the database read only their members through the (org_code, status) index, where a join on
        // the path made PostgreSQL scan all members (3 ms against 200 ms for a million). The whole city
        // (the progress report) is one scan, the join's way.
        Map<String, String> groupOfCode = new HashMap<>();
        jdbc.query("SELECT o.code, o.path" + (eachOrganisation == null ? "" : ", o.name") + " FROM organisation o WHERE "
                + IN_SUBTREE, parameters, rs -> {
            if (eachOrganisation != null) {
                eachOrganisation.accept(rs.getString(1), rs.getString(2), rs.getString(3));
            }
            String group = groupOfPath.apply(rs.getString(2));
            if (group != null) {
                groupOfCode.put(rs.getString(1), group);
            }
        });
        if (groupOfCode.isEmpty()) {
            return new HashMap<>();
        }
        String inSubtree;
        if (groupOfCode.size() <= namedOrganisations) {
            parameters.addValue("codes", groupOfCode.keySet());
            inSubtree = " IN (:codes)";
        } else {
            inSubtree = " IN (SELECT o.code FROM organisation o WHERE " + IN_SUBTREE + ")";
        }
        Map<String, long[]> sums = new HashMap<>();
        // Every count is of active members: the (org_code, status) index leaves the transferred out unread, and
        // the sums test a row's columns once fewer (about a quarter of the query's time on PostgreSQL).
        jdbc.query("""
                SELECT m.org_code,
                       COUNT(*),
                       SUM(CASE WHEN m.registered THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.entry_type = 'NEW_STUDENT'
                                 AND m.created_at >= :yearStart AND m.created_at < :yearEnd THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.entry_type = 'NEW_EMPLOYEE'
                                 AND m.created_at >= :yearStart AND m.created_at < :yearEnd THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.entry_type = 'NEWLY_DEVELOPED'
                                 AND m.created_at >= :yearStart AND m.created_at < :yearEnd THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.category = 'LEAGUE_MEMBER' AND m.birth_date <= :overAgeBorn THEN 1 ELSE 0 END)
                FROM member m
                WHERE m.status = 'ACTIVE' AND m.org_code%s
                GROUP BY m.org_code""".formatted(inSubtree), parameters, rs -> {
            String group = groupOfCode.get(rs.getString(1));
            if (group == null) {
                return;
            }
            long[] counts = sums.computeIfAbsent(group, g -> new long[Figures.Column.values().length]);
            counts[Figures.Column.ACTIVE.ordinal()] += rs.getLong(2);
            counts[Figures.Column.REGISTERED.ordinal()] += rs.getLong(3);
            counts[Figures.Column.NEW_STUDENTS.ordinal()] += rs.getLong(4);
            counts[Figures.Column.NEW_EMPLOYEES.ordinal()] += rs.getLong(5);
            counts[Figures.Column.NEWLY_DEVELOPED.ordinal()] += rs.getLong(6);
            counts[Figures.Column.OVER_AGE.ordinal()] += rs.getLong(7);
        });
        jdbc.query("""
                SELECT u.org_code, COUNT(*)
                FROM upload u
                WHERE u.status = 'AWAITING_REVIEW' AND u.org_code%s
                GROUP BY u.org_code""".formatted(inSubtree), parameters, rs -> {
            add(sums, groupOfCode.get(rs.getString(1)), Figures.Column.PENDING_REVIEWS, rs.getLong(2));
        });
        countWindows(parameters, inSubtree, sums, groupOfCode, windowOfGroup);
        return sums;
    }

    /** The window-bound counts, one pass per distinct window (the categories share two). */
    private void countWindows(MapSqlParameterSource parameters, String inSubtree, Map<String, long[]> sums,
            Map<String, String> groupOfCode, Function<String, SubmissionWindow> windowOfGroup) {
        // Every group of the subtree, not only those with active members: a group whose members were all
        // transferred out in its window still counts them.
        Set<SubmissionWindow> windows = new LinkedHashSet<>();
        for (String group : new LinkedHashSet<>(groupOfCode.values())) {
            SubmissionWindow window = windowOfGroup.apply(group);
            if (window != null) {
                windows.add(window);
            }
        }
        for (SubmissionWindow window : windows) {
            MapSqlParameterSource inWindow = new MapSqlParameterSource(parameters.getValues())
                    .addValue("opens", Timestamp.from(window.opensAt(SHANGHAI).toInstant()))
                    .addValue("closes", Timestamp.from(window.closesAt(SHANGHAI).toInstant()));
            jdbc.query("""
                    SELECT r.org_code,
                           SUM(CASE WHEN r.outcome IN ('NEW', 'REACTIVATED') THEN 1 ELSE 0 END),
                           SUM(CASE WHEN r.outcome = 'UPDATED' THEN 1 ELSE 0 END)
                    FROM upload u
                    JOIN upload_row r ON r.upload_id = u.id
                    WHERE u.status = 'APPLIED' AND u.uploaded_at >= :opens AND u.uploaded_at < :closes
                      AND r.outcome IN ('NEW', 'REACTIVATED', 'UPDATED') AND r.org_code%s
                    GROUP BY r.org_code""".formatted(inSubtree), inWindow, rs -> {
                String group = groupOfCode.get(rs.getString(1));
                if (group != null && window.equals(windowOfGroup.apply(group))) {
                    add(sums, group, Figures.Column.UPLOADED, rs.getLong(2));
                    add(sums, group, Figures.Column.UPDATED, rs.getLong(3));
                }
            });
            jdbc.query("""
                    SELECT m.org_code, COUNT(*)
                    FROM member m
                    WHERE m.transferred_out_at >= :opens AND m.transferred_out_at < :closes AND m.org_code%s
                    GROUP BY m.org_code""".formatted(inSubtree), inWindow, rs -> {
                String group = groupOfCode.get(rs.getString(1));
                if (group != null && window.equals(windowOfGroup.apply(group))) {
                    add(sums, group, Figures.Column.TRANSFERRED_OUT, rs.getLong(2));
                }
            });
        }
    }

    private static void add(Map<String, long[]> sums, String group, Figures.Column column, long count) {
        if (group != null) {
            sums.computeIfAbsent(group, g -> new long[Figures.Column.values().length])[column.ordinal()] += count;
        }
    }

    /** The code at a depth of a materialised path ('/TSW/HP/HP01/': 1 → TSW, 2 → HP), or null above it. */
    static String segment(String path, int index) {
        String[] parts = path.split("/");
        return parts.length > index ? parts[index] : null;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(SHANGHAI).toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
