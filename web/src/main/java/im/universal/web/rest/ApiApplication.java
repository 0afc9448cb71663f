package im.universal.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The public REST API, version 1 (docs/protocol.md). */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
