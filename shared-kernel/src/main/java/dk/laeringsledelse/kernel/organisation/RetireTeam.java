package dk.laeringsledelse.kernel.organisation;

import dk.laeringsledelse.kernel.cycle.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a team: its history stays readable, but it starts no new learning cycles. */
public record RetireTeam(
        @TargetAggregateIdentifier TeamId teamId) {
}
