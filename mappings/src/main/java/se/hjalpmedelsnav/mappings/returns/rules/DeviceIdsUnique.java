package se.hjalpmedelsnav.mappings.returns.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A return names at least one device, each once: a repeated id is most often a copy-paste slip that
 * hides the device that was meant. (The schema bounds the list; JSON Schema and XSD cannot both say
 * "unique" alike, so the rule says it for both formats.)
 */
public final class DeviceIdsUnique implements MessageRule<ReturnMessage> {

    @Override
    public List<ContractError> check(ReturnMessage message, RuleContext context) {
        List<String> deviceIds = message.deviceIds();
        if (deviceIds == null || deviceIds.isEmpty()) {
            return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "deviceIds",
                    "deviceIds must name at least one device, by the supplier's device id (individnummer)."));
        }
        List<ContractError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < deviceIds.size(); i++) {
            String deviceId = deviceIds.get(i) == null ? "" : deviceIds.get(i).strip();
            String field = "deviceIds[" + i + "]";
            if (deviceId.isEmpty()) {
                errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, field, field + " must not be empty."));
                continue;
            }
            Integer first = firstIndex.putIfAbsent(deviceId, i);
            if (first != null) {
                errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, field, field + " repeats deviceIds[" + first
                        + "]; name each device once."));
            }
        }
        return errors;
    }
}
