package dk.laeringsledelse.query.timeline;

import java.util.List;

/** A page of a team's timeline as a Relay connection (GraphQL type {@code TimelineConnection}). */
public record TimelineConnection(List<Edge> edges, PageInfo pageInfo) {

    public record Edge(String cursor, TimelineEntry node) {
    }

    /** GraphQL type {@code PageInfo}. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static TimelineConnection of(List<TimelineEntry> entries, boolean hasNextPage, boolean hasPreviousPage) {
        List<Edge> edges = entries.stream()
                .map(entry -> new Edge(TimelineCursor.encode(entry.position()), entry))
                .toList();
        return new TimelineConnection(edges, new PageInfo(hasNextPage, hasPreviousPage,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    /** The entries of this page, oldest first. */
    public List<TimelineEntry> entries() {
        return edges.stream().map(Edge::node).toList();
    }
}
