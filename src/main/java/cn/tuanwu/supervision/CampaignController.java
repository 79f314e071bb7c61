package cn.tuanwu.supervision;

import cn.tuanwu.identity.Caller;
import cn.tuanwu.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Starts the year's campaign: city supervisors only; 409 CAMPAIGN_EXISTS when that year ran already. */
    @PostMapping
    ResponseEntity<Started> start(@RequestBody(required = false) StartRequest body, @AuthenticationPrincipal Caller caller) {
        if (!caller.isCitySupervisor()) {
            throw ApiException.forbidden("只有团市委督查人员可以启动年度督查");
        }
        Integer year = body == null || body.year() == null || !body.year().canConvertToInt() || !body.year().isIntegralNumber()
                ? null : body.year().intValue();
        String processInstanceId = campaigns.start(year, caller);
        return ResponseEntity.accepted().body(new Started(year, processInstanceId));
    }

    record StartRequest(JsonNode year) {
    }

    record Started(int year, String processInstanceId) {
    }
}
