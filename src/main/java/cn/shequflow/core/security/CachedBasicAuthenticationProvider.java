package cn.shequflow.core.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic as Camunda's provider does it, remembering a successful login for a minute (issue 21):
 * without it every REST call checked the password and read the person's groups and tenants, in
 * three engine commands and five transactions. What is kept is a salted digest of the password (never
 * the password), the groups and the tenants. It is forgotten
 * <ul>
 * <li>after {@link #TTL_MILLIS};
 * <li>at once, for everybody, when any user, group, tenant or membership changes through the engine
 * ({@link #identityChanged()}, called by {@link IdentityChanges} before and after such a command):
 * a new password, a removed membership or a deleted user take effect on the next call;
 * <li>for that person when a login with another password fails, so the engine's login delay after a
 * wrong password applies to the next call as before.
 * </ul>
 */
public class CachedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  static final long TTL_MILLIS = 60_000;

  private record Login(byte[] digest, List<String> groups, List<String> tenants, long expires, long generation) {}

  private static final Map<String, Login> LOGINS = new ConcurrentHashMap<>();
  private static final AtomicLong GENERATION = new AtomicLong();
  private static final byte[] SALT = new SecureRandom().generateSeed(16);

  /** Forgets every remembered login (an identity change). */
  public static void identityChanged() {
    GENERATION.incrementAndGet();
    LOGINS.clear();
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated()) {
      Login login = LOGINS.get(key(engine, result.getAuthenticatedUser()));
      if (login != null) {
        result.setGroups(login.groups());
        result.setTenants(login.tenants());
      }
    }
    return result;
  }

  @Override
  protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
    String key = key(engine, userName);
    byte[] digest = digest(userName, password);
    Login known = LOGINS.get(key);
    if (known != null && known.generation() == GENERATION.get() && System.currentTimeMillis() < known.expires()
        && MessageDigest.isEqual(known.digest(), digest)) {
      return true;
    }
    long generation = GENERATION.get();
    boolean ok = super.isAuthenticated(engine, userName, password);
    if (!ok) {
      LOGINS.remove(key);
      return false;
    }
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userName).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = engine.getIdentityService().createTenantQuery().userMember(userName)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    if (generation == GENERATION.get()) {
      LOGINS.put(key, new Login(digest, groups, tenants, System.currentTimeMillis() + TTL_MILLIS, generation));
    }
    return true;
  }

  private static String key(ProcessEngine engine, String userName) {
    return engine.getName() + '\u0000' + userName;
  }

  private static byte[] digest(String userName, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(SALT);
      sha.update(userName.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
