package org.resetflow.shared;

/** The ways a user can prove who they are. */
public enum Method {
    EMAIL, SMS, VOICE_MOBILE, VOICE_OFFICE, QUESTIONS, AUTHENTICATOR_APP, PASSKEY;

    /** Whether proving it means sending a one-time code to a contact the user registered. */
    public boolean sendsCode() {
        return this == EMAIL || usesPhone();
    }

    public boolean usesPhone() {
        return this == SMS || this == VOICE_MOBILE || this == VOICE_OFFICE;
    }

    /**
     * A method bound to something the user holds that no message can be redirected to (an authenticator app, a
     * passkey): when a user registered one, recovery asks for it (the enrolled-factor rule).
     */
    public boolean isStrong() {
        return this == AUTHENTICATOR_APP || this == PASSKEY;
    }
}
