package org.resetflow.escalation;

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

class RecordEscalationDecisionDelegateTest {

    static final Instant NOW = Instant.parse("2026-11-25T11:00:00Z");

    final RecordEscalationDecisionDelegate delegate = new RecordEscalationDecisionDelegate(Clock.fixed(NOW, ZoneOffset.UTC));
    final DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);

    void decided(Object decision, Object reason, String staff) {
        when(execution.getVariable("decision")).thenReturn(decision);
        when(execution.getVariable("refusalReason")).thenReturn(reason);
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(staff == null ? null : new Authentication(staff, List.of("helpdesk-admins")));
    }

    @Test
    void anApprovalRecordsWhoDecidedAndWhen() throws Exception {
        decided("APPROVE", null, "demo");

        delegate.execute(execution);

        verify(execution).setVariable("decidedBy", "demo");
        verify(execution).setVariable("decidedAt", NOW.toString());
    }

    @Test
    void aRefusalWithAReasonIsRecorded() throws Exception {
        decided("REFUSE", "Please call us from your desk phone.", "demo");

        delegate.execute(execution);

        verify(execution).setVariable("decidedBy", "demo");
    }

    @Test
    void aDecisionWithoutASignedInStaffMemberIsRecordedAsByUnknown() throws Exception {
        decided("APPROVE", null, null);

        delegate.execute(execution);

        verify(execution).setVariable("decidedBy", "unknown");
    }

    @Test
    void aDecisionOtherThanApproveOrRefuseIsAFormErrorOnTheDecision() {
        for (Object decision : new Object[] {null, "approve", "MAYBE", true}) {
            decided(decision, "reason", "demo");

            assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("The decision must be APPROVE or REFUSE");
        }
        verify(execution, never()).setVariable(anyString(), any());
    }

    @Test
    void aRefusalNeedsAReasonForTheUser() {
        for (Object reason : new Object[] {null, "", "   "}) {
            decided("REFUSE", reason, "demo");

            assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("A refusal needs a reason for the user");
        }
    }

    @Test
    void theReasonForARefusalIsAtMostFiveHundredCharacters() throws Exception {
        decided("REFUSE", "x".repeat(501), "demo");
        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("at most 500 characters");

        decided("REFUSE", "x".repeat(500), "demo");
        delegate.execute(execution);
        verify(execution).setVariable("decidedBy", "demo");
    }
}
