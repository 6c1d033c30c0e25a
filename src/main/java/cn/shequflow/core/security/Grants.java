package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Idempotent authorizations of groups: GRANTs (created, or missing permissions added), REVOKEs (a
 * resource-specific revoke outweighs the group's grant on {@code *}), and withdrawing permissions an
 * earlier version granted.
 */
@Component
public class Grants {

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = find(groupId, resource, resourceId, AUTH_TYPE_GRANT);
    boolean changed = false;
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  /**
   * The group does not get {@code permissions} on this one resource, whatever its grant on {@code *}
   * says (Camunda: a specific resource id precedes {@code *}).
   */
  public void revokeFromGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = find(groupId, resource, resourceId, AUTH_TYPE_REVOKE);
    boolean changed = false;
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!auth.isPermissionRevoked(permission)) {
        auth.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  /** Takes {@code permissions} out of the group's GRANT on this resource, if it has them. */
  public void withdrawFromGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = find(groupId, resource, resourceId, AUTH_TYPE_GRANT);
    if (auth == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (auth.isPermissionGranted(permission)) {
        auth.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  private Authorization find(String groupId, Resource resource, String resourceId, int type) {
    return authorizations.createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(type)
        .list().stream().findFirst().orElse(null);
  }
}
