from prefect import task
from prefect.variables import Variable


@task
def save_watermark(ts: str):
    Variable.set(name="orders_watermark", value=ts, tags=["etl"], overwrite=True)
