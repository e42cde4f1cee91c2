package com.siyu.touchpoint.content.domain;

import java.time.Instant;

/**
 * A reusable piece of outbound content. TEXT: {@code body} with {variables}. IMAGE and FILE: a reference ({@code url},
 * https) to where the mall stores it, with a title. MINI_PROGRAM: a card opening {@code page} of the tenant's
 * mini-program, {@code body} its caption, {@code thumbUrl} its picture. LINK: {@code url}, {@code body} its summary.
 */
public record Material(long id, Kind kind, String title, String body, String url, String page, String thumbUrl, Status status, int version,
                       long createdBy, Instant createdAt, Instant updatedAt) {

    public enum Kind { TEXT, IMAGE, FILE, MINI_PROGRAM, LINK }

    public enum Status { ACTIVE, ARCHIVED }
}
