# The worker: the export workflow and its activities (io.spectrumflow.worker.app).
# Built from the jars Maven makes; build them first at the repository's root:
#   mvn -B -q -DskipTests package      (docker compose build then only copies them)
# Context: the repository's root (docker-compose.yml says so); worker.Dockerfile.dockerignore
# sends only what this file copies.
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app spectrumflow \
    && mkdir -p /var/lib/spectrumflow/work \
    && chown spectrumflow /var/lib/spectrumflow/work
WORKDIR /app
COPY worker/target/lib/ /app/lib/
COPY worker/target/spectrumflow-worker-*.jar /app/lib/
COPY docker/worker.yml /app/config.yml

USER spectrumflow
# dumped Parquet files wait here for their upload
VOLUME /var/lib/spectrumflow/work
# the application port; health checks and metrics are on the admin port, 8091, which listens on
# the container's loopback only (docker/worker.yml)
EXPOSE 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", "io.spectrumflow.worker.app.SpectrumflowWorkerApplication"]
CMD ["server", "/app/config.yml"]
