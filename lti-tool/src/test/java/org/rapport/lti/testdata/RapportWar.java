package org.rapport.lti.testdata;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, exactly as it ships, for Arquillian deployments. */
public final class RapportWar {
  private RapportWar() {}

  public static WebArchive shipped() {
    File war = new File("target/lti-tool.war");
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first: mvn package (failsafe runs after it).");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
