package cn.tuanwu.upload.rules;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Labelled;
import cn.tuanwu.shared.Ages;
import cn.tuanwu.shared.IdNumberError;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The errors and warnings of the cell and row rules, with their Chinese messages. No message takes
 * a cell's value as an argument except the organisation code, which is not personal data: what a
 * person typed may be an ID number or a phone number in the wrong column.
 */
final class RowErrors {

    // What an organisation code looks like; anything else (a phone or ID typed into the wrong
    // column, say) is not repeated in the message.
    private static final Pattern ECHOABLE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile(".*\\d{11,}.*");
    private static final Pattern EXCEL_ERROR = Pattern.compile("#[A-Z0-9/!?]{1,12}");

    private RowErrors() {
    }

    /** The code that a wrong value of the column gets, also used for formula errors and the like. */
    static String valueCode(Column column) {
        return switch (column) {
            case NAME -> "E_NAME_FORMAT";
            case ID_NUMBER -> IdNumberError.E_ID_CHARS.code();
            case GENDER -> "E_GENDER_VALUE";
            case ETHNICITY -> "E_ETHNICITY";
            case POLITICAL_STATUS -> "E_POLITICAL_STATUS";
            case EDUCATION -> "E_EDUCATION";
            case JOINED_LEAGUE -> "E_JOIN_DATE_FORMAT";
            case PHONE -> "E_PHONE";
            case ORG_CODE -> "E_ORG_UNKNOWN";
            case CATEGORY -> "E_CATEGORY";
            case POST -> "E_POST_REQUIRED";
            case ENTRY_TYPE -> "E_ENTRY_TYPE";
        };
    }

    static RowError required(Column column) {
        return new RowError("E_REQUIRED", column, quoted(column) + "为必填项，请填写");
    }

    static RowError formulaError(Column column, String errorText) {
        String shown = errorText != null && EXCEL_ERROR.matcher(errorText.strip()).matches()
                ? "（" + errorText.strip() + "）" : "";
        return new RowError(valueCode(column), column,
                quoted(column) + "单元格的公式出错" + shown + "，没有可用的值：请改正公式，或直接填写正确的值");
    }

    static RowError booleanCell(Column column) {
        return new RowError(valueCode(column), column,
                quoted(column) + "单元格是逻辑值（TRUE/FALSE），不是有效内容：请按模板填写正确的值");
    }

    static RowError nameFormat() {
        return new RowError("E_NAME_FORMAT", Column.NAME, quoted(Column.NAME) + "格式不正确：应为"
                + NameRule.MIN_LENGTH + "至" + NameRule.MAX_LENGTH + "个字的中文姓名（少数民族或外国人姓名各部分之间用「·」分隔），"
                + "或由英文字母组成、单词之间用一个空格分隔的姓名，不能含数字或其他符号");
    }

    static RowError idStoredAsNumber() {
        return new RowError("E_ID_NUMERIC", Column.ID_NUMBER, quoted(Column.ID_NUMBER)
                + "被 Excel 存成了数字，Excel 只保留15位有效数字，号码的最后几位已经丢失：请把该列的单元格格式设为「文本」，"
                + "再重新输入完整的18位号码");
    }

    static RowError id(IdNumberError error) {
        return new RowError(error.code(), Column.ID_NUMBER, error.message());
    }

    static RowError genderValue() {
        return new RowError("E_GENDER_VALUE", Column.GENDER,
                quoted(Column.GENDER) + "只能填写「男」或「女」，也可以留空（留空时按身份证号确定）");
    }

    static RowError genderMismatch() {
        return new RowError("E_GENDER_MISMATCH", Column.GENDER, quoted(Column.GENDER)
                + "与身份证号不一致（身份证号第17位为奇数是男，偶数是女）：请核对性别或身份证号，也可以把性别留空");
    }

    static RowError ethnicity() {
        return new RowError("E_ETHNICITY", Column.ETHNICITY, quoted(Column.ETHNICITY)
                + "不是有效的民族名称：请填写56个民族之一（如「汉族」，「族」字可省略），或「其他」、「外国血统中国籍人士」");
    }

    static RowError politicalStatus() {
        return new RowError("E_POLITICAL_STATUS", Column.POLITICAL_STATUS,
                quoted(Column.POLITICAL_STATUS) + "只能填写「共青团员」、「中共预备党员」或「中共党员」");
    }

    static RowError education() {
        return new RowError("E_EDUCATION", Column.EDUCATION,
                quoted(Column.EDUCATION) + "只能填写" + labels(Education.class));
    }

