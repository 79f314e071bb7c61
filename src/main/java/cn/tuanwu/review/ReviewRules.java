package cn.tuanwu.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The review rules as the engine enforces them from a task listener, for Tasklist and the API alike:
 * the submitter may neither claim nor complete their own review; a decision is required and a
 * rejection needs a comment.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    /** A completed review: who decided, and what. */
    public record Completed(String reviewer, boolean approved, String comment) {
    }

    /** On assignment: refuses the submitter as assignee. */
    public static void checkAssignment(DelegateTask task, String submittedBy, ReviewWording wording) {
        if (submittedBy != null && submittedBy.equals(task.getAssignee())) {
            throw new ProcessEngineException(wording.selfReview());
        }
    }

    /** On completion: the checked decision, or an exception that stops the completion. */
    public static Completed checkCompletion(DelegateTask task, String submittedBy, IdentityService identityService,
            ReviewWording wording) {
        Authentication current = identityService.getCurrentAuthentication();
        String reviewer = current != null ? current.getUserId() : task.getAssignee();
        if (submittedBy != null && (submittedBy.equals(reviewer) || submittedBy.equals(task.getAssignee()))) {
            throw new ProcessEngineException(wording.selfReview());
        }
        Object approved = task.getVariable(ReviewTasks.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw new ProcessEngineException("请选择审核意见：通过或不通过");
        }
        Object comment = task.getVariable(ReviewTasks.COMMENT);
        String text = comment == null ? null : comment.toString().strip();
        if (!decision && (text == null || text.isEmpty())) {
            throw new ProcessEngineException(wording.commentRequiredByTask());
        }
        return new Completed(reviewer == null ? "system" : reviewer, decision, text);
    }
}
