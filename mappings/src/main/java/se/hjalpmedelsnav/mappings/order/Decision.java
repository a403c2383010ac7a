package se.hjalpmedelsnav.mappings.order;

import java.time.LocalDate;

/** The decision (beslut om insats) the order carries out. */
public record Decision(String reference, OrderProcess process, LocalDate decidedAt) {
}
