package cn.tuanwu.member;

import cn.tuanwu.shared.IdNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may do with the register. */
@Service
public class MemberRegister {

    private final MemberRepository repository;
    private final MemberBulk bulk;
    private final Clock clock;

    MemberRegister(MemberRepository repository, MemberBulk bulk, Clock clock) {
        this.repository = repository;
        this.bulk = bulk;
        this.clock = clock;
    }

    /** The members with these ID numbers, by ID number; one query. */
    @Transactional(readOnly = true)
    public Map<String, RegisteredMember> findByIdNumbers(Collection<String> idNumbers) {
        return bulk.findByIdNumbers(idNumbers);
    }

    /**
     * Applies an approved upload's changes in batched statements, in the caller's transaction. A new
     * member whose ID number the register already has is not added (nor changed).
     *
     * @return the ID numbers of the new members that were not added for that reason
     */
    @Transactional
    public Set<String> apply(List<MemberChange> changes) {
        return bulk.apply(changes, clock.instant());
    }

    /**
     * PostgreSQL only: applies one window of an approved upload's staged rows straight from the
     * staging table, in the caller's transaction; what {@link #apply} does with the same rows, without
     * them passing through the application. A new member whose ID number the register already has is
     * not added.
     *
     * @param updates       whether the upload has UPDATED rows at all (else that statement is skipped)
     * @param reactivations whether it has REACTIVATED rows at all
     * @return the row numbers of the new members that were not added for that reason
     */
    @Transactional
    public List<Integer> applyStaged(String uploadId, int afterRow, int throughRow, boolean updates,
            boolean reactivations) {
        return bulk.applyStaged(uploadId, afterRow, throughRow, updates, reactivations, clock.instant());
    }

    /** Adds members in one transaction; for seeding and tests (uploads stage and apply in bulk). */
    @Transactional
    public void addAll(List<NewMember> members) {
        Instant now = clock.instant();
        repository.saveAll(members.stream().map(member -> Member.of(member, now)).toList());
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /**
     * Records that the member claimed their electronic card. Idempotent: the second call changes
     * nothing and says so. Empty when no member has that ID number.
     */
    @Transactional
    public Optional<Registration> register(IdNumber idNumber, Instant registeredAt) {
        return repository.findByIdNumber(idNumber.value()).map(member -> {
            Instant at = registeredAt == null ? clock.instant() : registeredAt;
            boolean changed = member.register(at, clock.instant());
            return new Registration(member.id(), member.registeredAt(), !changed);
        });
    }

    /** The members with these ids that exist, by id, for a transfer-out's checks. */
    @Transactional(readOnly = true)
    public Map<Long, TransferCandidate> transferCandidates(Collection<Long> ids) {
        return bulk.transferCandidates(ids);
    }

    /** Ids of the active 团员 born on or before {@code bornOnOrBefore} in the subtree with this path. */
    @Transactional(readOnly = true)
    public List<Long> overAgeActiveIds(String subtreePath, java.time.LocalDate bornOnOrBefore) {
        return bulk.overAgeActiveIds(subtreePath, bornOnOrBefore);
    }

    /** Per organisation (its own members, not its subtree): how many active 团员 were born on or before the day. */
    @Transactional(readOnly = true)
    public Map<String, Integer> overAgeCountsByOrganisation(java.time.LocalDate bornOnOrBefore) {
        return bulk.overAgeCountsByOrganisation(bornOnOrBefore);
    }

    /** Ids of the organisation's own active 团员 born on or before the day. */
    @Transactional(readOnly = true)
    public List<Long> overAgeActiveIdsOf(String orgCode, java.time.LocalDate bornOnOrBefore) {
        return bulk.overAgeActiveIdsOf(orgCode, bornOnOrBefore);
    }

    /**
     * Sets the members that are still active transferred out, with reason, note and now; nothing is
     * deleted. In the caller's transaction; returns how many changed.
     */
    @Transactional
    public int transferOut(Collection<Long> ids, TransferReason reason, String note) {
        return bulk.transferOut(ids, reason, note, clock.instant());
    }

    /** These members as {@code /api/members} shows them: masked. */
    @Transactional(readOnly = true)
    public List<MemberJson> shown(Collection<Long> ids) {
        LocalDate today = LocalDate.now(clock);
        return bulk.views(ids).stream().map(member -> MemberJson.of(member, today)).toList();
    }

    /** The outcome of one card claim. */
    public record Registration(long memberId, Instant registeredAt, boolean alreadyRegistered) {
    }
}
