from prefect import flow
from prefect.variables import Variable


@flow
async def gate():
    if (await Variable.get("feature_flag")).value == "on":
        return True
    return False
