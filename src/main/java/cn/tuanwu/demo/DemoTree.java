package cn.tuanwu.demo;

import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's organisation tree: three top-level organisations of each category, each with four
 * subordinate committees of five branches (团支部): 18 + 72 + 360 organisations.
 */
final class DemoTree {

    private record TopLevel(String code, String name, Category category, List<String> subordinates, String branchStyle) {
    }

    private static final List<TopLevel> TOP_LEVEL = List.of(
            new TopLevel("HP", "共青团上海市黄浦区委员会", Category.DISTRICT,
                    List.of("南京东路街道团工委", "外滩街道团工委", "瑞金二路街道团工委", "豫园街道团工委"), "社区"),
            new TopLevel("XH", "共青团上海市徐汇区委员会", Category.DISTRICT,
                    List.of("徐家汇街道团工委", "天平路街道团工委", "湖南路街道团工委", "枫林路街道团工委"), "社区"),
            new TopLevel("PD", "共青团上海市浦东新区委员会", Category.DISTRICT,
                    List.of("陆家嘴街道团工委", "潍坊新村街道团工委", "花木街道团工委", "张江镇团委"), "社区"),
            new TopLevel("FDU", "复旦大学团委", Category.COLLEGE,
                    List.of("经济学院团委", "管理学院团委", "计算机科学技术学院团委", "外国语言文学学院团委"), "班级"),
            new TopLevel("TJU", "同济大学团委", Category.COLLEGE,
                    List.of("土木工程学院团委", "建筑与城市规划学院团委", "汽车学院团委", "医学院团委"), "班级"),
            new TopLevel("SUFE", "上海财经大学团委", Category.COLLEGE,
                    List.of("会计学院团委", "金融学院团委", "统计与数据科学学院团委", "法学院团委"), "班级"),
            new TopLevel("JRTGW", "共青团上海市金融工作委员会", Category.SECTOR,
                    List.of("交通银行上海分行团委", "浦发银行团委", "国泰君安证券团委", "太平洋保险团委"), "部门"),
            new TopLevel("JWTGW", "共青团上海市教育卫生工作委员会", Category.SECTOR,
                    List.of("瑞金医院团委", "华山医院团委", "上海市第一人民医院团委", "上海中学团委"), "部门"),
            new TopLevel("GZTGW", "共青团上海市国资委工作委员会", Category.SECTOR,
                    List.of("上港集团团委", "光明食品集团团委", "上海电气集团团委", "锦江国际集团团委"), "部门"),
            new TopLevel("SMETRO", "上海申通地铁集团有限公司团委", Category.BUREAU_COMPANY,
                    List.of("运营管理中心团委", "维护保障中心团委", "地铁一号线分公司团委", "地铁二号线分公司团委"), "部门"),
            new TopLevel("SAIC", "上海汽车集团股份有限公司团委", Category.BUREAU_COMPANY,
                    List.of("上汽大众团委", "上汽通用团委", "上汽乘用车团委", "华域汽车团委"), "车间"),
            new TopLevel("GAJ", "上海市公安局团委", Category.BUREAU_COMPANY,
                    List.of("黄浦分局团委", "徐汇分局团委", "浦东分局团委", "交警总队团委"), "部门"),
            new TopLevel("SHLIB", "上海图书馆团委", Category.MUNICIPAL_UNIT,
                    List.of("读者服务中心团总支", "文献采编中心团总支", "数字图书馆团总支", "上海科学技术情报研究所团总支"), "部门"),
            new TopLevel("SSTM", "上海科技馆团委", Category.MUNICIPAL_UNIT,
                    List.of("展教服务处团总支", "上海自然博物馆团总支", "科普影视中心团总支", "运行保障处团总支"), "部门"),
            new TopLevel("SHMUS", "上海博物馆团委", Category.MUNICIPAL_UNIT,
                    List.of("陈列设计部团总支", "文物保护科技中心团总支", "教育部团总支", "东馆运行部团总支"), "部门"),
            new TopLevel("CEA", "中国东方航空集团有限公司团委", Category.CENTRAL_UNIT,
                    List.of("东航上海飞行部团委", "东航技术公司团委", "东航物流团委", "东航地服部团委"), "机组"),
            new TopLevel("COMAC", "中国商用飞机有限责任公司团委", Category.CENTRAL_UNIT,
                    List.of("上海飞机设计研究院团委", "上海飞机制造有限公司团委", "客户服务有限公司团委", "北研中心驻沪团总支"), "部门"),
            new TopLevel("BAOWU", "中国宝武钢铁集团有限公司团委", Category.CENTRAL_UNIT,
                    List.of("宝山钢铁股份有限公司团委", "宝钢股份研究院团委", "欧冶云商团委", "宝武碳业团委"), "车间"));

    static final int BRANCHES_PER_SUBORDINATE = 5;

    private DemoTree() {
    }

    /** Parents before children, so that the list can be created in one call. */
    static List<NewOrganisation> organisations(String cityCommitteeCode) {
        List<NewOrganisation> all = new ArrayList<>();
        for (TopLevel top : TOP_LEVEL) {
            all.add(new NewOrganisation(top.code(), top.name(), cityCommitteeCode, top.category(),
                    "tuanwei-" + top.code().toLowerCase() + "@example.org"));
            for (int s = 0; s < top.subordinates().size(); s++) {
                String subordinateCode = top.code() + String.format("%02d", s + 1);
                String subordinateName = top.subordinates().get(s);
                all.add(new NewOrganisation(subordinateCode, subordinateName, top.code(), null, null));
                for (int b = 1; b <= BRANCHES_PER_SUBORDINATE; b++) {
                    all.add(new NewOrganisation(subordinateCode + String.format("%02d", b),
                            branchName(subordinateName, top.branchStyle(), b), subordinateCode, null, null));
                }
            }
        }
        return all;
    }

    static List<String> topLevelCodes() {
        return TOP_LEVEL.stream().map(TopLevel::code).toList();
    }

    /** Codes of the branches, where members belong. */
    static List<String> branchCodes() {
        List<String> branches = new ArrayList<>();
        for (TopLevel top : TOP_LEVEL) {
            for (int s = 1; s <= top.subordinates().size(); s++) {
                for (int b = 1; b <= BRANCHES_PER_SUBORDINATE; b++) {
                    branches.add(top.code() + String.format("%02d", s) + String.format("%02d", b));
                }
            }
        }
        return branches;
    }

    private static String branchName(String subordinateName, String style, int number) {
        String unit = subordinateName.replaceAll("(团工委|团委|团总支)$", "");
        return switch (style) {
            case "社区" -> unit.replace("街道", "").replace("镇", "") + "第" + number + "社区团支部";
            case "班级" -> unit + (2021 + number) + "级团支部";
            case "车间" -> unit + "第" + number + "车间团支部";
            case "机组" -> unit + "第" + number + "机组团支部";
            default -> unit + "第" + number + "团支部";
        };
    }
}
