package cn.shequflow.core.security;

import cn.shequflow.core.organisation.Role;
import java.util.Set;

/**
 * Who may start a process: each feature declares one bean of this type, and
 * {@link AccessBootstrap} grants READ and CREATE_INSTANCE on the definition to the groups of
 * those roles, so Tasklist's "Start process" lists only what the user may start.
 */
public record ProcessStartRights(String processKey, Set<Role> roles) {}
