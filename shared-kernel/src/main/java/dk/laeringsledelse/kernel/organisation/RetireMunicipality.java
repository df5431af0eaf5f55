package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a municipality: it stays readable, but takes no new institutions or assignments. */
public record RetireMunicipality(
        @TargetAggregateIdentifier MunicipalityId municipalityId) {
}
