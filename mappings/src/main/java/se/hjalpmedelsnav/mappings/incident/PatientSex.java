package se.hjalpmedelsnav.mappings.incident;

public enum PatientSex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
