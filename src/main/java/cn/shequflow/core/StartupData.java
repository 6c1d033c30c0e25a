package cn.shequflow.core;

import cn.shequflow.core.cluster.StartupLock;
import cn.shequflow.core.organisation.IdentitySync;
import cn.shequflow.core.organisation.OrganisationImporter;
import cn.shequflow.core.security.AccessBootstrap;
import cn.shequflow.core.security.AdminBootstrap;
import cn.shequflow.core.security.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Start-up data, in order: organisation (demo and/or an import file), its mirror in Camunda's
 * identity tables, the administrator, authorizations and Tasklist filters. Every step is
 * idempotent, so restarting adds nothing twice. Nodes sharing a database write it one at a time
 * ({@link StartupLock}, taken before the engine was built, given back here).
 */
@Component
public class StartupData implements ApplicationRunner {

  static final String DEMO_ORGANISATION = "classpath:organisation/demo-organisation.json";

  private final ShequProperties properties;
  private final ResourceLoader resources;
  private final OrganisationImporter importer;
  private final IdentitySync identitySync;
  private final AdminBootstrap admin;
  private final AccessBootstrap access;
  private final TasklistFilters filters;
  private final StartupLock startupLock;

  public StartupData(ShequProperties properties, ResourceLoader resources, OrganisationImporter importer,
      IdentitySync identitySync, AdminBootstrap admin, AccessBootstrap access, TasklistFilters filters,
      StartupLock startupLock) {
    this.properties = properties;
    this.resources = resources;
    this.importer = importer;
    this.identitySync = identitySync;
    this.admin = admin;
    this.access = access;
    this.filters = filters;
    this.startupLock = startupLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    startupLock.acquire();
    try {
      load();
    } finally {
      startupLock.release();
    }
  }

  public void load() {
    boolean demo = properties.getDemo().isEnabled();
    if (demo) {
      importer.importFrom(resources.getResource(DEMO_ORGANISATION));
    }
    String location = properties.getOrganisation().getImportLocation();
    if (location != null && !location.isBlank()) {
      importer.importFrom(resources.getResource(location));
    }
    identitySync.sync(demo ? properties.getDemo().getPassword() : null);
    admin.ensureAdmin(properties.getAdmin().getId(), properties.getAdmin().getPassword());
    access.grantAll();
    filters.ensureFilters();
  }
}
