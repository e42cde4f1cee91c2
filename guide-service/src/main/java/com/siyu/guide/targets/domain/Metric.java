package com.siyu.guide.targets.domain;

/** What a target counts, from guide-service's own ledgers. */
public enum Metric {
    /** members a guide won by a touch (code, share link, WeCom) or an operator's assignment: binding history, not handovers or merges */
    NEW_BINDINGS,
    /** what the shoppers attributed to the guide paid (fen, gross less discounts), by the payment's time */
    ATTRIBUTED_SALES
}
