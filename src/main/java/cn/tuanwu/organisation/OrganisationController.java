package cn.tuanwu.organisation;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orgs")
class OrganisationController {

    private final Organisations organisations;
    private final ObjectMapper json;

    OrganisationController(Organisations organisations, ObjectMapper json) {
        this.organisations = organisations;
        this.json = json;
    }

    /** One organisation or an array of them; answers with what it made, in the same shape. */
    @PostMapping
    ResponseEntity<Object> create(@RequestBody JsonNode body, @AuthenticationPrincipal Caller caller) {
        if (!caller.isCitySupervisor()) {
            throw ApiException.forbidden("只有团市委督查人员可以新建团组织");
        }
        List<Organisations.NewOrganisation> requests = new ArrayList<>();
        try {
            if (body.isArray()) {
                for (JsonNode item : body) {
                    requests.add(json.treeToValue(item, Organisations.NewOrganisation.class));
                }
            } else if (body.isObject()) {
                requests.add(json.treeToValue(body, Organisations.NewOrganisation.class));
            } else {
                throw ApiException.badRequest("MALFORMED_REQUEST", "请求体应为一个团组织对象或其数组");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_REQUEST",
                    "团组织内容格式不正确，类别（category）只能是 DISTRICT、COLLEGE、SECTOR、BUREAU_COMPANY、MUNICIPAL_UNIT 或 CENTRAL_UNIT");
        }
        if (requests.isEmpty()) {
            throw ApiException.badRequest("MALFORMED_REQUEST", "请求中没有团组织");
        }
        List<OrgJson> created = organisations.create(requests).stream().map(OrgJson::of).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(body.isArray() ? created : created.get(0));
    }

    @GetMapping
    List<OrgJson> roots(@AuthenticationPrincipal Caller caller) {
        return organisations.scopeOf(caller).roots().stream().map(OrgJson::of).toList();
    }

    @GetMapping("/{code}")
    OrgJson one(@PathVariable String code, @AuthenticationPrincipal Caller caller) {
        return OrgJson.of(organisations.requireInScope(code, caller));
    }

    @GetMapping("/{code}/children")
    List<OrgJson> children(@PathVariable String code, @AuthenticationPrincipal Caller caller) {
        organisations.requireInScope(code, caller);
        return organisations.children(code).stream().map(OrgJson::of).toList();
    }

    record OrgJson(String code, String name, String parentCode, Category category, String categoryName, int level,
            String contactEmail) {

        static OrgJson of(OrganisationInfo organisation) {
            Category category = organisation.category();
            return new OrgJson(organisation.code(), organisation.name(), organisation.parentCode(), category,
                    category == null ? null : category.label(), organisation.level(), organisation.contactEmail());
        }
    }
}
