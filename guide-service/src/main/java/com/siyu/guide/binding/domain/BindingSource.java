package com.siyu.guide.binding.domain;

/** How a member came to a guide. */
public enum BindingSource {
    /** the shopper scanned the guide's personal code */
    CODE,
    /** the shopper opened a guide's share link */
    LINK,
    /** the shopper added the guide on WeCom */
    WECOM,
    /** an operator assigned the member */
    STAFF,
    /** inherited from a member merged into this one */
    MERGE,
    /** handed over from a guide who left or moved */
    HANDOVER;

    public boolean isShopperTouch() {
        return this == CODE || this == LINK || this == WECOM;
    }
}
