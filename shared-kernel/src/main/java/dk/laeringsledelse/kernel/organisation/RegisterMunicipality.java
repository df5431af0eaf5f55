package dk.laeringsledelse.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a municipality; {@code name} at most 200 characters. */
public record RegisterMunicipality(
        @TargetAggregateIdentifier MunicipalityId municipalityId,
        String name) {
}
