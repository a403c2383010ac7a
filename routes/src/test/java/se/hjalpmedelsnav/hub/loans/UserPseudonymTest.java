package se.hjalpmedelsnav.hub.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyed pseudonym: one per person whatever the written form, unguessable without the key, never the number. */
class UserPseudonymTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final UserPseudonym pseudonym = new UserPseudonym("a-test-secret-of-more-than-32-characters");

    @ParameterizedTest
    @ValueSource(strings = {"191212121212", "19121212-1212", "121212+1212"})
    void everyWrittenFormOfOneNumberGivesOnePseudonym(String written) {
        assertThat(pseudonym.of(written, TODAY)).isEqualTo(pseudonym.of("191212121212", TODAY)).isPresent();
    }

    @Test
    void anotherPersonOrAnotherKeyGivesAnotherPseudonymAndNoneHoldsTheNumber() {
        String person = pseudonym.of("191212121212", TODAY).orElseThrow();

        assertThat(pseudonym.of("198001010001", TODAY)).get().isNotEqualTo(person);
        assertThat(new UserPseudonym("another-secret-of-more-than-32-characters").of("191212121212", TODAY))
                .get().isNotEqualTo(person);
        assertThat(person).matches("[A-Za-z0-9_-]{43}");
        assertThat(person.contains("1212121212")).as("the pseudonym holds the number").isFalse();
    }

    @Test
    void aNumberThatIsNoValidIdentityHasNoPseudonym() {
        assertThat(pseudonym.of("19121212-1213", TODAY)).isEmpty();
        assertThat(pseudonym.of(null, TODAY)).isEmpty();
    }

    @Test
    void refusesToWorkWithoutASecret() {
        assertThatThrownBy(() -> new UserPseudonym(" ")).hasMessageContaining("nav.loans.pseudonym-secret");
    }
}
