package dk.laeringsledelse.app.store;

import com.mongodb.client.MongoDatabase;

/** The database of the event store: events, snapshots, the position counter and the integrity seals. */
public record EventStoreDatabase(MongoDatabase database) {
}
