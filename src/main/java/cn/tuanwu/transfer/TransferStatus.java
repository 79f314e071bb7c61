package cn.tuanwu.transfer;

/** Where a transfer-out is; an over-age transfer waits for its apply job as AWAITING_REVIEW, without a review. */
enum TransferStatus {
    AWAITING_REVIEW,
    APPLIED,
    REJECTED
}
