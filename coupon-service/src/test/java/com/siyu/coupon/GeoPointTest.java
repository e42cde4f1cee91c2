package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.siyu.coupon.issuing.domain.GeoPoint;
import com.siyu.coupon.issuing.domain.InvalidCoordinates;
import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void haversineMatchesKnownDistances() {
        GeoPoint changchun = new GeoPoint(43.8171, 125.3235);
        assertThat(changchun.distanceMeters(changchun)).isZero();
        // one degree of latitude on the mean sphere: 2πR/360
        assertThat(new GeoPoint(0, 0).distanceMeters(new GeoPoint(1, 0))).isCloseTo(111_195.08, within(0.5));
        // Beijing Tiananmen → Shanghai People's Square, about 1067 km
        assertThat(new GeoPoint(39.9087, 116.3975).distanceMeters(new GeoPoint(31.2304, 121.4737)))
                .isCloseTo(1_067_000, within(3_000.0));
        // across the antimeridian stays short
        assertThat(new GeoPoint(0, 179.9).distanceMeters(new GeoPoint(0, -179.9))).isCloseTo(22_239, within(5.0));
        // 3 km in a city: a quarter-degree-ish offset measured both ways
        GeoPoint mall = new GeoPoint(43.88, 125.35);
        GeoPoint north3km = new GeoPoint(43.88 + 3000 / 111_195.08, 125.35);
        assertThat(mall.distanceMeters(north3km)).isCloseTo(3000, within(0.5));
        assertThat(north3km.distanceMeters(mall)).isCloseTo(mall.distanceMeters(north3km), within(1e-6));
    }

    @Test
    void coordinatesOutsideTheGlobeAreRefused() {
        assertThatThrownBy(() -> new GeoPoint(90.0001, 0)).isInstanceOf(InvalidCoordinates.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(-91, 0)).isInstanceOf(InvalidCoordinates.class);
        assertThatThrownBy(() -> new GeoPoint(0, 180.5)).isInstanceOf(InvalidCoordinates.class).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidCoordinates.class);
        assertThat(new GeoPoint(-90, -180)).isNotNull();
    }
}
