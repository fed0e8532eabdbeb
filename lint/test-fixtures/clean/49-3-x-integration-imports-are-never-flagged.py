# orca-fixture: 3.x integration imports are never flagged
# prefect: 3.4.20
from prefect import flow
from prefect_aws import S3Bucket
from prefect_dask import DaskTaskRunner
import pandas as pd

@flow(task_runner=DaskTaskRunner())
def to_s3():
    bucket = S3Bucket.load("my-bucket")
    bucket.upload_from_dataframe(pd.DataFrame())
