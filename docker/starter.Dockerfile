# The starter: HTTP API, dashboard and schedules (io.spectrumflow.starter.app).
# Built from the jars Maven makes; build them first at the repository's root:
#   mvn -B -q -DskipTests package      (docker compose build then only copies them)
# Context: the repository's root (docker-compose.yml says so); starter.Dockerfile.dockerignore
# sends only what this file copies.
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app spectrumflow
WORKDIR /app
COPY starter/target/lib/ /app/lib/
COPY starter/target/spectrumflow-starter-*.jar /app/lib/
COPY docker/starter.yml /app/config.yml

USER spectrumflow
# the HTTP API and the dashboard at /
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", "io.spectrumflow.starter.app.SpectrumflowStarterApplication"]
CMD ["server", "/app/config.yml"]
