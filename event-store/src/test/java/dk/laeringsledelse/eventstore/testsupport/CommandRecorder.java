package dk.laeringsledelse.eventstore.testsupport;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Records the commands a MongoDB client sends while recording is on, to check on the wire which queries a piece
 * of code makes (pass it to {@link TestMongo#freshDatabase(CommandListener)}).
 */
public class CommandRecorder implements CommandListener {

    private final List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;

    /** Forgets what was recorded and records from now on. */
    public void start() {
        commands.clear();
        recording = true;
    }

    public void stop() {
        recording = false;
    }

    /** What was recorded since the last {@link #start()}. */
    public List<BsonDocument> commands() {
        return commands;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (recording) {
            commands.add(event.getCommand().clone());
        }
    }
}
