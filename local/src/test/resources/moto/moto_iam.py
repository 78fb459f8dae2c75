"""IAM set-up on a moto server for the moto contract suite (local/src/test/java/.../moto/).

  moto_iam.py ENDPOINT bootstrap                     -> creates user 'admin' (Allow * on *) with
                                                        unsigned calls, prints its key id and secret
  moto_iam.py ENDPOINT user KEY SECRET NAME          -> creates IAM user NAME with an access key,
                                                        prints its key id and secret
  moto_iam.py ENDPOINT policies KEY SECRET NAME F... -> replaces NAME's inline policies with the
                                                        JSON files F (each named after its file)
  moto_iam.py ENDPOINT cluster KEY SECRET ID ROLE    -> creates Redshift cluster ID with ROLE
"""
import json
import os
import sys

import boto3

REGION = "us-east-1"


def client(endpoint, service, key="bootstrap", secret="bootstrap"):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION,
                        aws_access_key_id=key, aws_secret_access_key=secret)


def main(endpoint, command, *args):
    if command == "bootstrap":
        iam = client(endpoint, "iam")
        iam.create_user(UserName="admin")
        iam.put_user_policy(UserName="admin", PolicyName="admin", PolicyDocument=json.dumps(
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="admin")["AccessKey"]
        print(key["AccessKeyId"], key["SecretAccessKey"])
    elif command == "user":
        key_id, secret, name = args
        iam = client(endpoint, "iam", key_id, secret)
        iam.create_user(UserName=name)
        key = iam.create_access_key(UserName=name)["AccessKey"]
        print(key["AccessKeyId"], key["SecretAccessKey"])
    elif command == "policies":
        key_id, secret, name, *files = args
        iam = client(endpoint, "iam", key_id, secret)
        for policy in iam.list_user_policies(UserName=name)["PolicyNames"]:
            iam.delete_user_policy(UserName=name, PolicyName=policy)
        for file in files:
            with open(file, encoding="utf-8") as f:
                document = f.read()
            policy = os.path.splitext(os.path.basename(file))[0]
            iam.put_user_policy(UserName=name, PolicyName=policy, PolicyDocument=document)
    elif command == "cluster":
        key_id, secret, cluster, role = args
        client(endpoint, "redshift", key_id, secret).create_cluster(
            ClusterIdentifier=cluster, NodeType="ra3.xlplus", MasterUsername="awsuser",
            MasterUserPassword="Passw0rd-moto", IamRoles=[role])
    else:
        raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    main(*sys.argv[1:])
