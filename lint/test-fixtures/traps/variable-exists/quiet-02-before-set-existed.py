# orca-fixture: a plain helper function (not a flow or task) that sets a variable, and a get in a flow
# prefect: 3.1.12
# rule: variable-exists
# lines: none
from prefect import flow
from prefect.variables import Variable


def bootstrap():
    Variable.set("crm_region", "eu")


@flow
def sync_crm():
    return Variable.get("crm_region")
