package cn.tuanwu.upload.rules;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Ethnicities;
import cn.tuanwu.member.Labelled;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.Ages;
import cn.tuanwu.shared.Gender;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.shared.IdNumberCheck;
import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks one data row against the cell rules of the data standard and the row rules that need only
 * the row itself (age, join date range, the 新发展 warning). Every broken rule is reported, not just
 * the first, so that one round of fixes is enough. The register rules (NEW, UPDATED, duplicates,
 * E_NAME_MISMATCH …) need the database and are not checked here.
 */
public final class RowValidator {

    static final int POST_MAX_LENGTH = 30;

    private final LocalDate today;
    private final YearMonth uploadMonth;
    private final int campaignYear;
    private final OrgDirectory orgs;

    /**
     * @param today        the upload's day in Asia/Shanghai: ages and the latest join month count from it
     * @param campaignYear the year 新发展 members are expected to have joined in
     * @param orgs         where organisation codes stand relative to the uploader's scope
     */
    public RowValidator(LocalDate today, int campaignYear, OrgDirectory orgs) {
        this.today = Objects.requireNonNull(today, "today");
        this.uploadMonth = YearMonth.from(today);
        this.campaignYear = campaignYear;
        this.orgs = Objects.requireNonNull(orgs, "orgs");
    }

    public CheckedRow check(SheetRow row, ColumnMap columns) {
        RowCells cells = new RowCells(row, columns);
        String name = parsed(cells, Column.NAME, NameRule::normalise, RowErrors::nameFormat);
        IdNumber id = idNumber(cells);
        Gender gender = gender(cells, id);
        String ethnicity = parsed(cells, Column.ETHNICITY, Ethnicities::normalise, RowErrors::ethnicity);
        PoliticalStatus status = labelled(cells, Column.POLITICAL_STATUS, PoliticalStatus.class, RowErrors::politicalStatus);
        Education education = labelled(cells, Column.EDUCATION, Education.class, RowErrors::education);
        YearMonth joined = joined(cells, id);
        String phone = parsed(cells, Column.PHONE, PhoneRule::normalise, RowErrors::phone);
        String orgCode = orgCode(cells);
        MemberCategory category = withDefault(cells, Column.CATEGORY,
                labelled(cells, Column.CATEGORY, MemberCategory.class, RowErrors::category), MemberCategory.LEAGUE_MEMBER);
        String post = post(cells, category);
        EntryType entryType = withDefault(cells, Column.ENTRY_TYPE,
                labelled(cells, Column.ENTRY_TYPE, EntryType.class, RowErrors::entryType), EntryType.SUPPLEMENT);
        ageRules(cells, id, category);
        if (entryType == EntryType.NEWLY_DEVELOPED && joined != null && joined.getYear() != campaignYear) {
            cells.warning(RowErrors.newlyDevelopedOutsideCampaignYear(campaignYear));
        }
        if (cells.hasErrors()) {
            return cells.result(null);
        }
        return cells.result(new MemberFields(id, name, gender, ethnicity, status, education, joined, phone, orgCode,
                category, post, entryType));
    }

    private static <T> T parsed(RowCells cells, Column column, Function<String, Optional<T>> rule,
                                Supplier<RowError> error) {
        String text = cells.text(column);
        if (text == null) {
            return null;
        }
        Optional<T> value = rule.apply(text);
        if (value.isEmpty()) {
            cells.error(error.get());
        }
        return value.orElse(null);
    }

    private static <E extends Enum<E> & Labelled> E labelled(RowCells cells, Column column, Class<E> type,
                                                             Supplier<RowError> error) {
        return parsed(cells, column, text -> Labelled.fromText(type, text), error);
    }

    /** Blank optional cells take the standard's default; a wrong value does not. */
    private static <T> T withDefault(RowCells cells, Column column, T value, T fallback) {
        return value == null && !cells.failed(column) ? fallback : value;
    }

    private IdNumber idNumber(RowCells cells) {
        SheetCell cell = cells.usable(Column.ID_NUMBER);
        if (cell == null) {
            return null;
        }
        if (cell.kind() == SheetCell.Kind.NUMBER) {
            cells.error(RowErrors.idStoredAsNumber());
            return null;
        }
        IdNumberCheck check = IdNumber.check(Text.fold(cell.text()), today);
        if (check instanceof IdNumberCheck.Invalid invalid) {
            cells.error(RowErrors.id(invalid.error()));
            return null;
        }
        return ((IdNumberCheck.Valid) check).idNumber();
    }

    /** Optional: a blank cell takes the ID's gender; a filled one must agree with it. */
    private static Gender gender(RowCells cells, IdNumber id) {
        String text = cells.text(Column.GENDER);
        if (text == null) {
            return cells.failed(Column.GENDER) || id == null ? null : id.gender();
        }
        Gender gender = null;
        for (Gender candidate : Gender.values()) {
            if (candidate.label().equals(text)) {
                gender = candidate;
            }
        }
        if (gender == null) {
            cells.error(RowErrors.genderValue());
        } else if (id != null && id.gender() != gender) {
            cells.error(RowErrors.genderMismatch());
        }
        return gender;
    }

    private YearMonth joined(RowCells cells, IdNumber id) {
        SheetCell cell = cells.usable(Column.JOINED_LEAGUE);
        if (cell == null) {
            return null;
        }
        Optional<YearMonth> parsed = JoinDateRule.parse(cell);
        if (parsed.isEmpty()) {
            cells.error(RowErrors.joinDateFormat());
            return null;
        }
        YearMonth joined = parsed.get();
        if (joined.isAfter(uploadMonth)) {
            cells.error(RowErrors.joinDateAfter(uploadMonth));
        } else if (id != null && joined.isBefore(YearMonth.from(id.birthDate().plusYears(Ages.MINIMUM_AGE)))) {
            cells.error(RowErrors.joinDateBeforeMinimumAge());
        }
        return joined;
    }

    private String orgCode(RowCells cells) {
        String code = cells.text(Column.ORG_CODE);
        if (code == null) {
            return null;
        }
        OrgDirectory.Placement placement = orgs.placement(code);
        if (placement == OrgDirectory.Placement.OUT_OF_SCOPE) {
            cells.error(RowErrors.orgOutOfScope(code));
        } else if (placement != OrgDirectory.Placement.IN_SCOPE) {
            cells.error(RowErrors.orgUnknown(code));
        }
        return code;
    }

    /** Free text, required for 团干部. */
    private static String post(RowCells cells, MemberCategory category) {
        String post = cells.text(Column.POST);
        if (post == null) {
            if (category == MemberCategory.LEAGUE_CADRE && !cells.failed(Column.POST)) {
                cells.error(RowErrors.postRequired());
            }
            return null;
        }
        if (Text.length(post) > POST_MAX_LENGTH) {
            cells.error(RowErrors.postTooLong(POST_MAX_LENGTH));
        }
        return post;
    }

    /** Needs a valid ID; the over-age rule also needs the category (团干部 stay beyond 28). */
    private void ageRules(RowCells cells, IdNumber id, MemberCategory category) {
        if (id == null) {
            return;
        }
        int age = id.ageOn(today);
        if (age < Ages.MINIMUM_AGE) {
            cells.error(RowErrors.underAge());
        } else if (age >= Ages.OVER_AGE && category == MemberCategory.LEAGUE_MEMBER) {
            cells.error(RowErrors.overAge());
        }
    }
}
