package com.siyu.touchpoint.content.domain;

import java.time.Instant;
import java.util.List;

/**
 * A script (话术): what a guide or a campaign says in a scene, with {variables} ({name}, {guide}, {store}), and the
 * materials sent with it (at most nine, the tenant's and active when attached).
 */
public record Script(long id, Scene scene, String title, String text, List<Long> materialIds, Material.Status status, int version, long createdBy,
                     Instant createdAt, Instant updatedAt) {

    public enum Scene { WELCOME, BIRTHDAY, AFTER_SALE, WINBACK, PROMOTION, ACTIVITY, OTHER }
}
