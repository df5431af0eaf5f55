package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire an institution: it stays readable, but takes no new teams or assignments. */
public record RetireInstitution(
        @TargetAggregateIdentifier InstitutionId institutionId) {
}
