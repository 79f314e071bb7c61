package cn.tuanwu.upload.report;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.upload.rules.Column;
import java.util.List;

/**
 * The 填写说明 sheet's text: enough of the data standard for an organisation admin to fill in the
 * template without reading the standard itself.
 */
final class TemplateInstructions {

    static final List<String> GENERAL = List.of(
            "第 1 行为表头，请勿修改表头文字；列的顺序可以调整，红色表头为必填列。",
            "从第 2 行起每行填写一名团员。第 2 行是示例，上传前请删除或用真实信息覆盖。",
            "身份证号、手机号码、入团年月、所在团组织编码列已设为文本格式；从其他表格复制时请“选择性粘贴—数值”，"
                    + "不要把身份证号存成数字（Excel 只保留 15 位，后几位会变成 0）。",
            "带下拉箭头的列请从列表中选择。空行会被跳过。",
            "上传后如有错误，可下载错误报告：错误单元格已标红，按“错误说明”修改后重新上传即可。");

    private TemplateInstructions() {
    }

    /** Whether {@code column} must be filled in, as the admin reads it. */
    static String requirement(Column column) {
        return switch (column) {
            case GENDER -> "选填";
            case CATEGORY -> "选填（默认团员）";
            case POST -> "团干部必填";
            case ENTRY_TYPE -> "选填（默认补录）";
            case NAME, ID_NUMBER, ETHNICITY, POLITICAL_STATUS, EDUCATION, JOINED_LEAGUE, PHONE, ORG_CODE -> "必填";
        };
    }

    /** The accepted values and formats of {@code column}, in one line. */
    static String rule(Column column) {
        return switch (column) {
            case NAME -> "2–30 个字：汉字（少数民族或外国人姓名各部分之间用“·”分隔），或英文字母（单词之间一个空格）；不能含数字。";
            case ID_NUMBER -> "18 位公民身份号码，最后一位可以是 X；须与本人证件一致。";
            case GENDER -> "从下拉列表选择 男 或 女；不填时按身份证号识别，填写时须与身份证号一致。";
            case ETHNICITY -> "从下拉列表选择 56 个民族之一（如“汉族”），或“其他”“外国血统中国籍人士”；粘贴的不带“族”字的写法（如“汉”）也能识别。";
            case POLITICAL_STATUS -> TemplateChoices.describe(PoliticalStatus.values());
            case EDUCATION -> TemplateChoices.describe(Education.values());
            case JOINED_LEAGUE -> "入团的年月，如 2017-09（也可写 2017.09、2017/9、2017年9月、201709）；"
                    + "不早于年满 14 周岁的当月，不晚于上传的当月。";
            case PHONE -> "11 位大陆手机号码，如 13800138000；可带 +86，空格和横线会被忽略。";
            case ORG_CODE -> "团员所在团组织的编码（如 HP0101），须是本组织或其下级组织。";
            case CATEGORY -> TemplateChoices.describe(MemberCategory.values());
            case POST -> "团内职务（如 团支部书记），不超过 30 个字；人员类别为团干部时必填。";
            case ENTRY_TYPE -> TemplateChoices.describe(EntryType.values());
        };
    }
}
