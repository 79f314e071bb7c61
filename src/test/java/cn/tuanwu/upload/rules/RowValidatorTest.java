package cn.tuanwu.upload.rules;

import static cn.tuanwu.upload.rules.TestRow.TODAY;
import static cn.tuanwu.upload.rules.TestRow.idBornOn;
import static cn.tuanwu.upload.rules.TestRow.valid;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.Gender;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.upload.sheet.SheetCell;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {

    static List<String> codes(CheckedRow row) {
        return row.errors().stream().map(RowError::code).toList();
    }

    static RowError onlyError(CheckedRow row) {
        assertThat(row.valid()).as("row is rejected").isFalse();
        assertThat(row.fields()).isNull();
        assertThat(row.errors()).hasSize(1);
        return row.errors().get(0);
    }

    static void assertRejected(TestRow row, String code, Column column) {
        RowError error = onlyError(row.check());
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.message()).contains("「" + column.header() + "」");
    }

    static MemberFields accepted(TestRow row) {
        CheckedRow checked = row.check();
        assertThat(checked.errors()).as("errors").isEmpty();
        assertThat(checked.valid()).isTrue();
        return checked.fields();
    }

    @Test
    void aValidRowIsNormalisedWithTheStandardsDefaults() {
        CheckedRow row = valid().check();

        assertThat(row.rowNumber()).isEqualTo(7);
        assertThat(row.warnings()).isEmpty();
        MemberFields fields = row.fields();
        assertThat(fields.idNumber().value()).isEqualTo(TestRow.ID);
        assertThat(fields.name()).isEqualTo("张三");
        assertThat(fields.gender()).isEqualTo(Gender.MALE);
        assertThat(fields.ethnicity()).isEqualTo("汉族");
        assertThat(fields.politicalStatus()).isEqualTo(PoliticalStatus.LEAGUE_MEMBER);
        assertThat(fields.education()).isEqualTo(Education.BACHELOR);
        assertThat(fields.joinedLeague()).isEqualTo(YearMonth.of(2018, 5));
        assertThat(fields.phone()).isEqualTo("13812345678");
        assertThat(fields.orgCode()).isEqualTo("SH01");
        assertThat(fields.category()).isEqualTo(MemberCategory.LEAGUE_MEMBER);
        assertThat(fields.post()).isNull();
        assertThat(fields.entryType()).isEqualTo(EntryType.SUPPLEMENT);
    }

    // E_REQUIRED

    @ParameterizedTest
    @EnumSource(value = Column.class, names = {"NAME", "ID_NUMBER", "ETHNICITY", "POLITICAL_STATUS", "EDUCATION",
            "JOINED_LEAGUE", "PHONE", "ORG_CODE"})
    void aBlankRequiredCellNamesItsColumn(Column column) {
        assertRejected(valid().with(column, (String) null), "E_REQUIRED", column);
        RowError error = onlyError(valid().with(column, " \u3000\u200B ").check());
        assertThat(error.code()).isEqualTo("E_REQUIRED");
        assertThat(error.message()).isEqualTo("「" + column.header() + "」为必填项，请填写");
    }

    @Test
    void optionalCellsMayBeBlank() {
        accepted(valid().with(Column.GENDER, " ").with(Column.CATEGORY, "").with(Column.POST, "\u3000")
                .with(Column.ENTRY_TYPE, (String) null));
    }

    @Test
    void aRequiredColumnTheHeaderLacksIsBlankInEveryRow() {
        ColumnMap withoutPhone = new ColumnMap(1, TestRow.TEMPLATE.columns().entrySet().stream()
                .filter(e -> e.getKey() != Column.PHONE)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                List.of(), List.of(Column.PHONE));

        CheckedRow row = new RowValidator(TODAY, 2025, TestRow.ORGS).check(valid().build(), withoutPhone);

        assertThat(codes(row)).containsExactly("E_REQUIRED");
    }

    // E_NAME_FORMAT

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "张三|张三",
            "  王小明 |王小明",
            "张  三|张三",
            "阿依古丽•买买提|阿依古丽·买买提",
            "阿依古丽．买买提|阿依古丽·买买提",
            "阿依古丽・买买提|阿依古丽·买买提",
            "阿依古丽‧买买提|阿依古丽·买买提",
            "阿依古丽.买买提|阿依古丽·买买提",
            "阿依古丽 · 买买提|阿依古丽·买买提",
            "爱新觉罗·溥仪|爱新觉罗·溥仪",
            "㐀㐁|㐀㐁",
            "John Smith|John Smith",
            "  John   Smith |John Smith",
            "Ｊｏｈｎ Ｓｍｉｔｈ|John Smith",
            "Li|Li",
    })
    void acceptsChineseMinorityAndLatinNames(String typed, String stored) {
        assertThat(accepted(valid().with(Column.NAME, typed)).name()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三1", "张三２", "李", "L", "·张三", "张三·", "张··三", "李Lily", "John1", "J. Smith",
            "O'Brien", "张三!", "张_三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"})
    void rejectsOtherNames(String typed) {
        assertRejected(valid().with(Column.NAME, typed), "E_NAME_FORMAT", Column.NAME);
    }

    @Test
    void aLineBreakInsideAChineseNameIsPadding() {
        assertThat(accepted(valid().with(Column.NAME, "张\n三")).name()).isEqualTo("张三");
    }

    @Test
    void thirtyCharactersIsTheLongestName() {
        accepted(valid().with(Column.NAME, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"));
    }

    @Test
    void aNumberInTheNameColumnIsNoName() {
        assertRejected(valid().with(Column.NAME, SheetCell.number("12")), "E_NAME_FORMAT", Column.NAME);
    }

    // ID number

    @Test
    void anIdStoredAsANumberHasLostItsLastDigits() {
        RowError error = onlyError(valid().with(Column.ID_NUMBER, SheetCell.number("310101200305101000")).check());

        assertThat(error.code()).isEqualTo("E_ID_NUMERIC");
        assertThat(error.column()).isEqualTo(Column.ID_NUMBER);
        assertThat(error.message()).contains("数字", "文本", "重新输入").doesNotContain("3101");
    }

    @Test
    void foldsLowerCaseXAndFullWidthDigitsAndSpaces() {
        // Find a sequence whose check character is X, so that the lower-case x is really tested.
        String idWithX = null;
        for (int sequence = 0; idWithX == null; sequence++) {
            String candidate = IdNumbers.of("110105", LocalDate.of(2000, 1, 1), sequence);
            if (candidate.endsWith("X")) {
                idWithX = candidate;
            }
        }
        assertThat(accepted(valid().with(Column.ID_NUMBER, idWithX.toLowerCase())).idNumber().value()).isEqualTo(idWithX);

        StringBuilder fullWidth = new StringBuilder();
        for (char c : TestRow.ID.toCharArray()) {
            fullWidth.append((char) (c + 0xFEE0));
        }
        assertThat(accepted(valid().with(Column.ID_NUMBER, fullWidth.toString())).idNumber().value()).isEqualTo(TestRow.ID);
        String spaced = TestRow.ID.substring(0, 6) + " " + TestRow.ID.substring(6, 14) + "\u3000" + TestRow.ID.substring(14);
        assertThat(accepted(valid().with(Column.ID_NUMBER, " " + spaced + " ")).idNumber().value()).isEqualTo(TestRow.ID);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "310101030510123, E_ID_LENGTH",             // the old 15-digit kind
            "31010120030510123, E_ID_LENGTH",
            "3101012003051012345, E_ID_LENGTH",
            "31010120030510A123, E_ID_CHARS",
            "31010120030510123Y, E_ID_CHARS",
            "990101200305101234, E_ID_REGION",
            "310101200313101234, E_ID_BIRTHDATE",       // month 13
            "310101203001011234, E_ID_BIRTHDATE",       // in the future
    })
    void namesTheIdRuleABadNumberBreaks(String typed, String code) {
        RowError error = onlyError(valid().with(Column.ID_NUMBER, typed).check());

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.column()).isEqualTo(Column.ID_NUMBER);
        assertThat(error.message()).contains("身份证号").doesNotContain(typed);
    }

    @Test
    void aWrongCheckCharacterIsAChecksumError() {
        char wrong = TestRow.ID.charAt(17) == '0' ? '1' : '0';
        assertRejectedId(TestRow.ID.substring(0, 17) + wrong, "E_ID_CHECKSUM");
    }

    private static void assertRejectedId(String typed, String code) {
        RowError error = onlyError(valid().with(Column.ID_NUMBER, typed).check());
        assertThat(error.code()).isEqualTo(code);
    }

    // Gender

    @Test
    void genderMatchingTheIdIsAcceptedAndABlankOneIsTakenFromIt() {
        assertThat(accepted(valid().with(Column.GENDER, "男")).gender()).isEqualTo(Gender.MALE);
        String female = IdNumbers.of("310101", TestRow.BIRTH_DATE, 122);
        assertThat(accepted(valid().with(Column.ID_NUMBER, female).with(Column.GENDER, " 女 ")).gender())
                .isEqualTo(Gender.FEMALE);
        assertThat(accepted(valid().with(Column.ID_NUMBER, female)).gender()).isEqualTo(Gender.FEMALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "男性", "1", "未知"})
    void genderIsMaleOrFemaleInChinese(String typed) {
        assertRejected(valid().with(Column.GENDER, typed), "E_GENDER_VALUE", Column.GENDER);
    }

    @Test
    void genderMustMatchTheId() {
        assertRejected(valid().with(Column.GENDER, "女"), "E_GENDER_MISMATCH", Column.GENDER);
    }

    @Test
    void genderIsNotComparedWithAnInvalidId() {
        CheckedRow row = valid().with(Column.ID_NUMBER, "123").with(Column.GENDER, "女").check();
        assertThat(codes(row)).containsExactly("E_ID_LENGTH");
    }

    // Enumerated columns

    @Test
    void ethnicityWithOrWithoutTheSuffix() {
        assertThat(accepted(valid().with(Column.ETHNICITY, "汉")).ethnicity()).isEqualTo("汉族");
        assertThat(accepted(valid().with(Column.ETHNICITY, "维吾尔族")).ethnicity()).isEqualTo("维吾尔族");
        assertThat(accepted(valid().with(Column.ETHNICITY, "外国血统中国籍人士")).ethnicity()).isEqualTo("外国血统中国籍人士");
        assertRejected(valid().with(Column.ETHNICITY, "火星族"), "E_ETHNICITY", Column.ETHNICITY);
        assertRejected(valid().with(Column.ETHNICITY, "族"), "E_ETHNICITY", Column.ETHNICITY);
    }

    @Test
    void politicalStatusByLabelOrAlias() {
        assertThat(accepted(valid().with(Column.POLITICAL_STATUS, "团员")).politicalStatus())
                .isEqualTo(PoliticalStatus.LEAGUE_MEMBER);
        assertThat(accepted(valid().with(Column.POLITICAL_STATUS, "中共预备党员")).politicalStatus())
                .isEqualTo(PoliticalStatus.PROBATIONARY_PARTY_MEMBER);
        assertThat(accepted(valid().with(Column.POLITICAL_STATUS, "党员")).politicalStatus())
                .isEqualTo(PoliticalStatus.PARTY_MEMBER);
        assertRejected(valid().with(Column.POLITICAL_STATUS, "群众"), "E_POLITICAL_STATUS", Column.POLITICAL_STATUS);
    }

    @Test
    void educationByLabelOrAlias() {
        assertThat(accepted(valid().with(Column.EDUCATION, "中专")).education()).isEqualTo(Education.VOCATIONAL);
        assertThat(accepted(valid().with(Column.EDUCATION, "研究生")).education()).isEqualTo(Education.MASTER);
        RowError error = onlyError(valid().with(Column.EDUCATION, "小学").check());
        assertThat(error.code()).isEqualTo("E_EDUCATION");
        assertThat(error.message()).contains("「本科」", "「博士研究生」");
    }

    @Test
    void categoryDefaultsToLeagueMember() {
        assertThat(accepted(valid().with(Column.CATEGORY, "团员")).category()).isEqualTo(MemberCategory.LEAGUE_MEMBER);
        assertThat(accepted(valid().with(Column.CATEGORY, "团干部").with(Column.POST, "团支部书记")).category())
                .isEqualTo(MemberCategory.LEAGUE_CADRE);
        assertRejected(valid().with(Column.CATEGORY, "学生"), "E_CATEGORY", Column.CATEGORY);
    }

    @Test
    void entryTypeDefaultsToSupplement() {
        assertThat(accepted(valid().with(Column.ENTRY_TYPE, "新入学")).entryType()).isEqualTo(EntryType.NEW_STUDENT);
        assertThat(accepted(valid().with(Column.ENTRY_TYPE, "转入")).entryType()).isEqualTo(EntryType.TRANSFERRED_IN);
        assertRejected(valid().with(Column.ENTRY_TYPE, "新来的"), "E_ENTRY_TYPE", Column.ENTRY_TYPE);
    }

    // Post

    @Test
    void aCadreNeedsAPost() {
        RowError error = onlyError(valid().with(Column.CATEGORY, "团干部").check());
        assertThat(error.code()).isEqualTo("E_POST_REQUIRED");
        assertThat(error.column()).isEqualTo(Column.POST);
        assertThat(error.message()).contains("「团内职务」", "「团干部」");
        assertThat(accepted(valid().with(Column.CATEGORY, "团干部").with(Column.POST, " 团委书记 ")).post()).isEqualTo("团委书记");
    }

    @Test
    void aPostIsAtMostThirtyCharacters() {
        String thirty = "团".repeat(30);
        assertThat(accepted(valid().with(Column.POST, thirty)).post()).isEqualTo(thirty);
        assertRejected(valid().with(Column.POST, thirty + "团"), "E_POST_TOO_LONG", Column.POST);
    }

    // Phone

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678",
            "86-13812345678", "8613812345678", "１３８１２３４５６７８", " 13812345678\u3000"})
    void acceptsMobileNumbersHoweverPunctuated(String typed) {
        assertThat(accepted(valid().with(Column.PHONE, typed)).phone()).isEqualTo("13812345678");
    }

    @Test
    void aPhoneStoredAsANumberIsFine() {
        assertThat(accepted(valid().with(Column.PHONE, SheetCell.number("19912345678"))).phone()).isEqualTo("19912345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "021-12345678", "+8612812345678",
            "+85213812345678", "1381234567x", "138.1234.5678"})
    void rejectsWhatIsNoMainlandMobile(String typed) {
        assertRejected(valid().with(Column.PHONE, typed), "E_PHONE", Column.PHONE);
    }

    // Organisation

    @Test
    void anOrganisationInScopeIsAcceptedAfterFolding() {
        assertThat(accepted(valid().with(Column.ORG_CODE, " ＳＨ０１０１ ")).orgCode()).isEqualTo("SH0101");
    }

    @Test
    void anUnknownOrganisationIsNamedInTheMessage() {
        RowError error = onlyError(valid().with(Column.ORG_CODE, "XX99").check());
        assertThat(error.code()).isEqualTo("E_ORG_UNKNOWN");
        assertThat(error.message()).contains("「XX99」");
    }

    @Test
    void anOrganisationOutsideTheScopeIsRejected() {
        RowError error = onlyError(valid().with(Column.ORG_CODE, "BJ01").check());
        assertThat(error.code()).isEqualTo("E_ORG_OUT_OF_SCOPE");
        assertThat(error.message()).contains("「BJ01」", "下级组织");
    }

    // Ages

    @Test
    void underFourteenIsRejected() {
        String thirteen = idBornOn(TODAY.minusYears(14).plusDays(1));
        CheckedRow row = valid().with(Column.ID_NUMBER, thirteen).with(Column.JOINED_LEAGUE, "2025-06").check();
        assertThat(codes(row)).containsExactly("E_UNDER_AGE");

        String fourteen = idBornOn(TODAY.minusYears(14));
        accepted(valid().with(Column.ID_NUMBER, fourteen).with(Column.JOINED_LEAGUE, "2025-06"));
    }

    @Test
    void twentyEightAndALeagueMemberIsOverAge() {
        String twentyEight = idBornOn(TODAY.minusYears(28));
        CheckedRow row = valid().with(Column.ID_NUMBER, twentyEight).check();
        assertThat(codes(row)).containsExactly("E_OVER_AGE");
        assertThat(row.errors().get(0).message()).contains("转出", "不能新增");

        accepted(valid().with(Column.ID_NUMBER, idBornOn(TODAY.minusYears(28).plusDays(1))));
        assertThat(codes(valid().with(Column.ID_NUMBER, twentyEight).with(Column.CATEGORY, "团员").check()))
                .containsExactly("E_OVER_AGE");
    }

    @Test
    void anOverAgeCadreIsAccepted() {
        String thirtyFive = idBornOn(TODAY.minusYears(35));
        MemberFields fields = accepted(valid().with(Column.ID_NUMBER, thirtyFive)
                .with(Column.CATEGORY, "团干部").with(Column.POST, "团委书记"));
        assertThat(fields.category()).isEqualTo(MemberCategory.LEAGUE_CADRE);
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsReachedOnTheFirstOfMarch() {
        TestRow leapling = valid().with(Column.ID_NUMBER, idBornOn(LocalDate.of(1996, 2, 29)));
        // 2024 is a leap year: 28 on the day itself.
        assertThat(codes(leapling.check(LocalDate.of(2024, 2, 28)))).isEmpty();
        assertThat(codes(leapling.check(LocalDate.of(2024, 2, 29)))).containsExactly("E_OVER_AGE");

        TestRow leapling2000 = valid().with(Column.ID_NUMBER, idBornOn(LocalDate.of(2000, 2, 29)));
        assertThat(codes(leapling2000.check(LocalDate.of(2028, 2, 28)))).isEmpty();
        assertThat(codes(leapling2000.check(LocalDate.of(2028, 2, 29)))).containsExactly("E_OVER_AGE");

        // 2022 is a common year: 14 on 1 March, not on 28 February.
        TestRow young = valid().with(Column.ID_NUMBER, idBornOn(LocalDate.of(2008, 2, 29)))
                .with(Column.JOINED_LEAGUE, "2022-02");
        assertThat(codes(young.check(LocalDate.of(2022, 2, 28)))).containsExactly("E_UNDER_AGE");
        assertThat(codes(young.check(LocalDate.of(2022, 3, 1)))).isEmpty();
    }

    // Warning

    @Test
    void newlyDevelopedOutsideTheCampaignYearIsWarnedButCounts() {
        CheckedRow row = valid().with(Column.ENTRY_TYPE, "新发展").with(Column.JOINED_LEAGUE, "2024-05").check();

        assertThat(row.valid()).isTrue();
        assertThat(row.fields().entryType()).isEqualTo(EntryType.NEWLY_DEVELOPED);
        assertThat(row.warnings()).extracting(RowError::code).containsExactly("W_NEW_DEVELOPED_JOIN_YEAR");
        assertThat(row.warnings().get(0).message()).contains("2025");

        assertThat(valid().with(Column.ENTRY_TYPE, "新发展").with(Column.JOINED_LEAGUE, "2025-03").check().warnings())
                .isEmpty();
        assertThat(valid().with(Column.ENTRY_TYPE, "补录").with(Column.JOINED_LEAGUE, "2024-05").check().warnings())
                .isEmpty();
    }

    // Cells no rule can read

    @ParameterizedTest
    @CsvSource({
            "NAME, E_NAME_FORMAT", "ID_NUMBER, E_ID_CHARS", "GENDER, E_GENDER_VALUE", "ETHNICITY, E_ETHNICITY",
            "POLITICAL_STATUS, E_POLITICAL_STATUS", "EDUCATION, E_EDUCATION", "JOINED_LEAGUE, E_JOIN_DATE_FORMAT",
            "PHONE, E_PHONE", "ORG_CODE, E_ORG_UNKNOWN", "CATEGORY, E_CATEGORY", "POST, E_POST_REQUIRED",
            "ENTRY_TYPE, E_ENTRY_TYPE",
    })
    void aFormulaErrorIsAWrongValueOfItsColumn(Column column, String code) {
        SheetCell error = new SheetCell("#N/A", SheetCell.Kind.ERROR, null, true);
        RowError reported = onlyError(valid().with(column, error).check());

        assertThat(reported.code()).isEqualTo(code);
        assertThat(reported.column()).isEqualTo(column);
        assertThat(reported.message()).contains("「" + column.header() + "」", "公式", "#N/A");
    }

    @Test
    void aFormulaErrorInTheCategoryTakesNoDefault() {
        SheetCell error = new SheetCell("#REF!", SheetCell.Kind.ERROR, null, true);
        assertThat(codes(valid().with(Column.CATEGORY, error).check())).containsExactly("E_CATEGORY");
    }

    @Test
    void aFormulaWithAGoodValueIsRead() {
        SheetCell formula = new SheetCell("汉族", SheetCell.Kind.TEXT, null, true);
        assertThat(accepted(valid().with(Column.ETHNICITY, formula)).ethnicity()).isEqualTo("汉族");
    }

    @Test
    void aTrueOrFalseCellIsAWrongValue() {
        SheetCell bool = new SheetCell("TRUE", SheetCell.Kind.BOOLEAN, null, false);
        assertRejected(valid().with(Column.NAME, bool), "E_NAME_FORMAT", Column.NAME);
    }

    // All errors of a row

    @Test
    void aRowWithSeveralErrorsReportsThemAll() {
        CheckedRow row = valid()
                .with(Column.NAME, "张三3")
                .with(Column.ID_NUMBER, SheetCell.number("310101200305101000"))
                .with(Column.GENDER, "X")
                .with(Column.ETHNICITY, (String) null)
                .with(Column.POLITICAL_STATUS, "群众")
                .with(Column.EDUCATION, "小学")
                .with(Column.JOINED_LEAGUE, "2030-01")
                .with(Column.PHONE, "123")
                .with(Column.ORG_CODE, "BJ01")
                .with(Column.CATEGORY, "团干部")
                .with(Column.ENTRY_TYPE, "?")
                .check();

        assertThat(codes(row)).containsExactly("E_NAME_FORMAT", "E_ID_NUMERIC", "E_GENDER_VALUE", "E_REQUIRED",
                "E_POLITICAL_STATUS", "E_EDUCATION", "E_JOIN_DATE_RANGE", "E_PHONE", "E_ORG_OUT_OF_SCOPE",
                "E_POST_REQUIRED", "E_ENTRY_TYPE");
        assertThat(row.fields()).isNull();
    }
}
