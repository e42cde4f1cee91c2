package com.siyu.payment;

import com.siyu.common.test.LayerRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        LayerRules.check("com.siyu.payment");
    }
}
