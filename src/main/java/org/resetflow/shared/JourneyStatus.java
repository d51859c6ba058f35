package org.resetflow.shared;

public enum JourneyStatus { ACTIVE, COMPLETED, ESCALATED, REFUSED, LOCKED_OUT, EXPIRED }
