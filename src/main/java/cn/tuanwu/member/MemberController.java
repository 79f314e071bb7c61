package cn.tuanwu.member;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Scope;
import cn.tuanwu.shared.ApiException;
import cn.tuanwu.shared.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
class MemberController {

    private final MemberRepository repository;
    private final MemberQueries queries;
    private final Organisations organisations;
    private final Clock clock;

    MemberController(MemberRepository repository, MemberQueries queries, Organisations organisations, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Members of {@code orgCode}'s subtree, or of the caller's whole scope without it. */
    @GetMapping
    PageJson list(@RequestParam(required = false) String orgCode, @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) Boolean registered, @RequestParam(required = false) Boolean overAge,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal Caller caller) {
        if (page < 0 || size < 1 || size > MemberSearch.MAX_SIZE) {
            throw ApiException.badRequest("INVALID_REQUEST", "page 不能为负数，size 应在 1 到 " + MemberSearch.MAX_SIZE + " 之间");
        }
        List<String> subtrees = orgCode == null || orgCode.isBlank()
                ? organisations.scopeOf(caller).rootPaths()
                : List.of(organisations.requireInScope(orgCode.trim(), caller).path());
        MemberQueries.Page<MemberView> result =
                queries.search(new MemberSearch(subtrees, status, registered, overAge, q, page, size));
        LocalDate today = LocalDate.now(clock);
        return new PageJson(result.content().stream().map(member -> MemberJson.of(member, today)).toList(), result.page(), result.size(),
                result.totalElements(), result.totalPages());
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    MemberJson one(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        Member member = repository.findById(id)
                .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "没有这名团员"));
        return inScope(member, caller);
    }

    /** By ID number, sent in the body so that it never appears in a URL or an access log. */
    @PostMapping("/lookup")
    @Transactional(readOnly = true)
    MemberJson lookup(@RequestBody LookupJson body, @AuthenticationPrincipal Caller caller) {
        if (body == null || body.idNumber() == null || body.idNumber().isBlank()) {
            throw ApiException.badRequest("E_REQUIRED", "请填写身份证号（idNumber）");
        }
        IdNumber idNumber = IdNumber.check(body.idNumber(), LocalDate.now(clock)).orElseThrow();
        Member member = repository.findByIdNumber(idNumber.value())
                .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "登记库中没有该身份证号的团员"));
        return inScope(member, caller);
    }

    private MemberJson inScope(Member member, Caller caller) {
        Scope scope = organisations.scopeOf(caller);
        OrganisationInfo organisation = organisations.require(member.orgCode());
        if (!scope.contains(organisation)) {
            throw ApiException.outOfScope();
        }
        return MemberJson.of(member.view(), LocalDate.now(clock));
    }

    record LookupJson(String idNumber) {
    }

    record PageJson(List<MemberJson> content, int page, int size, long totalElements, long totalPages) {
    }
}
