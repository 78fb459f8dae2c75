# Our Glue + Redshift Data API stand-in (io.spectrumflow.local.aws.AwsStandIn), for the compose
# stack without AWS: Glue catalog and crawlers, the Data API over DuckDB, reading S3 (MinIO)
# through the S3 API. Configured by environment variables: STANDIN_PORT, STANDIN_DATA_DIR,
# S3_ENDPOINT, AWS_REGION, STANDIN_CLUSTERS, STANDIN_CRAWL_SECONDS; S3 credentials from the
# default chain (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
# Built from the jars Maven makes; build them first at the repository's root:
#   mvn -B -q -DskipTests package
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app spectrumflow \
    && mkdir -p /var/lib/spectrumflow/aws \
    && chown spectrumflow /var/lib/spectrumflow/aws
WORKDIR /app
COPY local/target/lib/ /app/lib/
COPY local/target/spectrumflow-local-*.jar /app/lib/

USER spectrumflow
ENV STANDIN_HOST=0.0.0.0 \
    STANDIN_PORT=4566 \
    STANDIN_DATA_DIR=/var/lib/spectrumflow/aws
# the Glue catalog, crawler state and the Redshift databases (DuckDB files)
VOLUME /var/lib/spectrumflow/aws
EXPOSE 4566
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", "io.spectrumflow.local.aws.AwsStandIn"]
