package org.resetflow.journey;

public enum JourneyStatus { ACTIVE, COMPLETED, ESCALATED, REFUSED, LOCKED_OUT, EXPIRED }
