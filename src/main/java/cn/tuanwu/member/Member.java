package cn.tuanwu.member;

import cn.tuanwu.shared.Gender;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A member of the register. Name and ID number never change once stored. */
@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    private Long id;
    @Column(name = "id_number", updatable = false)
    private String idNumber;
    @Column(updatable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    private String ethnicity;
    @Enumerated(EnumType.STRING)
    @Column(name = "political_status")
    private PoliticalStatus politicalStatus;
    @Enumerated(EnumType.STRING)
    private Education education;
    @Column(name = "joined_league")
    private LocalDate joinedLeague;
    private String phone;
    @Column(name = "org_code")
    private String orgCode;
    @Enumerated(EnumType.STRING)
    private MemberCategory category;
    private String post;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type")
    private EntryType entryType;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_reason")
    private TransferReason transferReason;
    @Column(name = "transfer_note")
    private String transferNote;
    @Column(name = "transferred_out_at")
    private Instant transferredOutAt;
    private boolean registered;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Member() {
    }

    static Member of(NewMember details, Instant now) {
        Member member = new Member();
        member.idNumber = details.idNumber().value();
        member.name = details.name();
        member.gender = details.idNumber().gender();
        member.birthDate = details.idNumber().birthDate();
        member.ethnicity = details.ethnicity();
        member.politicalStatus = details.politicalStatus();
        member.education = details.education();
        member.joinedLeague = details.joinedLeague().atDay(1);
        member.phone = details.phone();
        member.orgCode = details.orgCode();
        member.category = details.category();
        member.post = details.post();
        member.entryType = details.entryType();
        member.status = MemberStatus.ACTIVE;
        member.registered = details.registeredAt() != null;
        member.registeredAt = details.registeredAt();
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /** Marks the card claimed; the first claim's time stays. Returns false when it already was. */
    boolean register(Instant at, Instant now) {
        if (registered) {
            return false;
        }
        registered = true;
        registeredAt = at;
        updatedAt = now;
        return true;
    }

    MemberView view() {
        return new MemberView(id, name, idNumber, gender, ethnicity, politicalStatus, education, joinedLeague, phone,
                orgCode, category, post, entryType, status, transferReason, transferredOutAt, registered, registeredAt,
                updatedAt, birthDate);
    }

    Long id() {
        return id;
    }

    String orgCode() {
        return orgCode;
    }

    Instant registeredAt() {
        return registeredAt;
    }
}
