package se.hjalpmedelsnav.mappings.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.returns.ReturnBuilder;

class DeviceIdsUniqueTest {

    private final DeviceIdsUnique rule = new DeviceIdsUnique();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one device", new String[] {"IND-1"}, List.of()),
                Arguments.of("several devices", new String[] {"IND-1", "IND-2", "ind-1"}, List.of()),
                Arguments.of("a device twice", new String[] {"IND-1", "IND-2", "IND-1"}, List.of("deviceIds[2]")),
                Arguments.of("a device three times", new String[] {"IND-1", "IND-1", "IND-1"},
                        List.of("deviceIds[1]", "deviceIds[2]")),
                Arguments.of("the same device with a trailing space", new String[] {"IND-1", "IND-1 "},
                        List.of("deviceIds[1]")),
                Arguments.of("a blank device id", new String[] {"IND-1", " "}, List.of("deviceIds[1]")),
                Arguments.of("a null device id", new String[] {null, "IND-1"}, List.of("deviceIds[0]")),
                Arguments.of("no devices", new String[] {}, List.of("deviceIds")),
                Arguments.of("no list", null, List.of("deviceIds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void requiresAtLeastOneDeviceAndEachOnce(String why, String[] deviceIds, List<String> fields) {
        var errors = rule.check(ReturnBuilder.valid().withDeviceIds(deviceIds).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::field).containsExactlyElementsOf(fields);
        assertThat(errors).extracting(ContractError::code).allMatch(code -> code == ErrorCode.SCHEMA_INVALID);
        assertThat(errors).extracting(ContractError::message).noneMatch(message -> message.contains("IND-"));
    }
}