    static RowError joinDateFormat() {
        return new RowError("E_JOIN_DATE_FORMAT", Column.JOINED_LEAGUE, quoted(Column.JOINED_LEAGUE)
                + "无法识别：请填写年和月，如「2017-09」或「2017年9月」，也可以填写完整日期或设为日期格式");
    }

    static RowError joinDateAfter(YearMonth latest) {
        return new RowError("E_JOIN_DATE_RANGE", Column.JOINED_LEAGUE, quoted(Column.JOINED_LEAGUE)
                + "晚于本次上传的月份（" + latest.getYear() + "年" + latest.getMonthValue() + "月）：请核对入团年月");
    }

    static RowError joinDateBeforeMinimumAge() {
        return new RowError("E_JOIN_DATE_RANGE", Column.JOINED_LEAGUE, quoted(Column.JOINED_LEAGUE)
                + "早于年满" + Ages.MINIMUM_AGE + "周岁的月份（按身份证号中的出生日期计算）：请核对入团年月和身份证号");
    }

    static RowError phone() {
        return new RowError("E_PHONE", Column.PHONE, quoted(Column.PHONE)
                + "不是有效的大陆手机号码：应为1开头、第二位是3至9的11位数字；前面的「+86」、中间的空格和短横线可以保留");
    }

    static RowError orgUnknown(String code) {
        return new RowError("E_ORG_UNKNOWN", Column.ORG_CODE, quoted(Column.ORG_CODE)
                + "中的" + shownCode(code) + "不存在：请核对编码，编码可在组织列表中查到");
    }

    static RowError orgOutOfScope(String code) {
        return new RowError("E_ORG_OUT_OF_SCOPE", Column.ORG_CODE, quoted(Column.ORG_CODE)
                + "中的" + shownCode(code) + "不是本组织或下级组织，不能为其录入团员：请核对编码，或由该组织自行上传");
    }

    static RowError category() {
        return new RowError("E_CATEGORY", Column.CATEGORY,
                quoted(Column.CATEGORY) + "只能填写「团员」或「团干部」，留空时按「团员」处理");
    }

    static RowError postRequired() {
        return new RowError("E_POST_REQUIRED", Column.POST, quoted(Column.CATEGORY) + "为「团干部」时，"
                + quoted(Column.POST) + "为必填项：请填写其团内职务");
    }

    static RowError postTooLong(int maximum) {
        return new RowError("E_POST_TOO_LONG", Column.POST,
                quoted(Column.POST) + "不能超过" + maximum + "个字：请精简");
    }

    static RowError entryType() {
        return new RowError("E_ENTRY_TYPE", Column.ENTRY_TYPE,
                quoted(Column.ENTRY_TYPE) + "只能填写" + labels(EntryType.class) + "，留空时按「补录」处理");
    }

    static RowError underAge() {
        return new RowError("E_UNDER_AGE", Column.ID_NUMBER, "按身份证号中的出生日期，截至上传当天未满"
                + Ages.MINIMUM_AGE + "周岁，不能录入为团员：请核对身份证号");
    }

    static RowError overAge() {
        return new RowError("E_OVER_AGE", Column.ID_NUMBER, "按身份证号中的出生日期，截至上传当天已满"
                + Ages.OVER_AGE + "周岁，且" + quoted(Column.CATEGORY) + "为「团员」：超龄团员应办理离团转出，不能新增录入。"
                + "如担任团内职务，请将" + quoted(Column.CATEGORY) + "填为「团干部」并填写" + quoted(Column.POST));
    }

    static RowError newlyDevelopedOutsideCampaignYear(int campaignYear) {
        return new RowError("W_NEW_DEVELOPED_JOIN_YEAR", Column.JOINED_LEAGUE, quoted(Column.ENTRY_TYPE)
                + "为「新发展」，但" + quoted(Column.JOINED_LEAGUE) + "不在" + campaignYear
                + "年：请核对增加类型和入团年月（本行仍会录入）");
    }

    private static String quoted(Column column) {
        return "「" + column.header() + "」";
    }

    private static String shownCode(String code) {
        boolean echo = ECHOABLE_CODE.matcher(code).matches() && !LONG_DIGIT_RUN.matcher(code).matches();
        return echo ? "组织编码「" + code + "」" : "组织编码";
    }

    private static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> "「" + e.label() + "」").collect(Collectors.joining("、"));
    }
}
