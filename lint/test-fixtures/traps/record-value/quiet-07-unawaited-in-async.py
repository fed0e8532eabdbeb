# orca-fixture: an un-awaited 2.x Variable.get in async code gives a coroutine, not a Variable
# prefect: 2.20.3
# rule: record-used-as-value
# lines: none
from prefect import flow
from prefect.variables import Variable


@flow
async def gate():
    if Variable.get("feature_flag") == "on":
        return True
    return False
