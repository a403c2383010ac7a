package se.hjalpmedelsnav.mappings.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CountyMunicipalitiesTest {

    private final CountyMunicipalities county = CountyMunicipalities.load();

    @Test
    void hasTheFortyNineMunicipalitiesOfVastraGotalandOnce() {
        assertThat(county.codes()).hasSize(49).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("14\\d\\d"));
    }

    @ParameterizedTest
    @CsvSource({"1480, Göteborg", "1401, Härryda", "1446, Karlsborg", "1499, Falköping"})
    void namesAMunicipalityByItsScbCode(String code, String name) {
        assertThat(county.contains(code)).isTrue();
        assertThat(county.name(code)).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1399", "0180", "1280", "14800", "148"})
    void doesNotKnowCodesOutsideTheCounty(String code) {
        assertThat(county.contains(code)).isFalse();
        assertThat(county.name(code)).isNull();
    }
}
