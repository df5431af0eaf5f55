package dk.laeringsledelse.kernel.measurement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorsTest {

    @Test
    void theProgramsOutcomeAndProcessIndicatorsAreKnownWithDanishLabels() {
        assertThat(Indicators.find(Indicators.LANGUAGE)).get().extracting(Indicator::labelDa)
                .isEqualTo("Kommunikation og sprog");
        assertThat(Indicators.find(Indicators.WELL_BEING)).get().extracting(Indicator::labelDa).isEqualTo("Trivsel");
        assertThat(Indicators.find(Indicators.TRUST_IN_INSTITUTION)).get().extracting(Indicator::labelDa)
                .isEqualTo("Tillid til dagtilbuddet");
        assertThat(Indicators.isKnown(Indicators.SOCIAL_DEVELOPMENT)).isTrue();
    }

    @Test
    void idsAreUniqueUpperCase() {
        assertThat(Indicators.all()).extracting(Indicator::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.value()).matches("[A-Z_]+"));
    }

    @Test
    void unknownIndicatorIsNotKnown() {
        assertThat(Indicators.isKnown(IndicatorId.of("language"))).isFalse();
        assertThat(Indicators.isKnown(null)).isFalse();
    }
}
