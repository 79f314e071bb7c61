package cn.tuanwu.review;

/**
 * How a review speaks of what it reviews, in Chinese: e.g. for uploads {@code noun} 上传,
 * {@code own} 上传的文件, {@code commentHint} 告诉上传人需要修改什么.
 */
public record ReviewWording(String noun, String own, String commentHint) {

    String selfReview() {
        return "不能审核自己" + own + "，请由其他审核人处理";
    }

    String noOpenReview() {
        return "这次" + noun + "当前没有待审核的任务";
    }

    String notAReviewer() {
        return "您不是这次" + noun + "的审核人";
    }

    String commentRequiredByApi() {
        return "不通过时请填写说明（comment），" + commentHint;
    }

    String commentRequiredByTask() {
        return "不通过时请填写说明，" + commentHint;
    }
}
