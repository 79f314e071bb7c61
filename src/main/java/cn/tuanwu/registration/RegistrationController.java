package cn.tuanwu.registration;

import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.shared.ApiException;
import cn.tuanwu.shared.IdNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Called by the registration-feed service account (the security chain admits no one else). */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final MemberRegister register;
    private final Clock clock;

    RegistrationController(MemberRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @PostMapping
    RegistrationJson register(@RequestBody ClaimJson claim) {
        if (claim == null || claim.idNumber() == null || claim.idNumber().isBlank()) {
            throw ApiException.badRequest("E_REQUIRED", "请填写身份证号（idNumber）");
        }
        IdNumber idNumber = IdNumber.check(claim.idNumber(), LocalDate.now(clock)).orElseThrow();
        Instant at = claim.registeredAt() == null ? null : claim.registeredAt().toInstant();
        if (at != null && at.isAfter(clock.instant())) {
            throw ApiException.badRequest("E_REGISTERED_AT_FUTURE", "申领时间不能晚于当前时间");
        }
        MemberRegister.Registration registration = register.register(idNumber, at)
                .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "登记库中没有该身份证号的团员"));
        return new RegistrationJson(registration.memberId(), true, registration.registeredAt(),
                registration.alreadyRegistered());
    }

    record ClaimJson(String idNumber, OffsetDateTime registeredAt) {
    }

    record RegistrationJson(long memberId, boolean registered, Instant registeredAt, boolean alreadyRegistered) {
    }
}
