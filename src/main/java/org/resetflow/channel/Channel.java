package org.resetflow.channel;

public enum Channel { EMAIL, SMS, VOICE }
