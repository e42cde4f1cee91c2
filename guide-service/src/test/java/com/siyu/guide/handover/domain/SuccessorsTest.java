package com.siyu.guide.handover.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuccessorsTest {

    @Test
    void membersGoToWhoeverHasFewestSoThePoolEndsEven() {
        List<Long> assigned = Successors.assign(List.of(7L, 8L, 9L), Map.of(7L, 10L, 8L, 4L), 20);
        Map<Long, Long> received = assigned.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // 7 had 10, 8 had 4, 9 had none: 34 members in all end 12 / 11 / 11 (ties to the lower id)
        assertThat(received.getOrDefault(7L, 0L) + 10).isEqualTo(12);
        assertThat(received.get(8L) + 4).isEqualTo(11);
        assertThat(received.get(9L)).isEqualTo(11);
        assertThat(assigned.get(0)).isEqualTo(9L);
    }

    @Test
    void nobodyToHandOverToIsRefused() {
        assertThatThrownBy(() -> Successors.assign(List.of(), Map.of(), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Successors.assign(List.of(5L), Map.of(), 0)).isEmpty();
    }
}
