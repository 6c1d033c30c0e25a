package cn.shequflow.core.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's password policy ({@code enablePasswordPolicy}, Camunda's default rules), explained
 * in Chinese, and the one way start-up data saves a user without it.
 */
public final class PasswordRules {

  private PasswordRules() {}

  /**
   * Saves a user created by the product's own start-up data (the demo password, the configured
   * first administrator) without the password policy. Never for a password a person chose.
   */
  public static void saveSeededUser(IdentityService identity, User user) {
    if (identity instanceof IdentityServiceImpl impl) {
      impl.saveUser(user, true);
    } else {
      identity.saveUser(user);
    }
  }

  /** The rules {@code password} breaks for {@code user}, in Chinese; empty when it meets the policy. */
  public static String violations(IdentityService identity, String password, User user) {
    if (identity.getPasswordPolicy() == null) {
      return "";
    }
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password == null ? "" : password, user);
    return result.isValid() ? "" : describe(result.getViolatedRules());
  }

  /** "密码不符合要求：至少 10 个字符；至少 1 个大写字母" for the given rules. */
  public static String describe(List<PasswordPolicyRule> rules) {
    return "密码不符合要求：" + rules.stream().map(PasswordRules::describe).collect(Collectors.joining("；"));
  }

  /** The whole policy in Chinese, for messages that cannot say which rule was broken. */
  public static String describePolicy(IdentityService identity) {
    return identity.getPasswordPolicy() == null ? "密码不符合要求" : describe(identity.getPasswordPolicy().getRules());
  }

  static String describe(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + p.getOrDefault("minLength", "10") + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + p.getOrDefault("minLowerCase", "1") + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + p.getOrDefault("minUpperCase", "1") + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + p.getOrDefault("minDigit", "1") + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + p.getOrDefault("minSpecial", "1") + " 个特殊字符（如 !@#$%）";
      case "PASSWORD_POLICY_USER_DATA" -> "不能包含用户名、姓名或邮箱";
      default -> rule.getPlaceholder();
    };
  }
}
