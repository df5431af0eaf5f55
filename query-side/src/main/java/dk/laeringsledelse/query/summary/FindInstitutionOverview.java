package dk.laeringsledelse.query.summary;

/**
 * Query for an institution's overview; also the subject of subscription queries, whose updates are only a signal
 * (the id of what changed): the overview is read again.
 */
public record FindInstitutionOverview(String institutionId, int quietDays) {
}
