package se.hjalpmedelsnav.mappings.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The patient (user) of an incident, as far as the authority and the manufacturer may know: age and sex,
 * never identity. The patient's identity never leaves the hub, so the contract has no field for it.
 *
 * @param age in whole years, 0 to 130; null when not known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Patient(Integer age, PatientSex sex) {

    @Override
    public String toString() {
        return "Patient[redacted]";
    }
}
