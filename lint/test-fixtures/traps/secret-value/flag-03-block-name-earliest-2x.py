# orca-fixture: the block bound to a name, then .value handed to a client, on the first 2.x release
# prefect: 2.0.0
# rule: record-used-as-value
# lines: 10
import boto3

from prefect.blocks.system import Secret

secret = Secret.load("aws-key")
client = boto3.client("s3", aws_secret_access_key=secret.value)
