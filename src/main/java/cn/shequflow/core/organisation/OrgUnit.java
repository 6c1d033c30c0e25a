package cn.shequflow.core.organisation;

/** A district, street or community. */
public record OrgUnit(String id, String name, UnitLevel unitLevel, String parentId) {}
