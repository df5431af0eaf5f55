package dk.laeringsledelse.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's body must arrive within {@code laeringsledelse.http.body-timeout} of the request's start, else the
 * answer is 408 and the connection is closed: before, a client trickling a body in held a worker thread for as long
 * as it liked, without a token. Two bounds together: Tomcat waits at most that long for any one read (its upload
 * timeout), and every read checks the time spent on the whole body. It runs first, before anything reads a body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTimeoutFilter extends OncePerRequestFilter
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String TOO_LATE = BodyTimeoutFilter.class.getName() + ".tooLate";

    private final Duration timeout;

    BodyTimeoutFilter(HttpProperties http) {
        this.timeout = http.bodyTimeout();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http11) {
                http11.setDisableUploadTimeout(false);
                http11.setConnectionUploadTimeout((int) timeout.toMillis());
            }
        });
        // around the host's error pages, which would otherwise replace the answer once the request is marked failed
        factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                getNext().invoke(request, response);
                if (request.getAttribute(TOO_LATE) != null) {
                    // the rest of a late body is not waited for (Tomcat would read it all to keep the connection):
                    // the connection closes after the answer
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        TimedBody timed = new TimedBody(request, System.nanoTime() + timeout.toNanos());
        try {
            chain.doFilter(timed, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!timed.tooLate) {
                throw e;
            }
        }
        if (timed.tooLate) {
            request.setAttribute(TOO_LATE, true);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
                response.setHeader("Connection", "close");
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getOutputStream().write(("{\"errors\":[{\"message\":\"the request body did not arrive within "
                        + timeout.toMillis() + " ms\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Too late for the rest of the body: the reader sees the end of its stream as an error. */
    static final class BodyTooLate extends IOException {
        BodyTooLate() {
            super("the request body did not arrive in time");
        }
    }

    /** The request, whose body fails once its time is up. */
    private static final class TimedBody extends HttpServletRequestWrapper {

        private final long deadline;
        private volatile boolean tooLate;
        private ServletInputStream in;

        TimedBody(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        private void check() throws BodyTooLate {
            if (tooLate || System.nanoTime() - deadline > 0) {
                tooLate = true;
                throw new BodyTooLate();
            }
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream body = super.getInputStream();
                in = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        check();
                        int n;
                        try {
                            n = body.read(buffer, offset, length);
                        } catch (IOException silent) {
                            // Tomcat gave up waiting for the next bytes (its upload timeout): as late as can be
                            check();
                            throw silent;
                        }
                        if (n > 0) {
                            check();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
