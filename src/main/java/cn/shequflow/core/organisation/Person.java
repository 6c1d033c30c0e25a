package cn.shequflow.core.organisation;

/** Somebody who works in the organisation; {@code userId} is the Camunda user id. */
public record Person(String userId, String name, String unitId) {}
