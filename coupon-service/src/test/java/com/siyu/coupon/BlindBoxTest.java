package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.coupon.issuing.domain.BlindBox;
import com.siyu.coupon.template.domain.BlindBoxPrize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlindBoxTest {

    @Test
    void drawsFollowTheWeights() {
        // 海盗船 : 跳楼机 : 旋转木马 = 1 : 3 : 6
        List<BlindBoxPrize> prizes = List.of(new BlindBoxPrize(1L, "海盗船", 1, 1_000_000, 0),
                new BlindBoxPrize(2L, "跳楼机", 3, 1_000_000, 0), new BlindBoxPrize(3L, "旋转木马", 6, 1_000_000, 0));
        SplittableRandom random = new SplittableRandom(20260101L);
        int draws = 60_000;
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            counts.merge(BlindBox.draw(prizes, random).id(), 1, Integer::sum);
        }
        double chiSquare = 0;
        double[] expected = {0.1 * draws, 0.3 * draws, 0.6 * draws};
        for (int k = 0; k < 3; k++) {
            double observed = counts.getOrDefault((long) k + 1, 0);
            chiSquare += (observed - expected[k]) * (observed - expected[k]) / expected[k];
        }
        // 2 degrees of freedom: 13.8 is the 0.1 % critical value
        assertThat(chiSquare).isLessThan(13.8);
    }

    @Test
    void aPrizeOutOfStockIsNeverDrawnAndNoStockIsAnError() {
        List<BlindBoxPrize> prizes = List.of(new BlindBoxPrize(1L, "gone", 1000, 5, 5), new BlindBoxPrize(2L, "left", 1, 5, 0));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(BlindBox.draw(prizes, random).id()).isEqualTo(2L);
        }
        assertThatThrownBy(() -> BlindBox.draw(List.of(new BlindBoxPrize(1L, "gone", 1, 5, 5)), random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
