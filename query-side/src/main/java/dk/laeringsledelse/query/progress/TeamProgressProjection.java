package dk.laeringsledelse.query.progress;

import dk.laeringsledelse.query.support.ProcessingGroups;
import dk.laeringsledelse.kernel.cycle.LearningCycleEvent;
import dk.laeringsledelse.kernel.module.ModuleAnswerEvent;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.query.summary.InstitutionSummaryStore;
import dk.laeringsledelse.query.summary.FindInstitutionOverview;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code team_progress} and the team's entry in its institution's summary up to date. The application
 * sequences this processing group by team, the team's registration included (it names the institution), so one
 * thread at a time changes a team's document; the institution summary is only changed by atomic per-team
 * {@code $set}s, so teams of one institution may be projected in parallel.
 */
@Component
@ProcessingGroup(ProcessingGroups.TEAM_VIEWS)
public class TeamProgressProjection {

    private final TeamProgressStore store;
    private final InstitutionSummaryStore summaries;
    private final QueryUpdateEmitter updates;

    public TeamProgressProjection(TeamProgressStore store, InstitutionSummaryStore summaries,
                                  QueryUpdateEmitter updates) {
        this.store = store;
        this.summaries = summaries;
        this.updates = updates;
    }

    @EventHandler
    public void on(TeamRegistered event, @SequenceNumber Long sequenceNumber) {
        update(event.teamId().value(), event.teamId().value(), sequenceNumber, progress -> {
            progress.institutionId = event.institutionId().value();
            progress.municipalityId = event.municipalityId().value();
        });
    }

    @EventHandler
    public void on(LearningCycleEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        update(event.teamId().value(), event.cycleId().value(), sequenceNumber,
                progress -> progress.apply(event, message.getTimestamp()));
    }

    @EventHandler
    public void on(ModuleAnswerEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber) {
        update(event.teamId().value(), event.answerId().value(), sequenceNumber,
                progress -> progress.apply(event, message.getTimestamp()));
    }

    private void update(String teamId, String aggregateId, long sequenceNumber, Consumer<TeamProgress> change) {
        TeamProgress progress = store.find(teamId).orElseGet(() -> new TeamProgress(teamId));
        if (progress.markApplied(aggregateId, sequenceNumber)) {
            change.accept(progress);
            store.save(progress);
        }
        // also on a re-delivered event: the summary may not have been written before a crash
        if (progress.institutionId != null) {
            summaries.putTeam(progress.institutionId, progress.figures());
            updates.emit(FindInstitutionOverview.class, q -> q.institutionId().equals(progress.institutionId),
                    teamId);
        }
        updates.emit(FindTeamProgress.class, q -> q.teamId().equals(teamId), progress);
    }

    @QueryHandler
    public TeamProgress handle(FindTeamProgress query) {
        return store.find(query.teamId()).orElseGet(() -> new TeamProgress(query.teamId()));
    }

    @ResetHandler
    public void reset() {
        store.deleteAll();
        summaries.deleteTeams();
    }
}
