package cn.shequflow.core;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code shequ.*} (see application.yaml). */
@ConfigurationProperties("shequ")
public class ShequProperties {

  private final Demo demo = new Demo();
  private final Admin admin = new Admin();
  private final OrganisationImport organisation = new OrganisationImport();
  private final Calendar calendar = new Calendar();

  public Demo getDemo() {
    return demo;
  }

  public Admin getAdmin() {
    return admin;
  }

  public OrganisationImport getOrganisation() {
    return organisation;
  }

  public Calendar getCalendar() {
    return calendar;
  }

  /** The demo organisation of DEMO-ORG.md, on by default on H2, off in the mysql profile. */
  public static class Demo {
    private boolean enabled;
    private String password = "demo";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }

  /** The first administrator (Cockpit, Admin). Production takes both from the environment. */
  public static class Admin {
    private String id;
    private String password;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }

  /** An organisation file to load at start-up (same format as demo-organisation.json). */
  public static class OrganisationImport {
    private String importLocation;

    public String getImportLocation() {
      return importLocation;
    }

    public void setImportLocation(String importLocation) {
      this.importLocation = importLocation;
    }
  }

  /** CAL-1: holiday files and office hours. */
  public static class Calendar {
    /** Holiday files (classpath: or file: patterns); later years are added as data. */
    private List<String> locations = new ArrayList<>(List.of("classpath*:calendar/*.csv"));
    /** Office hours, e.g. {@code 08:30-12:00,14:00-17:30}. */
    private String officeHours = "08:30-12:00,14:00-17:30";
    /** How often, at most, the locations are checked for new or changed holiday files (no restart). */
    private java.time.Duration reloadInterval = java.time.Duration.ofSeconds(60);

    public java.time.Duration getReloadInterval() {
      return reloadInterval;
    }

    public void setReloadInterval(java.time.Duration reloadInterval) {
      this.reloadInterval = reloadInterval;
    }

    public List<String> getLocations() {
      return locations;
    }

    public void setLocations(List<String> locations) {
      this.locations = locations;
    }

    public String getOfficeHours() {
      return officeHours;
    }

    public void setOfficeHours(String officeHours) {
      this.officeHours = officeHours;
    }
  }
}
