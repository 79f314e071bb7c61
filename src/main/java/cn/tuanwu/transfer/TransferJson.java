package cn.tuanwu.transfer;

import cn.tuanwu.member.TransferReason;
import java.time.Instant;
import java.util.List;

/** Shapes of the transfer-out API (api.md, "Transfer-out"). */
final class TransferJson {

    private TransferJson() {
    }

    record Request(String orgCode, List<Long> memberIds, Boolean allOverAge, String reason, String note) {
    }

    record Accepted(String id, String processInstanceId, TransferStatus status, int count) {
    }


    record Details(String id, String orgCode, TransferReason reason, String note, int count, TransferStatus status,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String comment,
            String processInstanceId) {

        static Details of(Transfer transfer) {
            return new Details(transfer.id(), transfer.orgCode(), transfer.reason(), transfer.note(),
                    transfer.memberCount(), transfer.status(), transfer.requestedBy(), transfer.requestedAt(),
                    transfer.decidedBy(), transfer.decidedAt(), transfer.comment(), transfer.processInstanceId());
        }
    }
}
