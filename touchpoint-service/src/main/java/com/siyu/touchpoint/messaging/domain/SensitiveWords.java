package com.siyu.touchpoint.messaging.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tenant's sensitive-word check: the first word of the list found in an outbound text (case-insensitive), if any. */
public final class SensitiveWords {

    private SensitiveWords() {
    }

    public static Optional<String> firstHit(String text, Collection<String> words) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().filter(w -> !w.isEmpty() && lower.contains(w.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The first hit among the content's texts (every field value and the page). */
    public static Optional<String> firstHit(Send.Content content, Collection<String> words) {
        for (Map.Entry<String, String> field : content.data().entrySet()) {
            Optional<String> hit = firstHit(field.getValue(), words);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return firstHit(content.page(), words);
    }
}
