package cn.tuanwu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.shared.Dialect;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The figures against an independent count: a register generated at random (members of every kind,
 * transfers and uploads in and out of the windows), counted once here in Java and once by the database.
 */
@TuanwuTest
class CampaignFiguresTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int YEAR = 2031;
    private static final SubmissionWindow AUGUST = new SubmissionWindow(LocalDate.of(YEAR, 8, 1), LocalDate.of(YEAR, 8, 31));
    private static final SubmissionWindow SEPTEMBER = new SubmissionWindow(LocalDate.of(YEAR, 9, 1), LocalDate.of(YEAR, 9, 30));
    private static final String[] ENTRY_TYPES = {"NEW_STUDENT", "NEW_EMPLOYEE", "NEWLY_DEVELOPED", "TRANSFERRED_IN", "SUPPLEMENT"};
    private static final String[] OUTCOMES = {"NEW", "UPDATED", "UNCHANGED", "REACTIVATED", "REJECTED"};
    private static final String[] UPLOAD_STATUSES = {"APPLIED", "APPLIED", "AWAITING_REVIEW", "REJECTED", "APPLYING"};

    @Autowired CampaignFigures figures;
    @Autowired Organisations organisations;
    @Autowired TestFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Dialect dialect;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired Clock clock;

    private final Random random = new Random(20310801);
    private final Map<String, long[]> expected = new HashMap<>();

    @Test
    void figuresEqualAnIndependentCountOfAGeneratedRegister() {
        String sector = TestFixtures.unique("FS");
        String district = TestFixtures.unique("FD");
        organisations.create(List.of(
                new NewOrganisation(sector, "口径测试大口团工委", fixtures.cityCode(), Category.SECTOR, null),
                new NewOrganisation(sector + "A", "口径测试甲团委", sector, null, null),
                new NewOrganisation(sector + "A1", "口径测试甲一支部", sector + "A", null, null),
                new NewOrganisation(sector + "B", "口径测试乙团委", sector, null, null),
                new NewOrganisation(district, "口径测试区团委", fixtures.cityCode(), Category.DISTRICT, null),
                new NewOrganisation(district + "A", "口径测试街道团工委", district, null, null)));
        // Which top-level organisation and which child each generated row is counted under.
        Map<String, String[]> groups = Map.of(
                sector, new String[] {sector, null}, sector + "A", new String[] {sector, sector + "A"},
                sector + "A1", new String[] {sector, sector + "A"}, sector + "B", new String[] {sector, sector + "B"},
                district, new String[] {district, null}, district + "A", new String[] {district, district + "A"});
        Map<String, SubmissionWindow> windowOfTop = Map.of(sector, AUGUST, district, SEPTEMBER);
        LocalDate today = LocalDate.now(SHANGHAI);
        List<String> codes = new ArrayList<>(groups.keySet());
        codes.sort(null);

        for (int i = 0; i < 400; i++) {
            String org = codes.get(random.nextInt(codes.size()));
            String[] group = groups.get(org);
            SubmissionWindow window = windowOfTop.get(group[0]);
            boolean active = random.nextInt(5) > 0;
            boolean registered = active && random.nextBoolean();
            String entryType = ENTRY_TYPES[random.nextInt(ENTRY_TYPES.length)];
            Instant createdAt = instantIn(YEAR - 1 + random.nextInt(3));
            boolean cadre = random.nextInt(6) == 0;
            LocalDate birth = today.minusYears(20 + random.nextInt(10)).plusDays(random.nextInt(3) - 1);
            Instant transferredOut = active ? null : instantIn(YEAR);
            insertMember(org, birth, cadre, entryType, active, registered, createdAt, transferredOut);

            boolean inYear = !createdAt.isBefore(start(LocalDate.of(YEAR, 1, 1)))
                    && createdAt.isBefore(start(LocalDate.of(YEAR + 1, 1, 1)));
            for (String code : group) {
                if (code == null) {
                    continue;
                }
                long[] counts = expected.computeIfAbsent(code, c -> new long[Figures.Column.values().length]);
                if (active) {
                    counts[Figures.Column.ACTIVE.ordinal()]++;
                    counts[Figures.Column.REGISTERED.ordinal()] += registered ? 1 : 0;
                    counts[Figures.Column.NEW_STUDENTS.ordinal()] += inYear && entryType.equals("NEW_STUDENT") ? 1 : 0;
                    counts[Figures.Column.NEW_EMPLOYEES.ordinal()] += inYear && entryType.equals("NEW_EMPLOYEE") ? 1 : 0;
                    counts[Figures.Column.NEWLY_DEVELOPED.ordinal()] += inYear && entryType.equals("NEWLY_DEVELOPED") ? 1 : 0;
                    counts[Figures.Column.OVER_AGE.ordinal()] += !cadre && !birth.isAfter(today.minusYears(28)) ? 1 : 0;
                } else if (inWindow(transferredOut, window)) {
                    counts[Figures.Column.TRANSFERRED_OUT.ordinal()]++;
                }
            }
        }
        for (int u = 0; u < 30; u++) {
            String uploadOrg = codes.get(random.nextInt(codes.size()));
            String status = UPLOAD_STATUSES[random.nextInt(UPLOAD_STATUSES.length)];
            Instant uploadedAt = instantIn(YEAR);
            String uploadId = insertUpload(uploadOrg, status, uploadedAt);
            String[] uploadGroup = groups.get(uploadOrg);
            for (String code : uploadGroup) {
                if (code != null && status.equals("AWAITING_REVIEW")) {
                    expected.computeIfAbsent(code, c -> new long[Figures.Column.values().length])[Figures.Column.PENDING_REVIEWS.ordinal()]++;
                }
            }
            for (int row = 1; row <= 20; row++) {
                String rowOrg = codes.get(random.nextInt(codes.size()));
                String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                jdbc.update("INSERT INTO upload_row (upload_id, row_number, outcome, org_code) VALUES (?, ?, ?, ?)",
                        uploadId, row, outcome, outcome.equals("REJECTED") ? null : rowOrg);
                String[] rowGroup = groups.get(rowOrg);
                if (!status.equals("APPLIED") || outcome.equals("REJECTED")
                        || !inWindow(uploadedAt, windowOfTop.get(rowGroup[0]))) {
                    continue;
                }
                for (String code : rowGroup) {
                    if (code == null) {
                        continue;
                    }
                    long[] counts = expected.computeIfAbsent(code, c -> new long[Figures.Column.values().length]);
                    counts[Figures.Column.UPLOADED.ordinal()] += outcome.equals("NEW") || outcome.equals("REACTIVATED") ? 1 : 0;
                    counts[Figures.Column.UPDATED.ordinal()] += outcome.equals("UPDATED") ? 1 : 0;
                }
            }
        }

        OrganisationInfo sectorInfo = organisations.require(sector);
        OrganisationInfo districtInfo = organisations.require(district);
        // Both ways of selecting a subtree: naming its organisations (the default here) and by its path.
        for (CampaignFigures figures : List.of(this.figures, new CampaignFigures(named, clock, 0))) {
            assertEqualToTheIndependentCount(figures, sector, district, sectorInfo, districtInfo);
        }
        assertThat(expectedOf(sector).activeMembers()).isPositive();
        assertThat(expectedOf(sector).uploadedInWindow() + expectedOf(district).uploadedInWindow()).isPositive();
        assertThat(expectedOf(sector).transferredOutInWindow() + expectedOf(district).transferredOutInWindow()).isPositive();
    }

    private void assertEqualToTheIndependentCount(CampaignFigures figures, String sector, String district,
            OrganisationInfo sectorInfo, OrganisationInfo districtInfo) {
        assertThat(figures.ofSubtree(sectorInfo, YEAR, AUGUST)).isEqualTo(expectedOf(sector));
        assertThat(figures.ofSubtree(districtInfo, YEAR, SEPTEMBER)).isEqualTo(expectedOf(district));
        assertThat(figures.ofChildren(sectorInfo, YEAR, AUGUST))
                .containsOnlyKeys(sector + "A", sector + "B")
                .containsEntry(sector + "A", expectedOf(sector + "A"))
                .containsEntry(sector + "B", expectedOf(sector + "B"));
        CampaignFigures.SubtreeFigures both = figures.ofSubtreeAndChildren(sectorInfo, YEAR, AUGUST);
        assertThat(both.subtree()).as("the close's one pass: the subtree").isEqualTo(expectedOf(sector));
        assertThat(both.children()).as("the close's one pass: the children")
                .containsOnlyKeys(sector + "A", sector + "B")
                .containsEntry(sector + "A", expectedOf(sector + "A"))
                .containsEntry(sector + "B", expectedOf(sector + "B"));
        Map<String, Figures> top = figures.ofTopLevel(organisations.cityCommittee().orElseThrow().path(), YEAR,
                Map.of(sector, AUGUST, district, SEPTEMBER));
        assertThat(top).containsOnlyKeys(sector, district)
                .containsEntry(sector, expectedOf(sector))
                .containsEntry(district, expectedOf(district));
    }

    @Test
    void membersAllTransferredOutInTheWindowAreCountedAndEveryChildIsNamed() {
        String sector = TestFixtures.unique("FT");
        organisations.create(List.of(
                new NewOrganisation(sector, "全部转出大口团工委", fixtures.cityCode(), Category.SECTOR, null),
                new NewOrganisation(sector + "A", "全部转出甲团委", sector, null, null),
                new NewOrganisation(sector + "A1", "全部转出甲一支部", sector + "A", null, null),
                new NewOrganisation(sector + "B", "无团员乙团委", sector, null, null)));
        Instant created = start(LocalDate.of(YEAR - 1, 3, 1));
        Instant inAugust = start(LocalDate.of(YEAR, 8, 15));
        for (int i = 0; i < 3; i++) {
            insertMember(sector + "A1", LocalDate.of(2005, 1, 1), false, "SUPPLEMENT", false, false, created, inAugust);
        }
        OrganisationInfo info = organisations.require(sector);

        // No active member anywhere in the subtree: the window's transfers are still counted, at every level.
        Figures subtree = figures.ofSubtree(info, YEAR, AUGUST);
        assertThat(subtree.activeMembers()).isZero();
        assertThat(subtree.transferredOutInWindow()).isEqualTo(3);
        CampaignFigures.SubtreeFigures both = figures.ofSubtreeAndChildren(info, YEAR, AUGUST);
        assertThat(both.subtree()).isEqualTo(subtree);
        assertThat(both.children().get(sector + "A").transferredOutInWindow()).isEqualTo(3);
        assertThat(both.childNames()).as("every direct child, members or not, in code order").containsExactly(
                Map.entry(sector + "A", "全部转出甲团委"), Map.entry(sector + "B", "无团员乙团委"));
        assertThat(figures.ofTopLevel(organisations.cityCommittee().orElseThrow().path(), YEAR, Map.of(sector, AUGUST)))
                .containsEntry(sector, subtree);
    }

    @Test
    void anOrganisationWithNoMembersHasZeroFiguresAndRate() {
        String empty = TestFixtures.unique("FE");
        organisations.create(List.of(new NewOrganisation(empty, "空组织", fixtures.cityCode(), Category.COLLEGE, null)));
        Figures none = figures.ofSubtree(organisations.require(empty), YEAR, SEPTEMBER);
        assertThat(none).isEqualTo(Figures.NONE);
        assertThat(none.registrationRate()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private Figures expectedOf(String code) {
        long[] counts = expected.getOrDefault(code, new long[Figures.Column.values().length]);
        long active = counts[Figures.Column.ACTIVE.ordinal()];
        long registered = counts[Figures.Column.REGISTERED.ordinal()];
        BigDecimal rate = active == 0 ? BigDecimal.ZERO.setScale(4)
                : new BigDecimal(registered).divide(new BigDecimal(active), 4, RoundingMode.HALF_UP);
        return new Figures(active, counts[Figures.Column.UPLOADED.ordinal()], counts[Figures.Column.UPDATED.ordinal()],
                counts[Figures.Column.TRANSFERRED_OUT.ordinal()], counts[Figures.Column.NEW_STUDENTS.ordinal()],
                counts[Figures.Column.NEW_EMPLOYEES.ordinal()], counts[Figures.Column.NEWLY_DEVELOPED.ordinal()],
                registered, active - registered, rate, counts[Figures.Column.PENDING_REVIEWS.ordinal()],
                counts[Figures.Column.OVER_AGE.ordinal()]);
    }

    /** A moment in the year, often near the windows' edges (Asia/Shanghai midnight), to catch off-by-one zones. */
    private Instant instantIn(int year) {
        if (random.nextBoolean()) {
            LocalDate edge = List.of(LocalDate.of(year, 8, 1), LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 1),
                    LocalDate.of(year, 1, 1)).get(random.nextInt(4));
            return start(edge).plusSeconds(random.nextInt(7200) - 3600);
        }
        return LocalDateTime.of(year, 1, 1, 0, 0).plusMinutes(random.nextInt(365 * 24 * 60)).atZone(SHANGHAI).toInstant();
    }

    private static boolean inWindow(Instant at, SubmissionWindow window) {
        return at != null && !at.isBefore(window.opensAt(SHANGHAI).toInstant()) && at.isBefore(window.closesAt(SHANGHAI).toInstant());
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private void insertMember(String org, LocalDate birth, boolean cadre, String entryType, boolean active,
            boolean registered, Instant createdAt, Instant transferredOut) {
        Long id = jdbc.queryForObject(nextMemberId(), Long.class);
        jdbc.update("""
                INSERT INTO member (id, id_number, name, gender, birth_date, ethnicity, political_status, education,
                                    joined_league, phone, org_code, category, post, entry_type, status, transfer_reason,
                                    transferred_out_at, registered, registered_at, created_at, updated_at)
                VALUES (?, ?, '测试', 'MALE', ?, '汉族', 'LEAGUE_MEMBER', 'BACHELOR', ?, '13900000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, IdNumbers.next(birth), birth, birth.plusYears(15), org, cadre ? "LEAGUE_CADRE" : "LEAGUE_MEMBER",
                cadre ? "团支部书记" : null, entryType, active ? "ACTIVE" : "TRANSFERRED_OUT", active ? null : "LEFT_ORG",
                transferredOut == null ? null : Timestamp.from(transferredOut), registered,
                registered ? Timestamp.from(createdAt) : null, Timestamp.from(createdAt), Timestamp.from(createdAt));
    }

    private String nextMemberId() {
        return "SELECT " + dialect.nextValue("member_seq");
    }

    private String insertUpload(String org, String status, Instant uploadedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO upload (id, org_code, file_name, file_size, sha256, status, uploaded_by, uploaded_at)
                VALUES (?, ?, 'figures.xlsx', 1, 'x', ?, 'figures-test', ?)""", id, org, status, Timestamp.from(uploadedAt));
        return id;
    }
}
