package cn.tuanwu.report;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.identity.Caller;
import cn.tuanwu.member.UnregisteredMember;
import cn.tuanwu.member.UnregisteredMembers;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.ApiException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 未登录详情, the registration drive's work list: every active member of an organisation's subtree
 * who has not claimed the electronic card. Admins of the organisation or one above it and city
 * supervisors may have it; ID numbers are always masked, phones are whole only for the
 * organisation's own admins, who call the members (api.md). Every export is audited with its count
 * and whether the phones were whole, never with a member's data.
 */
@Service
class UnregisteredExport {

    static final String SHEET_NAME = "未登录详情";
    static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号码", "所在团组织编码", "所在团组织名称");
    private static final List<Integer> WIDTHS = List.of(12, 22, 15, 18, 36);

    private final Organisations organisations;
    private final UnregisteredMembers members;
    private final Audit audit;

    UnregisteredExport(Organisations organisations, UnregisteredMembers members, Audit audit) {
        this.organisations = organisations;
        this.members = members;
        this.audit = audit;
    }

    /** The export the caller may have: 404 ORG_NOT_FOUND, 403 OUT_OF_SCOPE when they administer neither it nor one above it. */
    Request check(String orgCode, Caller caller) {
        OrganisationInfo organisation = organisations.require(orgCode);
        if (!organisations.administers(caller, organisation)) {
            throw ApiException.outOfScope();
        }
        return new Request(organisation, caller.userId(), caller.administers(organisation.code()));
    }

    /**
     * Streams the rows into the spreadsheet, records the export, then writes it out: the audit entry
     * exists before any member's data leaves the server.
     */
    void write(Request request, OutputStream out) {
        try (ReportSheet sheet = new ReportSheet(SHEET_NAME)) {
            sheet.header(HEADERS, WIDTHS);
            long count = members.forEach(request.organisation().path(), member -> row(sheet, member, request.fullPhones()));
            audit.record(request.userId(), "EXPORT_UNREGISTERED", "organisation", request.organisation().code(),
                    request.organisation().code(), count + " members, phones " + (request.fullPhones() ? "full" : "masked"));
            sheet.writeTo(out);
        }
    }

    private static void row(ReportSheet sheet, UnregisteredMember member, boolean fullPhones) {
        sheet.line(false)
                .text(member.name())
                .text(member.idNumberMasked())
                .text(fullPhones ? member.phone() : member.phoneMasked())
                .text(member.orgCode())
                .text(member.orgName());
    }

    /** An allowed export: whose, for whom, and whether the phones go out whole. */
    record Request(OrganisationInfo organisation, String userId, boolean fullPhones) {
    }
}
