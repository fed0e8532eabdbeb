from prefect import flow
from prefect.variables import Variable


@flow
def sync_crm(day: str):
    Variable.set("crm_last_sync", day, overwrite=True)
