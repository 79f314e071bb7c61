package cn.tuanwu.organisation;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation register: reading the tree, adding to it, and resolving scopes. */
@Service
public class Organisations {

    /** Letters, digits and underscores, optionally in hyphen-separated parts; it becomes part of group ids. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*");
    private static final int MAX_CODE_LENGTH = 32;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OrganisationRepository repository;
    private final Accounts accounts;
    private final Clock clock;

    Organisations(OrganisationRepository repository, Accounts accounts, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationInfo> find(String code) {
        return code == null ? Optional.empty() : repository.findInfo(code);
    }

    /** The organisation, or 404 ORG_NOT_FOUND. */
    @Transactional(readOnly = true)
    public OrganisationInfo require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("ORG_NOT_FOUND", "团组织编码不存在：" + code));
    }

    /** The organisation if it is in the caller's scope: 404 when unknown, 403 OUT_OF_SCOPE when outside. */
    @Transactional(readOnly = true)
    public OrganisationInfo requireInScope(String code, Caller caller) {
        OrganisationInfo organisation = require(code);
        if (!scopeOf(caller).contains(organisation)) {
            throw ApiException.outOfScope();
        }
        return organisation;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationInfo> cityCommittee() {
        return repository.findByLevel(0).map(Organisation::info);
    }

    @Transactional(readOnly = true)
    public List<OrganisationInfo> children(String code) {
        return repository.findChildInfos(code);
    }

    /** The codes of {@code code} and everything below it. */
    @Transactional(readOnly = true)
    public java.util.Set<String> subtreeCodes(String code) {
        OrganisationInfo root = require(code);
        java.util.Set<String> codes = new java.util.HashSet<>();
        repository.findByPathStartingWith(root.path()).forEach(organisation -> codes.add(organisation.code()));
        return codes;
    }

    /** Every organisation the caller administers or reviews, with everything below it. */
    @Transactional(readOnly = true)
    public Scope scopeOf(Caller caller) {
        if (caller.isCitySupervisor()) {
            return new Scope(cityCommittee().stream().toList());
        }
        List<String> codes = caller.orgRoles().stream().map(role -> role.orgCode()).distinct().toList();
        if (codes.isEmpty()) {
            return new Scope(List.of());
        }
        return new Scope(repository.findByCodeIn(codes).stream().map(Organisation::info).toList());
    }

    /** Whether the caller administers the organisation or one above it (city supervisors administer all). */
    @Transactional(readOnly = true)
    public boolean administers(Caller caller, OrganisationInfo organisation) {
        if (caller.isCitySupervisor()) {
            return true;
        }
        List<String> administered = caller.orgRoles().stream()
                .filter(role -> role.role() == cn.tuanwu.identity.Groups.OrgRole.Role.ADMIN)
                .map(role -> role.orgCode()).toList();
        return !administered.isEmpty() && repository.findByCodeIn(administered).stream()
                .anyMatch(admin -> organisation.isWithin(admin.info()));
    }

    /** Creates the city committee, the root of the tree, if there is none yet. */
    @Transactional
    public OrganisationInfo ensureCityCommittee(String code, String name) {
        Optional<Organisation> existing = repository.findByLevel(0);
        if (existing.isPresent()) {
            return existing.get().info();
        }
        checkCode(code, 0);
        Organisation root = repository.save(Organisation.root(code, name, clock.instant()));
        accounts.createOrganisationGroups(code, name);
        return root.info();
    }

    /**
     * Adds organisations in order, all or none: a later one may name an earlier one as its parent.
     * Each gets its admins' and reviewers' groups.
     */
    @Transactional
    public List<OrganisationInfo> create(List<NewOrganisation> requests) {
        List<OrganisationInfo> created = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            created.add(create(requests.get(i), i));
        }
        return created;
    }

    private OrganisationInfo create(NewOrganisation request, int index) {
        String code = request.code() == null ? "" : request.code().trim();
        checkCode(code, index);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw invalid(index, "ORG_NAME_INVALID", "团组织名称不能为空，且不超过100个字");
        }
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            throw invalid(index, "ORG_PARENT_REQUIRED", "请填写上级团组织编码（parentCode）");
        }
        Organisation parent = repository.findById(request.parentCode().trim())
                .orElseThrow(() -> invalid(index, "ORG_PARENT_UNKNOWN", "上级团组织编码不存在：" + request.parentCode()));
        boolean topLevel = parent.level() == 0;
        if (topLevel && request.category() == null) {
            throw invalid(index, "ORG_CATEGORY_REQUIRED",
                    "市属团组织必须填写类别（category）：DISTRICT、COLLEGE、SECTOR、BUREAU_COMPANY、MUNICIPAL_UNIT 或 CENTRAL_UNIT");
        }
        if (!topLevel && request.category() != null) {
            throw invalid(index, "ORG_CATEGORY_NOT_ALLOWED", "只有市属团组织（团市委的直属下级）才填写类别，下级团组织沿用其所属市属团组织的类别");
        }
        String email = request.contactEmail() == null || request.contactEmail().isBlank() ? null : request.contactEmail().trim();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw invalid(index, "ORG_EMAIL_INVALID", "联系邮箱格式不正确");
        }
        if (repository.existsById(code)) {
            throw new ApiException(HttpStatus.CONFLICT, "ORG_CODE_TAKEN", "团组织编码已被使用：" + code, Map.of("index", index));
        }
        Organisation organisation = repository.save(parent.child(code, name, request.category(), email, clock.instant()));
        accounts.createOrganisationGroups(code, name);
        return organisation.info();
    }

    private static void checkCode(String code, int index) {
        if (code.isEmpty() || code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw invalid(index, "ORG_CODE_INVALID", "团组织编码只能由字母、数字、下划线和连字符组成，不超过32位");
        }
    }

    private static ApiException invalid(int index, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, Map.of("index", index));
    }

    /** What a city supervisor sends to add an organisation. */
    public record NewOrganisation(String code, String name, String parentCode, Category category, String contactEmail) {
    }
}
