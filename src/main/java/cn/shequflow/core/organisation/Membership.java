package cn.shequflow.core.organisation;

/**
 * The role in which a person acts for a request, and the community it belongs to ({@code null} for
 * a street or district role).
 */
public record Membership(OrgUnit community, Role role) {}
