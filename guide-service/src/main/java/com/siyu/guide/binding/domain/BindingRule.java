package com.siyu.guide.binding.domain;

/**
 * A tenant's binding rule. FIRST_TOUCH: a bound member keeps the guide whatever touch comes later. LAST_TOUCH:
 * a later touch (code, link, WeCom) takes the member once {@code protectionDays} have passed since the last
 * binding. {@code operatorOverrides}: an operator's assignment moves a member whatever the rule says.
 */
public record BindingRule(Mode mode, int protectionDays, boolean operatorOverrides) {

    public enum Mode { FIRST_TOUCH, LAST_TOUCH }

    /** What a tenant that never set a rule gets: the guide who served keeps the member for 30 days. */
    public static final BindingRule DEFAULT = new BindingRule(Mode.LAST_TOUCH, 30, true);
}
