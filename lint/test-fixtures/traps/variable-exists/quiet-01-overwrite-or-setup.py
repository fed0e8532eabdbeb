# orca-fixture: overwrite given, an explicit overwrite=False, and a one-off setup call at the top level
# prefect: 3.4.20
# rule: variable-exists
# lines: none
from prefect import flow
from prefect.variables import Variable

Variable.set("crm_region", "eu")


@flow
def sync_crm(day: str):
    Variable.set("crm_last_sync", day, overwrite=True)
    Variable.set("crm_first_sync", day, overwrite=False)
