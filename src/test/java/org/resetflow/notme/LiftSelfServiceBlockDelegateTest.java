package org.resetflow.notme;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.resetflow.throttling.SelfServiceBlocks;

class LiftSelfServiceBlockDelegateTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final SelfServiceBlocks blocks = mock(SelfServiceBlocks.class);
    final LiftSelfServiceBlockDelegate delegate = new LiftSelfServiceBlockDelegate(blocks, Clock.fixed(NOW, ZoneOffset.UTC));
    final DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);

    void answered(Object secured, Object resolution) {
        when(execution.getProcessInstanceId()).thenReturn("report-1");
        when(execution.getVariable("accountSecured")).thenReturn(secured);
        when(execution.getVariable("resolution")).thenReturn(resolution);
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(new Authentication("helen", List.of("helpdesk-admins")));
    }

    @Test
    void aSecuredAccountHasItsBlockLiftedWithWhoAndWhen() throws Exception {
        answered(true, "Called her back, set a temporary password, ended her sessions");

        delegate.execute(execution);

        verify(blocks).lift("report-1");
        verify(execution).setVariable("securedBy", "helen");
        verify(execution).setVariable("securedAt", NOW.toString());
    }

    @Test
    void withoutTheConfirmationTheBlockStaysAndTasklistShowsWhy() {
        for (Object secured : new Object[] {null, false, "true"}) {
            answered(secured, "Looked at it");

            assertThatThrownBy(() -> delegate.execute(execution)).as(String.valueOf(secured))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Secure the account first");
        }
        verify(blocks, never()).lift(anyString());
        verify(execution, never()).setVariable(anyString(), any());
    }

    @Test
    void withoutSayingWhatWasDoneTheBlockStays() {
        for (Object resolution : new Object[] {null, " ", "x".repeat(LiftSelfServiceBlockDelegate.MAX_RESOLUTION + 1)}) {
            answered(true, resolution);

            assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("Say what you did");
        }
        verify(blocks, never()).lift(anyString());
    }
}
