package org.resetflow.journey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public API's body limit for every transfer encoding: a chunked body has no {@code Content-Length} for
 * {@link ApiRequestLimits} to check, so the body itself is counted as it is read, and reading past the limit ends
 * the request with 413 before anything parses more of it. A compressed body ({@code Content-Encoding}) is refused
 * with 415 and {@code Accept-Encoding: identity} (RFC 7694): nothing here decodes one, and a limit on its compressed
 * size would say nothing about what it expands to.
 */
@Component
public class ApiBodyLimit extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isEncoded(request)) {
            response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream(), ApiRequestLimits.MAX_BODY_BYTES);
                }
                return limited;
            }
        }, response);
    }

    /** A body with a content coding other than {@code identity}; the portal's forms refuse it too. */
    public static boolean isEncoded(HttpServletRequest request) {
        String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        return coding != null && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity");
    }

    /** Counts what is read and refuses the byte after the limit. */
    static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ApiRequestLimits.BodyTooLarge();
            }
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
    }
}
