package com.siyu.guide.commission.domain;

/** A payment credited through a share link: the guide who shared it, the link and its campaign. */
public record LinkCredit(long guideId, long linkId, String campaign) {
}
