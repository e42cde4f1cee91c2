package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.member.member.domain.InvalidPhone;
import com.siyu.member.member.domain.Phone;
import org.junit.jupiter.api.Test;

class PhoneTest {

    @Test
    void acceptsMainlandMobileNumbersAndMasksThem() {
        assertThat(new Phone("13800138000").masked()).isEqualTo("138****8000");
        assertThat(new Phone("19912345678").value()).isEqualTo("19912345678");
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {null, "", "1380013800", "138001380000", "12800138000", "+8613800138000", "1380013800a"}) {
            assertThatThrownBy(() -> new Phone(bad)).isInstanceOf(InvalidPhone.class);
        }
    }
}
