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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring GraphQL fails with a NullPointerException (HTTP 500) on a POST whose body is the JSON value {@code null}.
 * That is the client's mistake, so it is answered here with 400 and a GraphQL error coded BAD_REQUEST.
 */
@Component
class NullBodyFilter extends OncePerRequestFilter {

    private static final String REFUSAL = "{\"errors\":[{\"message\":\"the request body must be a JSON object with "
            + "a query\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}";

    private final String path;

    NullBodyFilter(@Value("${spring.graphql.http.path:/graphql}") String path) {
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
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
