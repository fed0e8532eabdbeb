# orca-fixture: a flow that records its last run date in a variable, without overwrite (3.x)
# prefect: 3.4.20
# rule: variable-exists
# lines: 11
from prefect import flow
from prefect.variables import Variable


@flow
def sync_crm(day: str):
    Variable.set("crm_last_sync", day)
