package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jurisdiction tree: ningbo (city) above yuyao, jiangbei and fenghua. */
class JurisdictionsTest {

    @Test
    void aJurisdictionIsWithinItselfAndWithinTheCity() {
        assertThat(Jurisdictions.within("ningbo", "ningbo")).isTrue();
        assertThat(Jurisdictions.within("yuyao", "yuyao")).isTrue();
        assertThat(Jurisdictions.within("yuyao", "ningbo")).isTrue();
    }

    @Test
    void theCityAndSiblingDistrictsAreNotWithinADistrict() {
        assertThat(Jurisdictions.within("ningbo", "fenghua")).isFalse();
        assertThat(Jurisdictions.within("jiangbei", "fenghua")).isFalse();
    }

    @Test
    void anUnknownOrMissingJurisdictionIsWithinNothing() {
        assertThat(Jurisdictions.within("hangzhou", "ningbo")).isFalse();
        assertThat(Jurisdictions.within(null, "ningbo")).isFalse();
        assertThat(Jurisdictions.within("ningbo", null)).isFalse();
        assertThat(Jurisdictions.within(null, null)).isFalse();
        assertThat(Jurisdictions.subtree(null)).isEmpty();
    }

    @Test
    void onlyTheCityIsTheRoot() {
        assertThat(Jurisdictions.isRoot("ningbo")).isTrue();
        assertThat(Jurisdictions.isRoot("fenghua")).isFalse();
        assertThat(Jurisdictions.isRoot(null)).isFalse();
    }
}
