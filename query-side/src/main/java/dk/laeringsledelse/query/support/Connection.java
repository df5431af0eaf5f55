package dk.laeringsledelse.query.support;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page: edges with cursors, page info and, where the list knows it cheaply, the total number of
 * matching nodes (null otherwise).
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(List<T> nodes, Function<T, String> cursor, boolean hasNext,
                                       boolean hasPrevious, Integer totalCount) {
        List<Edge<T>> edges = nodes.stream().map(n -> new Edge<>(cursor.apply(n), n)).toList();
        return new Connection<>(edges, new PageInfo(hasNext, hasPrevious,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
    }

    /** The nodes of this page, in order. */
    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
