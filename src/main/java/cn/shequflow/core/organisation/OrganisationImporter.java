package cn.shequflow.core.organisation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an organisation file (units, people, roles; see {@code demo-organisation.json}) into the
 * organisation tables. Idempotent: what exists is left as it is, what is missing is created, so a
 * restart adds nothing twice.
 */
@Component
public class OrganisationImporter {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationImporter.class);

  private final OrganisationMapper mapper;
  private final Representatives representatives;
  private final ObjectMapper json;

  public OrganisationImporter(OrganisationMapper mapper, Representatives representatives, ObjectMapper json) {
    this.mapper = mapper;
    this.representatives = representatives;
    this.json = json;
  }

  /** A unit; a community may give its number of representatives (EX-7), kept only where none is kept yet. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UnitEntry(String id, String name, String level, String parent, Integer representatives) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonEntry(String id, String name, String unit, List<String> roles) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrganisationFile(List<UnitEntry> units, List<PersonEntry> people) {}

  @Transactional
  public int importFrom(Resource resource) {
    OrganisationFile file;
    try (InputStream in = resource.getInputStream()) {
      file = json.readValue(in, OrganisationFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read organisation file " + resource + ": " + e.getMessage(), e);
    }
    int created = 0;
    for (UnitEntry u : nullSafe(file.units())) {
      if (mapper.findUnit(u.id()) == null) {
        mapper.insertUnit(new OrgUnit(u.id(), u.name(), UnitLevel.valueOf(u.level()), u.parent()));
        created++;
      }
      if (u.representatives() != null) {
        if (UnitLevel.valueOf(u.level()) != UnitLevel.COMMUNITY) {
          throw new IllegalStateException("Unit " + u.id() + " is no community: it has no representatives");
        }
        representatives.seed(u.id(), u.representatives());
      }
    }
    for (PersonEntry p : nullSafe(file.people())) {
      if (mapper.findUnit(p.unit()) == null) {
        throw new IllegalStateException("Person " + p.id() + " belongs to unknown unit " + p.unit());
      }
      if (mapper.findPerson(p.id()) == null) {
        mapper.insertPerson(new Person(p.id(), p.name(), p.unit()));
        created++;
      }
      for (String spec : nullSafe(p.roles())) {
        RoleAssignment assignment = parseRole(p, spec);
        if (mapper.countRole(assignment) == 0) {
          mapper.insertRole(assignment);
          created++;
        }
      }
    }
    LOG.info("Organisation {}: {} units/people/roles created", resource.getFilename(), created);
    return created;
  }

  private RoleAssignment parseRole(PersonEntry p, String spec) {
    String[] parts = spec.split("@", 2);
    Role role = Role.parse(parts[0]);
    String unitId = parts.length > 1 ? parts[1].trim() : p.unit();
    OrgUnit unit = mapper.findUnit(unitId);
    if (unit == null) {
      throw new IllegalStateException("Role " + spec + " of " + p.id() + " names unknown unit " + unitId);
    }
    if (unit.unitLevel() != role.level()) {
      throw new IllegalStateException("Role " + role + " is held at a " + role.level()
          + ", but " + p.id() + " has it at " + unitId + " (" + unit.unitLevel() + ")");
    }
    return new RoleAssignment(p.id(), role, unitId);
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
