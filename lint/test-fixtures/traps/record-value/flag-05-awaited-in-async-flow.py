# orca-fixture: an awaited 2.x Variable compared in an async flow
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 11
from prefect import flow
from prefect.variables import Variable


@flow
async def gate():
    if await Variable.get("feature_flag") == "on":
        return True
    return False
