package cn.tuanwu.supervision;

import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code supervisionTask}, on create of 整改 and 督办: names the organisation and says what is due, in
 * Tasklist's list and beside the form. The organisation's name stays out of the process variables.
 */
@Component("supervisionTask")
class SupervisionTask implements TaskListener {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Organisations organisations;

    SupervisionTask(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public void notify(DelegateTask task) {
        // The process's variables, read from the task's execution: a just-created task has none of its own, and
        // asking the task would query the database for them first.
        VariableScope process = task.getExecution();
        OrganisationInfo org = SupervisionDelegate.organisation(organisations,
                (String) process.getVariable(CampaignProcess.ORG_CODE));
        String who = org.name() + "（" + org.code() + "）";
        String due = SHOWN.format(OffsetDateTime.parse((String) process.getVariable(CampaignProcess.REMEDIATION_DUE_AT)));
        String window = process.getVariable(CampaignProcess.WINDOW_START) + " 至 " + process.getVariable(CampaignProcess.WINDOW_END);
        String reasons = (String) process.getVariable(CampaignProcess.REASON_LABELS);
        int year = SupervisionDelegate.year(process);
        if (CampaignProcess.REMEDIATE_TASK.equals(task.getTaskDefinitionKey())) {
            task.setName("整改：" + who + "，" + due + " 前完成");
            task.setDescription(who + "在 " + year + " 年报送窗口（" + window + "）结束时评估未达标：" + reasons
                    + "。请在 " + due + "（北京时间）前完成整改：补录、调整和转出团员信息，审核等待审核的上传，推动网上大报到；"
                    + "完成后提交此任务。逾期未完成将提交团市委督办。");
        } else {
            task.setName("督办：" + who + " 整改逾期");
            task.setDescription(who + "未在 " + due + "（北京时间）前完成 " + year + " 年督查整改，已升级为二级预警。"
                    + "评估未达标的原因：" + reasons + "。请督促该组织整改，核实后提交此任务，结束对该组织的督查。");
        }
    }
}
