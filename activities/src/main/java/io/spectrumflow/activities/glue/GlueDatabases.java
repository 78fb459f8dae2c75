package io.spectrumflow.activities.glue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** Glue databases, created on first use. */
final class GlueDatabases {

  private static final Logger log = LoggerFactory.getLogger(GlueDatabases.class);

  private final GlueClient glue;

  GlueDatabases(GlueClient glue) {
    this.glue = glue;
  }

  /** Creates the database unless it exists; a concurrent creation is fine. */
  void ensure(String database) {
    try {
      glue.getDatabase(b -> b.name(database));
    } catch (EntityNotFoundException missing) {
      try {
        glue.createDatabase(
            b ->
                b.databaseInput(
                    d -> d.name(database).description("Tables written by Spectrumflow")));
        log.info("glue: created database {}", database);
      } catch (AlreadyExistsException raced) {
        // another run created it between our two calls
      }
    }
  }
}
