package com.siyu.coupon.template.infra;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small sets stored as comma-separated text in the template row. */
final class Csv {

    private Csv() {
    }

    static String join(Collection<?> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }

    static <T> Set<T> split(String text, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Stream.of(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse).collect(Collectors.toSet());
    }
}
