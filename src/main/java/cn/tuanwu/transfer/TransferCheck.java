package cn.tuanwu.transfer;

import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.MemberStatus;
import cn.tuanwu.member.TransferCandidate;
import cn.tuanwu.member.TransferReason;
import cn.tuanwu.shared.Ages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which of the selected members cannot go, and why: every one of them, so the admin can fix the list at once. */
final class TransferCheck {

    private TransferCheck() {
    }

    /** One member that cannot go, with what to fix in Chinese; masked, never named. */
    record Refused(long id, String idNumberMasked, String code, String message) {

        Refused(long id, String idNumberMasked, String code) {
            this(id, idNumberMasked, code, MESSAGES.get(code));
        }
    }

    private static final Map<String, String> MESSAGES = Map.of(
            "E_NOT_FOUND", "登记库中没有这名团员，请从名单中去掉",
            "E_OUT_OF_SCOPE", "不在所选团组织及其下级组织中，请从名单中去掉或改选团组织",
            "E_NOT_ACTIVE", "已不是在册团员（已转出），请从名单中去掉",
            "E_CADRE_EXEMPT", "是团干部，不按超龄转出；请从名单中去掉，或改选其他转出原因",
            "E_NOT_OVER_AGE", "未满 28 周岁，不能按超龄转出；请从名单中去掉，或改选其他转出原因");

    static List<Refused> refused(List<Long> ids, Map<Long, TransferCandidate> found, Set<String> subtree,
            TransferReason reason, LocalDate today) {
        LocalDate overAgeBorn = Ages.overAgeBornOnOrBefore(today);
        List<Refused> refused = new ArrayList<>();
        for (Long id : ids) {
            TransferCandidate member = found.get(id);
            String code = member == null ? "E_NOT_FOUND" : problem(member, subtree, reason, overAgeBorn);
            if (code != null) {
                refused.add(new Refused(id, member == null ? null : member.idNumberMasked(), code));
            }
        }
        return refused;
    }

    private static String problem(TransferCandidate member, Set<String> subtree, TransferReason reason,
            LocalDate overAgeBorn) {
        if (!subtree.contains(member.orgCode())) {
            return "E_OUT_OF_SCOPE";
        }
        if (member.status() != MemberStatus.ACTIVE) {
            return "E_NOT_ACTIVE";
        }
        if (reason == TransferReason.OVER_AGE && member.category() == MemberCategory.LEAGUE_CADRE) {
            return "E_CADRE_EXEMPT";
        }
        if (reason == TransferReason.OVER_AGE && member.birthDate().isAfter(overAgeBorn)) {
            return "E_NOT_OVER_AGE";
        }
        return null;
    }
}
