package io.spectrumflow.starter.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard: {@code GET /} lists pipelines and recent runs, {@code GET
 * /dashboard/runs/{workflowId}} shows one run. Read-only, so open to anyone who can reach the
 * starter; it shows nothing secret (no token, no webhook URL). Its style and script are served from
 * the jar, and the pages allow nothing else to load.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class DashboardResource {

  /** Only the starter's own files; the SVG timelines need no inline style. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, String> ASSET_TYPES =
      Map.of("dashboard.css", "text/css; charset=utf-8", "dashboard.js", "text/javascript");

  private final Dashboard dashboard;
  private final Map<String, byte[]> assets;

  public DashboardResource(Dashboard dashboard) {
    this.dashboard = dashboard;
    this.assets =
        Map.of("dashboard.css", load("dashboard.css"), "dashboard.js", load("dashboard.js"));
  }

  @GET
  public Response overview(@Context UriInfo uri) {
    PageContext context = dashboard.context(uri.getBaseUri().getPath());
    return page(Response.Status.OK, OverviewPage.render(dashboard.overview(), context));
  }

  @GET
  @Path("dashboard/runs/{workflowId}")
  public Response run(@PathParam("workflowId") String workflowId, @Context UriInfo uri) {
    PageContext context = dashboard.context(uri.getBaseUri().getPath());
    return dashboard
        .run(workflowId)
        .map(run -> page(Response.Status.OK, RunPage.render(run, context)))
        .orElseGet(() -> page(Response.Status.NOT_FOUND, RunPage.notFound(workflowId, context)));
  }

  @GET
  @Path("dashboard/assets/{name}")
  @Produces({"text/css", "text/javascript"})
  public Response asset(@PathParam("name") String name) {
    byte[] content = assets.get(name);
    if (content == null) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).build();
    }
    return Response.ok(content, ASSET_TYPES.get(name))
        .header("Cache-Control", "max-age=300")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static Response page(Response.Status status, String html) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML + "; charset=utf-8")
        .entity(html)
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .build();
  }

  private static byte[] load(String name) {
    try (InputStream in = DashboardResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
