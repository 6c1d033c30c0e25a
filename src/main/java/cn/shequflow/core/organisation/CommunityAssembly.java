package cn.shequflow.core.organisation;

import java.time.LocalDateTime;

/**
 * The residents' representative assembly of a community (EX-7): how many representatives it has,
 * ({@code null}: not recorded yet), and who last set it ({@code null}: loaded from the organisation file).
 */
public record CommunityAssembly(
    String communityId,
    String communityName,
    Integer representativesTotal,
    LocalDateTime updatedAt,
    String updatedBy) {}
