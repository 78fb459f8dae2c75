package io.spectrumflow.workflows.export;

import java.util.List;

/**
 * What the upload left in S3.
 *
 * @param objects the batch's objects
 * @param staleKeysRemoved objects of this batch from an earlier attempt that this one no longer
 *     writes (e.g. after a change of file size), removed so that no row is counted twice
 */
public record UploadResult(List<UploadedObject> objects, List<String> staleKeysRemoved) {}
