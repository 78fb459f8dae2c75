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
 *       Grouping, TableThreshold, sampling and event mode are accepted but not acted on; no
 *       CloudWatch logs are written. Closing the stand-in cancels running crawls (LastCrawl
 *       CANCELLED).
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
 * <p>The Redshift side can read another Glue: with {@link StandInSettings#spectrumGlue()} (or
 * {@code SPECTRUM_GLUE_ENDPOINT} for {@link AwsStandIn#main}) its external schemas read databases,
 * tables and partitions through that Glue's API ({@code GetDatabase}, {@code GetTables}, {@code
 * GetTable}, paged {@code GetPartitions}), with that client's credentials, as Spectrum reads its
 * region's Data Catalog with its role, and objects through {@link StandInSettings#s3()}. The moto
 * suite ({@code -Pmoto}) points it at moto's Glue and S3, so that rows are counted from what moto
 * holds. Its own Glue service and crawlers still serve the stand-in's catalog.
 */
package io.spectrumflow.local.aws;
