package org.rapport.lti.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All pages and the JSON API are JAX-RS resources under the context root. */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Rapport API",
            version = "1",
            description =
                "JSON API of Rapport, the LTI 1.3 empathy-education tool: administration of"
                    + " platform registrations, keys and launches; instruments, cohorts, waves"
                    + " and schedule templates; students, imports, exports and the audit log."))
public class RapportApplication extends Application {}
