package cn.tuanwu.transfer;

import cn.tuanwu.audit.Audit;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.TransferReason;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.Ages;
import cn.tuanwu.shared.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requesting, deciding and applying transfer-outs. */
@Service
class Transfers {

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);

    /** Who decides an over-age transfer: the rule, not a person. */
    static final String RULE = "rule:over-age";

    private final TransferRepository repository;
    private final TransferMembers members;
    private final TransferOutProcess process;
    private final MemberRegister register;
    private final Organisations organisations;
    private final Audit audit;
    private final Clock clock;

    Transfers(TransferRepository repository, TransferMembers members, TransferOutProcess process,
            MemberRegister register, Organisations organisations, Audit audit, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.process = process;
        this.register = register;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks every selected member, then stores the transfer and starts {@code transfer-out} in one
     * transaction. One member that cannot go stops the whole request: nothing is transferred.
     */
    @Transactional
    Transfer request(OrganisationInfo organisation, TransferReason reason, String note, List<Long> memberIds,
            boolean allOverAge, String requestedBy) {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids;
        if (allOverAge) {
            ids = register.overAgeActiveIds(organisation.path(), Ages.overAgeBornOnOrBefore(today));
        } else {
            ids = new ArrayList<>(new LinkedHashSet<>(memberIds == null ? List.<Long>of() : memberIds));
            ids.removeIf(java.util.Objects::isNull);
            List<TransferCheck.Refused> refused = TransferCheck.refused(ids, register.transferCandidates(ids),
                    organisations.subtreeCodes(organisation.code()), reason, today);
            if (!refused.isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "E_TRANSFER_INVALID", refused.size()
                        + " 名团员不能转出（见 members），本次没有转出任何人；请修改名单后重新提交",
                        Map.of("members", refused));
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("E_NO_MEMBERS", allOverAge
                    ? "该组织及下级组织中没有年满 28 周岁的在册团员" : "请选择要转出的团员（memberIds）");
        }
        Transfer transfer = repository.saveAndFlush(new Transfer(UUID.randomUUID().toString(), organisation.code(),
                reason, note, ids.size(), requestedBy, clock.instant()));
        members.store(transfer.id(), ids);
        transfer.started(process.start(transfer, ReviewerOf.transferOf(organisation)));
        audit.record(requestedBy, "TRANSFER_REQUEST", "transfer", transfer.id(), organisation.code(),
                reason + " " + ids.size() + " members");
        return transfer;
    }

    /** Called by the review task's complete listener, in the task's transaction. */
    @Transactional
    void recordDecision(String transferId, boolean approved, String userId, String comment) {
        Transfer transfer = require(transferId);
        transfer.decided(approved, userId, comment, clock.instant());
        audit.record(userId, approved ? "APPROVE_TRANSFER" : "REJECT_TRANSFER", "transfer", transferId,
                transfer.orgCode(), null);
    }

    /**
     * Sets the members transferred out in one transaction. Members that stopped being active since the
     * request (an upload moved them, another transfer took them) are left as they are.
     */
    @Transactional
    void apply(String transferId) {
        Transfer transfer = require(transferId);
        if (transfer.status() == TransferStatus.APPLIED) {
            return;
        }
        if (transfer.reason() == TransferReason.OVER_AGE && transfer.decidedBy() == null) {
            transfer.decided(true, RULE, null, clock.instant());
        }
        log.info("Transfer {} applying: {} members", transferId, transfer.memberCount());
        int changed = register.transferOut(members.of(transferId), transfer.reason(), transfer.note());
        transfer.applied();
        audit.record(transfer.decidedBy(), "APPLY_TRANSFER", "transfer", transferId, transfer.orgCode(),
                changed + " of " + transfer.memberCount() + " members transferred out");
        log.info("Transfer {} applied: {} of {} members transferred out", transferId, changed, transfer.memberCount());
    }

    @Transactional(readOnly = true)
    Transfer require(String transferId) {
        return repository.findById(transferId)
                .orElseThrow(() -> ApiException.notFound("TRANSFER_NOT_FOUND", "没有这次转出"));
    }

    @Transactional(readOnly = true)
    List<Long> memberIds(String transferId) {
        return members.of(transferId);
    }
}
