package io.spectrumflow.activities.dump.parquet;

/**
 * A column chunk's dictionary page: its plain-encoded entries, compressed.
 *
 * @param entries how many values it holds
 */
record EncodedDictionary(byte[] bytes, int uncompressedSize, int entries) {}
