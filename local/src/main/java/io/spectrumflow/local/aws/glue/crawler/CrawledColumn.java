package io.spectrumflow.local.aws.glue.crawler;

/** A column as a crawler writes it to the catalog: lower-case name, Glue (Hive) type. */
record CrawledColumn(String name, String type) {}
