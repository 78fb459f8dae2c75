package io.spectrumflow.worker;

import io.spectrumflow.activities.aws.AwsSettings;
import java.nio.file.Path;

/**
 * What a worker process needs.
 *
 * @param temporalTarget the Temporal frontend, {@code host:port}
 * @param namespace the Temporal namespace
 * @param aws where the AWS clients connect
 * @param workDir where dumped Parquet files wait for their upload
 */
public record WorkerSettings(
    String temporalTarget, String namespace, AwsSettings aws, Path workDir) {}
