package io.sanjiaodi.contracts.common;

/** A commission official as recorded at the time (name and post are copied, not looked up later). */
public record PersonRef(String personId, String name, String post) {}
