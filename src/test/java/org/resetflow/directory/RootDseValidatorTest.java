package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.naming.CommunicationException;
import javax.naming.NamingEnumeration;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.ldap.pool2.DirContextType;

class RootDseValidatorTest {

    private final RootDseValidator validator = new RootDseValidator();
    private final List<String> calls = new ArrayList<>();

    @Test
    void readsTheRootDseToItsEndBeforeClosingTheSearch() throws Exception {
        DirContext connection = answering(new SearchResult("", null, new BasicAttributes("objectclass", "top")));
        assertThat(validator.validateDirContext(DirContextType.READ_ONLY, connection)).isTrue();
        // Closing a search whose end was not read makes JNDI send an abandon request, and the next operation waits for its acknowledgement.
        assertThat(calls).containsExactly("hasMore:true", "next", "hasMore:false", "close");
    }

    @Test
    void aDirectoryWithoutRootDseFailsTheCheck() throws Exception {
        assertThat(validator.validateDirContext(DirContextType.READ_WRITE, answering())).isFalse();
        assertThat(calls).containsExactly("hasMore:false", "close");
    }

    @Test
    void aConnectionTheDirectoryClosedFailsTheCheck() throws Exception {
        DirContext connection = mock(DirContext.class);
        when(connection.search(anyString(), anyString(), any(SearchControls.class))).thenThrow(new CommunicationException("connection closed"));
        assertThat(validator.validateDirContext(DirContextType.READ_ONLY, connection)).isFalse();
    }

    private DirContext answering(SearchResult... results) throws Exception {
        DirContext connection = mock(DirContext.class);
        NamingEnumeration<SearchResult> answer = new NamingEnumeration<>() {
            private int next;

            @Override
            public boolean hasMore() {
                boolean more = next < results.length;
                calls.add("hasMore:" + more);
                return more;
            }

            @Override
            public SearchResult next() {
                if (next >= results.length) {
                    throw new NoSuchElementException();
                }
                calls.add("next");
                return results[next++];
            }

            @Override
            public boolean hasMoreElements() {
                return hasMore();
            }

            @Override
            public SearchResult nextElement() {
                return next();
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        when(connection.search(eq(""), eq("objectclass=*"), any(SearchControls.class))).thenReturn(answer);
        return connection;
    }
}
