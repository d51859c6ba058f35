package org.resetflow.shared;

/** The ways a user can prove who they are. */
public enum Method {
    EMAIL, SMS, VOICE_MOBILE, VOICE_OFFICE, QUESTIONS;

    public boolean sendsCode() {
        return this != QUESTIONS;
    }

    public boolean usesPhone() {
        return this == SMS || this == VOICE_MOBILE || this == VOICE_OFFICE;
    }
}
