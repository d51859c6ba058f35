package org.resetflow.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.resetflow.staff.StaffProperties;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/resetflow-audit}: the plugin's static assets (inherited) and, per engine, the
 * audit. Jersey creates it for each request, outside Spring; the settings come from the application context that
 * shares the servlet context.
 */
@Path("plugin/" + AuditPlugin.ID)
public class AuditRootResource extends AbstractCockpitPluginRootResource {

    public AuditRootResource() {
        super(AuditPlugin.ID);
    }

    @Path("{engineName}")
    public AuditResource audit(@PathParam("engineName") String engineName) {
        StaffProperties owners = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(StaffProperties.class);
        return subResource(new AuditResource(engineName, owners.processOwnerGroup()), engineName);
    }
}
