package dk.laeringsledelse.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dk.laeringsledelse.graphql.limits.GraphQlLimitProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * What a GraphQL request's body must be before anything else reads it, answered with a GraphQL-shaped error coded
 * BAD_REQUEST otherwise:
 * <ul>
 * <li>at most {@code laeringsledelse.graphql.max-request-bytes} (256 KiB), else 413. A declared length over it is
 * refused unread; a body without one (chunked) is read up to one byte past the limit, never further, so no body
 * can fill the memory;</li>
 * <li>not the JSON value {@code null}, else 400: Spring GraphQL fails on it with a NullPointerException (500).</li>
 * </ul>
 * It runs first (after {@link BodyTimeoutFilter}), before authentication, so that an unauthenticated sender cannot
 * make the service read more either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class GraphQlBodyFilter extends OncePerRequestFilter {

    private final String path;
    private final int maxBytes;

    GraphQlBodyFilter(@Value("${spring.graphql.http.path:/graphql}") String path,
                      GraphQlLimitProperties limits) {
        this.path = path;
        this.maxBytes = limits.maxRequestBytes();
    }

    /** The path as the dispatcher matches it: decoded, within the application (so {@code /%67raphql} is caught). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "the request body must be a JSON object with a query");
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private String tooLarge() {
        return "the request is larger than " + maxBytes + " bytes";
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}").getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body, already read, to be read again by the GraphQL handler. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
