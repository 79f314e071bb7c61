package cn.tuanwu.supervision;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.SafeDelegate;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code listTopLevelOrganisations}: the codes the campaign supervises, one org-supervision each. */
@Component("listTopLevelOrganisations")
class ListTopLevelOrganisations extends SafeDelegate {

    private final Organisations organisations;

    ListTopLevelOrganisations(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    protected void run(DelegateExecution execution) {
        OrganisationInfo city = organisations.cityCommittee().orElseThrow(() -> new IllegalStateException("No city committee"));
        ArrayList<String> codes = new ArrayList<>();
        organisations.children(city.code()).stream().filter(org -> org.category() != null)
                .forEach(org -> codes.add(org.code()));
        execution.setVariable(CampaignProcess.ORG_CODES, codes);
    }
}
