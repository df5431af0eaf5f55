package dk.laeringsledelse.query.overview;

import java.util.List;

/** A municipality's institutions, each with its key figures, for the administration and its auditors. */
public record MunicipalityOverview(String municipalityId, String name, int quietDays,
                                   List<InstitutionFigures> institutions) {
}
