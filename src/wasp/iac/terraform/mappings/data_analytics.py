"""Analytics ``aws_*`` types in CloudFormation shape: DAX, Athena, Glue, EMR, MWAA, QLDB, Timestream, Keyspaces,
Kendra, CloudSearch, Step Functions, AppFlow and DMS S3 endpoints."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, pick, tags, truthy


def _named(cfn_name: str, **more: str) -> Callable[[Values], Props]:
    """A mapping that renames the given attributes (``tf=CfnName``) and the tags."""

    def mapping(v: Values) -> Props:
        return {**pick(v, {"name": cfn_name, **more}), "Tags": tags(v.get("tags"))}

    return mapping


def dax(v: Values) -> Props:
    """``aws_dax_cluster`` as ``AWS::DAX::Cluster``."""
    props = pick(
        v,
        {"cluster_name": "ClusterName", "cluster_endpoint_encryption_type": "ClusterEndpointEncryptionType"},
    )
    sse = block(v.get("server_side_encryption"))
    if sse:
        props["SSESpecification"] = {"SSEEnabled": truthy(sse.get("enabled", False))}
    return props


def athena_workgroup(v: Values) -> Props:
    """``aws_athena_workgroup`` as ``AWS::Athena::WorkGroup``."""
    config = block(v.get("configuration"))
    result = block(config.get("result_configuration"))
    encryption = block(result.get("encryption_configuration"))
    workgroup: Props = pick(config, {"enforce_workgroup_configuration": "EnforceWorkGroupConfiguration"})
    if "EnforceWorkGroupConfiguration" in workgroup:
        workgroup["EnforceWorkGroupConfiguration"] = truthy(workgroup["EnforceWorkGroupConfiguration"])
    if result:
        workgroup["ResultConfiguration"] = pick(result, {"output_location": "OutputLocation"})
        if encryption:
            workgroup["ResultConfiguration"]["EncryptionConfiguration"] = pick(
                encryption, {"encryption_option": "EncryptionOption", "kms_key_arn": "KmsKey"}
            )
    return {**pick(v, {"name": "Name"}), "WorkGroupConfiguration": workgroup, "Tags": tags(v.get("tags"))}


def athena_database(v: Values) -> Props:
    """``aws_athena_database`` (no CloudFormation type) as ``WASP::Athena::Database``."""
    encryption = block(v.get("encryption_configuration"))
    props = pick(v, {"name": "Name"})
    if encryption:
        props["EncryptionConfiguration"] = pick(
            encryption, {"encryption_option": "EncryptionOption", "kms_key": "KmsKey"}
        )
    return props


def glue_catalog(v: Values) -> Props:
    """``aws_glue_data_catalog_encryption_settings`` as ``AWS::Glue::DataCatalogEncryptionSettings``."""
    settings = block(v.get("data_catalog_encryption_settings"))
    at_rest = block(settings.get("encryption_at_rest"))
    password = block(settings.get("connection_password_encryption"))
    out: Props = {}
    if at_rest:
        out["EncryptionAtRest"] = pick(
            at_rest,
            {"catalog_encryption_mode": "CatalogEncryptionMode", "sse_aws_kms_key_id": "SseAwsKmsKeyId"},
        )
    if password:
        out["ConnectionPasswordEncryption"] = {
            "ReturnConnectionPasswordEncrypted": truthy(
                password.get("return_connection_password_encrypted", False)
            ),
            **pick(password, {"aws_kms_key_id": "KmsKeyId"}),
        }
    return {**pick(v, {"catalog_id": "CatalogId"}), "DataCatalogEncryptionSettings": out}


def qldb(v: Values) -> Props:
    """``aws_qldb_ledger`` as ``AWS::QLDB::Ledger``."""
    props = pick(v, {"name": "Name", "permissions_mode": "PermissionsMode", "kms_key": "KmsKey"})
    if v.get("deletion_protection") is not None:
        props["DeletionProtection"] = truthy(v["deletion_protection"])
    return {**props, "Tags": tags(v.get("tags"))}


_MWAA_LOGS = {
    "dag_processing_logs": "DagProcessingLogs",
    "scheduler_logs": "SchedulerLogs",
    "task_logs": "TaskLogs",
    "webserver_logs": "WebserverLogs",
    "worker_logs": "WorkerLogs",
}


def mwaa(v: Values) -> Props:
    """``aws_mwaa_environment`` as ``AWS::MWAA::Environment``."""
    logging = block(v.get("logging_configuration"))
    logs: Props = {}
    for tf_name, cfn_name in _MWAA_LOGS.items():
        one = block(logging.get(tf_name))
        if one:
            logs[cfn_name] = {
                "Enabled": truthy(one.get("enabled", False)),
                **pick(one, {"log_level": "LogLevel"}),
            }
    props = pick(v, {"name": "Name", "webserver_access_mode": "WebserverAccessMode"})
    return {**props, "LoggingConfiguration": logs, "Tags": tags(v.get("tags"))}


def emr(v: Values) -> Props:
    """``aws_emr_cluster`` as ``AWS::EMR::Cluster`` (its ``ec2_attributes`` security groups as ``Instances``)."""
    ec2 = block(v.get("ec2_attributes"))
    groups = pick(
        ec2,
        {
            "emr_managed_master_security_group": "EmrManagedMasterSecurityGroup",
            "emr_managed_slave_security_group": "EmrManagedSlaveSecurityGroup",
            "service_access_security_group": "ServiceAccessSecurityGroup",
        },
    )
    for attr, name in (
        ("additional_master_security_groups", "AdditionalMasterSecurityGroups"),
        ("additional_slave_security_groups", "AdditionalSlaveSecurityGroups"),
    ):
        if ec2.get(attr) not in (None, ""):
            groups[name] = (
                [g.strip() for g in str(ec2[attr]).split(",")] if isinstance(ec2[attr], str) else ec2[attr]
            )
    return {
        **pick(v, {"name": "Name", "security_configuration": "SecurityConfiguration"}),
        "Instances": groups,
        "Tags": tags(v.get("tags")),
    }


def keyspaces(v: Values) -> Props:
    """``aws_keyspaces_table`` as ``AWS::Cassandra::Table``."""
    spec = block(v.get("encryption_specification"))
    props = pick(v, {"table_name": "TableName", "keyspace_name": "KeyspaceName"})
    if spec:
        props["EncryptionSpecification"] = pick(
            spec, {"type": "EncryptionType", "kms_key_identifier": "KmsKeyIdentifier"}
        )
    return {**props, "Tags": tags(v.get("tags"))}


def kendra(v: Values) -> Props:
    """``aws_kendra_index`` as ``AWS::Kendra::Index``."""
    sse = block(v.get("server_side_encryption_configuration"))
    props = pick(v, {"name": "Name"})
    if sse:
        props["ServerSideEncryptionConfiguration"] = pick(sse, {"kms_key_id": "KmsKeyId"})
    return {**props, "Tags": tags(v.get("tags"))}


def cloudsearch(v: Values) -> Props:
    """``aws_cloudsearch_domain`` (no CloudFormation type) as ``WASP::CloudSearch::Domain``."""
    options = block(v.get("endpoint_options"))
    endpoint = pick(options, {"tls_security_policy": "TLSSecurityPolicy"})
    if options.get("enforce_https") is not None:
        endpoint["EnforceHTTPS"] = truthy(options["enforce_https"])
    return {**pick(v, {"name": "DomainName"}), "EndpointOptions": endpoint}


def state_machine(v: Values) -> Props:
    """``aws_sfn_state_machine`` as ``AWS::StepFunctions::StateMachine`` (logging level OFF unless set)."""
    logging = block(v.get("logging_configuration"))
    props = pick(v, {"name": "StateMachineName", "type": "StateMachineType"})
    props["LoggingConfiguration"] = {"Level": logging.get("level") or "OFF"}
    return {**props, "Tags": tags(v.get("tags"))}


def dms_s3_endpoint(v: Values) -> Props:
    """``aws_dms_s3_endpoint`` as an S3 ``AWS::DMS::Endpoint``."""
    settings = pick(
        v,
        {
            "encryption_mode": "EncryptionMode",
            "server_side_encryption_kms_key_id": "ServerSideEncryptionKmsKeyId",
        },
    )
    return {**pick(v, {"endpoint_id": "EndpointIdentifier"}), "EngineName": "s3", "S3Settings": settings}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_dax_cluster": ("AWS::DAX::Cluster", dax),
    "aws_athena_workgroup": ("AWS::Athena::WorkGroup", athena_workgroup),
    "aws_athena_database": ("WASP::Athena::Database", athena_database),
    "aws_glue_data_catalog_encryption_settings": ("AWS::Glue::DataCatalogEncryptionSettings", glue_catalog),
    "aws_glue_crawler": (
        "AWS::Glue::Crawler",
        _named("Name", security_configuration="CrawlerSecurityConfiguration"),
    ),
    "aws_glue_job": ("AWS::Glue::Job", _named("Name", security_configuration="SecurityConfiguration")),
    "aws_glue_dev_endpoint": (
        "AWS::Glue::DevEndpoint",
        _named("EndpointName", security_configuration="SecurityConfiguration"),
    ),
    "aws_timestreamwrite_database": (
        "AWS::Timestream::Database",
        _named("DatabaseName", kms_key_id="KmsKeyId"),
    ),
    "aws_qldb_ledger": ("AWS::QLDB::Ledger", qldb),
    "aws_mwaa_environment": ("AWS::MWAA::Environment", mwaa),
    "aws_emr_cluster": ("AWS::EMR::Cluster", emr),
    "aws_keyspaces_table": ("AWS::Cassandra::Table", keyspaces),
    "aws_kendra_index": ("AWS::Kendra::Index", kendra),
    "aws_cloudsearch_domain": ("WASP::CloudSearch::Domain", cloudsearch),
    "aws_sfn_state_machine": ("AWS::StepFunctions::StateMachine", state_machine),
    "aws_appflow_flow": ("AWS::AppFlow::Flow", _named("FlowName", kms_arn="KMSArn")),
    "aws_appflow_connector_profile": (
        "AWS::AppFlow::ConnectorProfile",
        _named("ConnectorProfileName", kms_arn="KMSArn"),
    ),
    "aws_dms_s3_endpoint": ("AWS::DMS::Endpoint", dms_s3_endpoint),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
