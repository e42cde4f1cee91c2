package com.siyu.guide.wecom.domain;

import java.time.Instant;

/** One customer of a handover in WeCom's own transfer (see {@link WecomTransfers}). */
public record WecomTransfer(long id, long handoverId, long memberId, String externalUserId, long fromGuideId, String fromUserId,
                            long toGuideId, String toUserId, WecomApi.TransferMode mode, Status status, int attempts, Integer errcode,
                            String detail, Instant nextAt, Instant updatedAt) {

    public enum Status { PENDING, WAITING, TRANSFERRED, REFUSED, FAILED }

    public record New(long memberId, String externalUserId, long fromGuideId, String fromUserId, long toGuideId, String toUserId,
                      WecomApi.TransferMode mode, Status status, String detail) {
    }
}
