package cn.shequflow.core.organisation;

/** Where a person works in a community and whether he directs it (LV-2 vs LV-3). */
public record CommunityMembership(OrgUnit community, boolean director) {

  /** The applicant role the leave policy table reads: {@code director} or {@code staff}. */
  public String leaveRole() {
    return director ? "director" : "staff";
  }
}
