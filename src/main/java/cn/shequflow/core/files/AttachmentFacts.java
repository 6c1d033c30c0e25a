package cn.shequflow.core.files;

import java.util.Map;

/**
 * What a family tells the policy of required attachments about one of its cases (issue 19), read
 * from its register, never from a process variable: e.g. leave gives {@code leaveType} and
 * {@code days}. The inputs of {@code requiredAttachments} that a family gives nothing for are empty.
 */
public interface AttachmentFacts {

  /** The case family this source answers for. */
  String family();

  /** The facts of the case, by the names of the decision's inputs. */
  Map<String, Object> of(String businessKey);
}
