package cn.shequflow.core.organisation;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * How many representatives each community's residents' representative assembly has (EX-7): the
 * number a vote's quorum and majority are counted on. Organisation data, in one place: loaded from
 * the organisation file (a community's {@code "representatives"}) where no number is kept yet, and
 * changed by the administrator ({@link RepresentativesController}).
 */
@Service
public class Representatives {

  /** The field of the number, in the API and on the vote form. */
  public static final String FIELD = "representativesTotal";
  /** A sanity bound; a community has tens of representatives. */
  public static final int MAX = 10_000;

  private final CommunityAssemblyMapper mapper;
  private final OrganisationMapper organisation;

  public Representatives(CommunityAssemblyMapper mapper, OrganisationMapper organisation) {
    this.mapper = mapper;
    this.organisation = organisation;
  }

  /** The community's number of representatives, if one is kept. */
  public Optional<Integer> total(String communityId) {
    return Optional.ofNullable(mapper.find(communityId)).map(CommunityAssembly::representativesTotal);
  }

  /** Every community, with its number (or none yet), in id order. */
  public List<CommunityAssembly> all() {
    return organisation.allUnits().stream().filter(u -> u.unitLevel() == UnitLevel.COMMUNITY)
        .map(u -> of(u).orElseThrow()).toList();
  }

  /** The community's assembly; empty when {@code communityId} is not a community. */
  public Optional<CommunityAssembly> of(String communityId) {
    OrgUnit unit = communityId == null ? null : organisation.findUnit(communityId);
    return unit == null || unit.unitLevel() != UnitLevel.COMMUNITY ? Optional.empty() : of(unit);
  }

  private Optional<CommunityAssembly> of(OrgUnit community) {
    CommunityAssembly kept = mapper.find(community.id());
    return Optional.of(kept != null ? kept : new CommunityAssembly(community.id(), community.name(), null, null, null));
  }

  /** Sets the number (the administrator; the caller checked who may). 400 naming the field for a bad number. */
  public CommunityAssembly set(String communityId, int total, String userId) {
    check(total);
    if (mapper.update(communityId, total, Clock.now(), userId) == 0) {
      mapper.insert(communityId, total, Clock.now(), userId);
    }
    return mapper.find(communityId);
  }

  /** The organisation file's number, where none is kept yet (a restart never overwrites the administrator's). */
  void seed(String communityId, int total) {
    if (total < 1 || total > MAX) {
      throw new IllegalStateException("Community " + communityId + ": representatives must be 1.." + MAX + ", not " + total);
    }
    if (mapper.find(communityId) == null) {
      mapper.insert(communityId, total, Clock.now(), null);
    }
  }

  private static void check(int total) {
    if (total < 1 || total > MAX) {
      throw new InvalidInputException(FIELD, "居民代表人数须为 1 至 " + MAX + " 之间的整数");
    }
  }
}
