/**
 * A local stand-in for AWS Glue (Data Catalog and crawlers), the Redshift Data API and the part of
 * Redshift's own API that clients use to check IAM roles, on one port, so that production code and
 * other clients (AWS CLI, other SDKs) run against it with only an endpoint override. Glue and the
 * Data API speak AWS JSON 1.1 ({@code X-Amz-Target: AWSGlue.*} / {@code RedshiftData.*}); Redshift
 * speaks the AWS Query protocol (form-encoded {@code Action=...&Version=2012-12-01}, XML answers in
 * the {@code http://redshift.amazonaws.com/doc/2012-12-01/} namespace, errors as {@code
 * ErrorResponse} with the real HTTP status, e.g. 404 for {@code ClusterNotFound}).
 *
 * <p>Start it with {@link io.spectrumflow.local.aws.AwsStandIn#start} and {@link
 * io.spectrumflow.local.aws.StandInSettings} (the 4-argument constructor gives 3-second crawls, no
 * configured clusters and region us-east-1), or run {@link
 * io.spectrumflow.local.aws.AwsStandIn#main} with the environment:
 *
 * <ul>
 *   <li>STANDIN_HOST (default 0.0.0.0), STANDIN_PORT (default 4566), STANDIN_DATA_DIR (default
 *       ./data/aws-stand-in);
 *   <li>S3_ENDPOINT: the S3 server crawlers and Spectrum queries read, path-style (unset for AWS
 *       S3); S3 credentials from the default chain; AWS_REGION (default us-east-1), also the region
 *       ARNs and endpoints name;
 *   <li>STANDIN_CRAWL_SECONDS (default 3): how long a crawl takes from StartCrawler back to READY;
 *   <li>STANDIN_CLUSTERS, e.g. {@code analytics=arn:aws:iam::123456789012:role/spectrum,arn2;wg=}:
 *       the Redshift clusters there are (the names also serve as Serverless workgroup names) and
 *       the IAM roles associated with each. Unset or empty: any ClusterIdentifier or WorkgroupName
 *       is accepted, any well-formed role may be used, and DescribeClusters knows no cluster.
 * </ul>
 *
 * <p>Data directory:
 *
 * <pre>
 * glue/&lt;db&gt;/database.json                              the Glue catalog, one JSON file per object
 * glue/&lt;db&gt;/tables/&lt;table&gt;/table.json, versions/, partitions/
 * glue-crawlers/&lt;name&gt;.json                            crawler definitions, tags, last crawl, run times
 * redshift/databases/&lt;name&gt;/&lt;name&gt;.duckdb               a Redshift database (created on first use)
 * redshift/databases/&lt;name&gt;/external-schemas.json       its external schemas -> Glue databases
 * redshift/clusters.json                                 IAM roles changed by ModifyClusterIamRoles
 * redshift/s3-cache/&lt;bucket&gt;/&lt;sha-256 of key&gt;/&lt;etag&gt;.parquet   objects crawlers and Spectrum read
 * </pre>
 *
 * <p>Crawlers crawl: StartCrawler moves a crawler to RUNNING; a background thread lists each S3
 * target through the S3 API (skipping folder markers, empty objects, names starting with '.' or
 * '_', and the target's Exclusions globs), reads the Parquet footers, and writes one table per
 * target named after the target's last folder (lower case, other characters than a-z, 0-9 and _ as
 * _, after TablePrefix), with {@code key=value} folders as partition key {@code key} and other
 * folders as {@code partition_0}, {@code partition_1}, ... (all {@code string}). SchemaChangePolicy
 * UPDATE_IN_DATABASE sets an existing table's columns and partition keys from the crawl (or, with
 * {@code MergeNewColumns}, only adds columns); LOG leaves them; new partitions are always added and
 * {@code InheritFromTable} gives partitions the table's columns. The crawler then goes STOPPING and
 * READY with its LastCrawl.
 *
 * <p>With clusters configured, the Data API answers a statement on another cluster or workgroup
 * with {@code ValidationException: Redshift endpoint doesn't exist in this region.}, and CREATE
 * EXTERNAL SCHEMA (and every later query of the schema, as Spectrum assumes the role per query)
 * fails with Redshift's {@code ERROR: User
 * arn:aws:redshift:<region>:<account>:dbuser:<cluster>/<user> is not authorized to assume IAM Role
 * <arn>} and its DETAIL block (code 8001) when the role (the first of a chain) is not associated
 * with the cluster; {@code IAM_ROLE default} uses the cluster's DefaultIamRoleArn, or fails with
 * {@code ERROR: Cannot find default IAM role on this cluster}.
 *
 * <p>Text longer than its column: a Glue {@code string} column is read as VARCHAR(65535), {@code
 * varchar(n)} and {@code char(n)} as n bytes, and a longer value is handled as the table's {@code
 * surplus_char_handling} parameter says, SET_TO_NULL (read as NULL) when it is unset, as Redshift
 * Spectrum does; DISABLED, TRUNCATE, FAIL and DROP_ROW are applied too. Checked against AWS's
 * documentation: the Redshift Database Developer Guide, "CREATE EXTERNAL TABLE" (TABLE PROPERTIES,
 * surplus_char_handling: by default Spectrum sets a value that exceeds the column's width to null)
 * and "Data handling options" (docs.aws.amazon.com/redshift/latest/dg/ r_CREATE_EXTERNAL_TABLE.html
 * and t_setting-data-handling-options.html).
 *
 * <p>Glue's limits, checked against botocore's Glue model (2017-03-31) and the Glue API reference:
 * at most 100 PartitionInputList entries a BatchCreatePartition, 1 to 100 Entries a
 * BatchUpdatePartition, 1000 PartitionsToGet a BatchGetPartition, 25 PartitionsToDelete a
 * BatchDeletePartition, 100 TablesToDelete a BatchDeleteTable, 100 names a BatchGetCrawlers or
 * GetCrawlerMetrics; more (or fewer) is answered, before anything is done, as AWS answers it: 400
 * {@code ValidationException} "1 validation error detected: Value '[...]' at 'partitionsToDelete'
 * failed to satisfy constraint: Member must have length less than or equal to 25" (the value lists
 * the items by their partition values, shorter than AWS's print of them). GetPartitions pages at
 * most 1000. Tests turn on Glue's awkward answers through {@code AwsStandIn.glueFaults()} ({@link
 * io.spectrumflow.local.aws.glue.GlueFaults}): keys left in BatchGetPartition's {@code
 * UnprocessedKeys}, per-entry {@code Errors} of BatchCreate/Update/DeletePartition (with or without
 * the entry written), and ThrottlingException for any Glue operation; each hits the second half of
 * a call's entries for the next calls it is set for. Without it the stand-in never answers them.
 *
 * <p>Limits enforced as AWS documents them (checked against the AWS docs; botocore's models do not
 * carry them):
 *
 * <ul>
 *   <li>Data API: a statement (ExecuteStatement's Sql, each of BatchExecuteStatement's Sqls) of
 *       more than 100 KB, read as 100,000 bytes of UTF-8, is refused with {@code
 *       ValidationException: Cannot process query string larger than 100kB}.
 *   <li>S3 (the embedded S3, {@link io.spectrumflow.local.s3.S3Limits}): one PutObject or
 *       CopyObject writes at most 5 GB, above that {@code 400 EntityTooLarge} (multipart uploads
 *       and copies are not limited by it; tests may lower it); DeleteObjects takes at most 1000
 *       keys. A fault mode answers DeleteObjects with per-key {@code Errors} (HTTP 200).
 * </ul>
 *
 * <p>Known differences from the real services:
 *
 * <ul>
 *   <li>Signatures, IAM permissions, trust policies and Lake Formation are not checked: a crawler's
 *       Role is not assumed, and an associated role always works.
 *   <li>One Glue catalog (account {@code 000000000000}) and one set of Redshift databases: every
 *       cluster and workgroup reaches the same databases, which are created on first use.
 *   <li>Crawlers read Parquet only (no classifiers for CSV, JSON, Avro, ...) and make one table per
 *       S3 target: files at another folder depth than most are left out rather than made into
 *       further tables, and schemas are not compared to split tables. A crawl that finds no
 *       readable Parquet at all ends FAILED with an ErrorMessage that says why (real Glue may
 *       report SUCCEEDED with no tables). A crawler creates its database when it is missing.
 *       Schedules are stored and shown but never start a crawl; DeleteBehavior, RecrawlPolicy,
 *       Grouping (one table per target is what {@code CombineCompatibleSchemas} asks for anyway;
 *       incompatible schemas are not split), TableThreshold, sampling and event mode are accepted
 *       but not acted on; no CloudWatch logs are written. Closing the stand-in cancels running
 *       crawls (LastCrawl CANCELLED).
 *   <li>surplus_char_handling TRUNCATE cuts a value to the column's width in characters (exact for
 *       ASCII; Spectrum counts bytes); FAIL's error text is the stand-in's own.
 *   <li>Types: an INT64 timestamp without the UTC flag (or in nanoseconds) is typed {@code bigint},
 *       and Spectrum reads it as microseconds since the epoch whatever its unit.
 *   <li>Redshift's API has DescribeClusters and ModifyClusterIamRoles only; clusters come from the
 *       settings (single-node ra3.xlplus, {@code available}, database {@code dev}, master user
 *       {@code awsuser}; the endpoint address does not resolve: use the Data API). Role changes
 *       apply at once ({@code in-sync}). The database user in role errors is the request's DbUser,
 *       else {@code awsuser}; Serverless workgroups get the same cluster wording.
 *   <li>SQL is DuckDB's dialect, close to Redshift's for SELECT, GROUP BY, ORDER BY, WHERE IN;
 *       result types follow DuckDB (e.g. {@code sum(int)} is numeric, not int8).
 *   <li>Statements and their results live in memory for 24 hours: a restart forgets them.
 *   <li>A batch runs in one transaction only when none of its statements touches an external
 *       schema; otherwise a failure does not roll back the statements before it.
 *   <li>A query that names {@code "$path"} or {@code "$size"} also gets them from {@code SELECT *}.
 *   <li>Of Redshift's system views, SVV_EXTERNAL_SCHEMAS, SVV_EXTERNAL_TABLES, SVV_EXTERNAL_COLUMNS
 *       and SVV_EXTERNAL_PARTITIONS exist (unqualified names, Redshift's columns, filled when a
 *       statement names them); other system tables and views (STL_, SVL_, PG_ ...) do not.
 *   <li>Spectrum views read Parquet only; sessions (SessionId) and GetStatementResultV2 (CSV) are
 *       not implemented yet.
 *   <li>A Spectrum query reads the partition list once, so a partition whose Location is switched
 *       meanwhile (e.g. with BatchUpdatePartition) is read from the old or the new folder, never
 *       both; objects themselves are listed when the query starts, as Spectrum does.
 * </ul>
 *
 * <p>Contract check: every request is first checked against botocore's service model of its
 * operation (package {@code contract}; the models come with the AWS CLI's Python and are found at
 * run time through the system property {@code spectrumflow.botocore.data}, the environment variable
 * {@code SPECTRUMFLOW_BOTOCORE_DATA}, {@code python3}, or the usual site-packages folders):
 * required members, lengths, list sizes, number ranges, enums and patterns of Glue, the Data API
 * and Redshift's Query API. A violation is answered 400 {@code ValidationException} (Query: {@code
 * ValidationError}) worded as AWS words it, e.g. {@code 1 validation error detected: Value '[...]'
 * at 'partitionsToDelete' failed to satisfy constraint: Member must have length less than or equal
 * to 25}; a value of the wrong JSON type is a {@code SerializationException}. Without the models
 * the check is off (logged once) and the stand-in's own checks answer, with Glue's {@code
 * InvalidInputException}. The embedded S3 refuses keys over 1024 bytes, user metadata over 2 KB,
 * DeleteObjects of over 1000 keys and bad bucket names. Each server keeps a ledger of requests
 * checked and violations per operation ({@code AwsStandIn#contractLedger}).
 *
 * <p>The Redshift side can read another Glue: with {@link StandInSettings#spectrumGlue()} (or
 * {@code SPECTRUM_GLUE_ENDPOINT} for {@link AwsStandIn#main}) its external schemas read databases,
 * tables and partitions through that Glue's API ({@code GetDatabase}, {@code GetTables}, {@code
 * GetTable}, paged {@code GetPartitions}), with that client's credentials, as Spectrum reads its
 * region's Data Catalog with its role, and objects through {@link StandInSettings#s3()}. The moto
 * suite ({@code -Pmoto}) points it at moto's Glue and S3, so that rows are counted from what moto
 * holds. Its own Glue service and crawlers still serve the stand-in's catalog.
 */
package io.spectrumflow.local.aws;
