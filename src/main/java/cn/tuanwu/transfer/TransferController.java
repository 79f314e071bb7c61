package cn.tuanwu.transfer;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.review.Decision;
import cn.tuanwu.review.ReviewTasks;
import cn.tuanwu.member.MemberJson;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.TransferReason;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.ApiException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/transfer-outs")
class TransferController {

    private static final int MAX_NOTE = 200;

    private final Transfers transfers;
    private final ReviewTasks reviews;
    private final Organisations organisations;
    private final MemberRegister register;

    TransferController(Transfers transfers, ReviewTasks reviews, Organisations organisations,
            MemberRegister register) {
        this.transfers = transfers;
        this.reviews = reviews;
        this.organisations = organisations;
        this.register = register;
    }

    @PostMapping
    ResponseEntity<TransferJson.Accepted> request(@RequestBody TransferJson.Request body,
            @AuthenticationPrincipal Caller caller) {
        if (body == null || body.orgCode() == null || body.orgCode().isBlank()) {
            throw ApiException.badRequest("E_REQUIRED", "请填写团组织编码（orgCode）");
        }
        OrganisationInfo organisation = organisations.requireInScope(body.orgCode().strip(), caller);
        if (!organisations.administers(caller, organisation)) {
            throw ApiException.forbidden("只有该团组织（或其上级）的管理员可以转出团员");
        }
        TransferReason reason = reason(body.reason());
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (reason == TransferReason.OTHER && note == null) {
            throw ApiException.badRequest("E_NOTE_REQUIRED", "转出原因为“其他”时请填写说明（note）");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.badRequest("E_NOTE_TOO_LONG", "说明（note）不能超过 " + MAX_NOTE + " 个字");
        }
        boolean allOverAge = Boolean.TRUE.equals(body.allOverAge());
        if (allOverAge && reason != TransferReason.OVER_AGE) {
            throw ApiException.badRequest("E_ALL_OVER_AGE_REASON", "一键转出超龄团员（allOverAge）的原因只能是 OVER_AGE");
        }
        if (allOverAge && body.memberIds() != null && !body.memberIds().isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", "memberIds 与 allOverAge 只能选一个");
        }
        Transfer transfer = transfers.request(organisation, reason, note, body.memberIds(), allOverAge,
                caller.userId());
        return ResponseEntity.accepted().body(new TransferJson.Accepted(transfer.id(), transfer.processInstanceId(),
                transfer.status(), transfer.memberCount()));
    }

    @GetMapping("/{id}")
    TransferJson.Details one(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return TransferJson.Details.of(inScope(id, caller));
    }

    /** Who is to go, masked as in the member list, so that reviewers see whom they approve. */
    @GetMapping("/{id}/members")
    List<MemberJson> members(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        inScope(id, caller);
        return register.shown(transfers.memberIds(id));
    }

    /** Completes the review exactly as Tasklist does: the engine refuses the requester. */
    @PostMapping("/{id}/decision")
    TransferJson.Details decide(@PathVariable String id, @RequestBody Decision decision,
            @AuthenticationPrincipal Caller caller) {
        Transfer transfer = inScope(id, caller);
        reviews.decide(transfer.processInstanceId(), TransferOutProcess.REVIEW_TASK, transfer.requestedBy(), caller, decision, TransferOutProcess.WORDING);
        return TransferJson.Details.of(transfers.require(id));
    }

    private static TransferReason reason(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("E_REASON_REQUIRED", "请选择转出原因（reason）：LEFT_ORG 离开本组织、OVER_AGE 超龄或 OTHER 其他");
        }
        try {
            return TransferReason.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("E_REASON_INVALID", "转出原因（reason）只能是 LEFT_ORG 离开本组织、OVER_AGE 超龄或 OTHER 其他");
        }
    }

    private Transfer inScope(String id, Caller caller) {
        Transfer transfer = transfers.require(id);
        organisations.requireInScope(transfer.orgCode(), caller);
        return transfer;
    }
}
